// A labelled sample corpus for measuring suggestions: synthetic news-like articles about
// ceasefire talks, made from sentence templates with the entities and figures marked as they
// are written, so the gold spans are exact. Conventions: people, organisations and states or
// places are actors (a person's full name at first mention, the surname after); numbers with a
// unit, money and percentages are figures. Deterministic (seeded), plain text with a few emoji
// and non-Latin words, as in real feeds.
import { random } from './generate'

export interface GoldSpan {
  /** Code point offsets. */
  start: number
  end: number
  label: 'actor' | 'figure'
}

export interface LabelledArticle {
  title: string
  text: string
  spans: GoldSpan[]
}

const PEOPLE: [string, string][] = [
  ['Benjamin Netanyahu', 'Netanyahu'], ['Yoav Gallant', 'Gallant'], ['Antony Blinken', 'Blinken'], ['Joe Biden', 'Biden'],
  ['Emmanuel Macron', 'Macron'], ['Ismail Haniyeh', 'Haniyeh'], ['Herzi Halevi', 'Halevi'], ['Isaac Herzog', 'Herzog'],
  ['Olaf Scholz', 'Scholz'], ['Martin Griffiths', 'Griffiths'], ['António Guterres', 'Guterres'], ['Khalil al-Hayya', 'al-Hayya'],
  ['Sameh Shoukry', 'Shoukry'], ['Mohammed Al Thani', 'Al Thani'], ['Volker Türk', 'Türk']
]
const ORGANISATIONS = ['Hamas', 'the IDF', 'Hezbollah', 'the United Nations', 'UNRWA', 'CNN', 'Reuters', 'the Red Cross', 'the World Health Organization', 'Al Jazeera', 'the European Union', 'Islamic Jihad']
const PLACES = ['Israel', 'Gaza', 'Egypt', 'Qatar', 'Lebanon', 'Cairo', 'Doha', 'Rafah', 'Jerusalem', 'Washington', 'Tel Aviv', 'Khan Younis', 'the West Bank', 'Beirut']
const UNITS = ['hostages', 'Palestinians', 'people', 'soldiers', 'trucks', 'prisoners', 'civilians', 'children']
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const TEMPLATES = [
  '{P} said on {D} that {O} would release {F} in exchange for {F}.',
  'Talks in {L} between {O} and {L} resumed on {D}, according to {O}.',
  '{O} reported that {F} had been killed in {L} since October.',
  'Aid agencies said {F} had crossed into {L} from {L} 🚚 in the past week.',
  '{P}, who met {P} in {L}, called the proposal “a serious step”.',
  '{O} estimated the damage at {M}, about {C} of the buildings in {L}.',
  'Officials in {L} told {O} that {F} remained in captivity.',
  '{P} is expected to travel to {L} next week, {O} said.',
  'The plan would see {F} freed in a first phase lasting {N} days, {P} told reporters.',
  'In {L}, families of the hostages marched again 🕯️, demanding a deal.',
  'A spokesman for {O} denied the report, calling it “baseless”.',
  '{O} said {C} of the population of {L} faced acute hunger.'
]
// words that sound like figures but are not marked (dates, durations are numbers without unit)
const NUMBER_WORDS = ['one million', 'two thousand', 'dozens of']

/** Article `n` of a corpus seeded with `seed`. */
export function* labelledArticles(count: number, seed = 5, sentences: [number, number] = [5, 10]): Generator<LabelledArticle> {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  for (let n = 0; n < count; n++) {
    let text = ''
    let length = 0
    const spans: GoldSpan[] = []
    const mentioned = new Set<string>()
    const add = (chunk: string, label?: GoldSpan['label']) => {
      const size = [...chunk].length
      if (label) spans.push({ start: length, end: length + size, label })
      text += chunk
      length += size
    }
    const figure = () => {
      const roll = next()
      const unit = pick(UNITS)
      if (roll < 0.5) return `${1 + Math.floor(next() * 120)} ${unit}`
      if (roll < 0.8) return `${(1 + Math.floor(next() * 60)).toLocaleString('en')},${String(Math.floor(next() * 1000)).padStart(3, '0')} ${unit}`
      return `${pick(NUMBER_WORDS)} ${unit}`
    }
    // the title names a place, marked like any other mention
    const place = pick(PLACES).replace(/^the /, '')
    const title = `${place} talks: day ${n + 1}`
    add(place, 'actor')
    add(` talks: day ${n + 1}\n\n`)
    const sentenceCount = sentences[0] + Math.floor(next() * (sentences[1] - sentences[0] + 1))
    for (let s = 0; s < sentenceCount; s++) {
      const template = pick(TEMPLATES)
      const parts = template.split(/(\{[A-Z]\})/)
      parts.forEach((part, index) => {
        // "the IDF" at a sentence's start is "The IDF": the article stays outside the span
        const sentenceStart = index === 1 && parts[0] === ''
        const article = (name: string) => {
          if (!name.startsWith('the ')) return add(name, 'actor')
          add(sentenceStart ? 'The ' : 'the ')
          add(name.slice(4), 'actor')
        }
        switch (part) {
          case '{P}': {
            const [full, surname] = pick(PEOPLE)
            add(mentioned.has(full) ? surname : full, 'actor')
            mentioned.add(full)
            return
          }
          case '{O}':
            return article(pick(ORGANISATIONS))
          case '{L}':
            return article(pick(PLACES))
          case '{F}':
            return add(figure(), 'figure')
          case '{M}':
            return add(`$${(1 + Math.floor(next() * 9))}.${Math.floor(next() * 10)} billion`, 'figure')
          case '{C}':
            return add(next() < 0.5 ? `${5 + Math.floor(next() * 90)}%` : `${5 + Math.floor(next() * 90)} percent`, 'figure')
          case '{N}':
            return add(String(10 + Math.floor(next() * 50)))
          case '{D}':
            return add(pick(DAYS))
          default:
            return add(part)
        }
      })
      add(s % 3 === 2 ? '\n\n' : ' ')
    }
    yield { title, text: text.trimEnd() + '\n', spans }
  }
}

/** A dictionary as an analyst would gather it: every other person, organisation and place (names as written). */
export function sampleDictionary(): string[] {
  const people = PEOPLE.filter((_, i) => i % 2 === 0).flatMap(([full, surname]) => [full, surname])
  const names = [...ORGANISATIONS, ...PLACES].filter((_, i) => i % 2 === 0).map((name) => name.replace(/^the /, ''))
  return [...people, ...names]
}
