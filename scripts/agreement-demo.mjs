// Four annotators' layers over the demo articles, for the Agreement view's screenshot: one
// reference reading and each annotator's own habits (shorter actor names, missed figures, a
// claim read as the actor's, extra spans), so that agreement differs by pair, label and document.
import { readFileSync } from 'node:fs'
import path from 'node:path'

const REFERENCE = {
  '01-harbour-bridge.txt': [
    ['actor', 'The city council of Norhaven'],
    ['claim', 'repairs to the old harbour bridge will cost 48 million euros'],
    ['figure', '48 million euros'],
    ['actor', 'Mayor Ilse Brandt'],
    ['claim', 'the bridge "remains safe for pedestrians"'],
    ['figure', '12 tonnes'],
    ['actor', 'The opposition Green group'],
    ['actor', 'Tomas Wik'],
    ['figure', 'eight months'],
    ['figure', 'about 31,000 vehicles']
  ],
  '02-grain-prices.txt': [
    ['figure', '7 percent'],
    ['actor', 'the National Grain Board'],
    ['claim', 'Bakers will feel this by the autumn'],
    ['actor', 'Maria Okafor'],
    ['claim', 'a standard loaf could cost 15 cents more by October'],
    ['figure', '15 cents'],
    ['actor', 'The agriculture ministry'],
    ['figure', '2.3 million tonnes'],
    ['actor', 'Traders in the port city of Lunde']
  ],
  '03-water-study.txt': [
    ['actor', 'Researchers at the University of Eskeby'],
    ['figure', '81 of 100'],
    ['actor', 'Lead author Dr. Jonas Feld'],
    ['claim', 'the concentrations were "low, but not negligible"'],
    ['actor', 'The regional water utility'],
    ['claim', 'its own testing had found "no risk to public health"'],
    ['figure', '3 million euros'],
    ['actor', 'A consumer group, Clean Tap Now'],
    ['claim', 'households had been kept in the dark']
  ],
  '04-transit-strike.md': [
    ['actor', "Members of the Transit Workers' Union"],
    ['figure', '86 percent'],
    ['figure', '48 hours'],
    ['actor', 'Union secretary Leila Haddad'],
    ['claim', 'drivers had lost "a fifth of their real wages since 2020"'],
    ['actor', 'The city transport company'],
    ['figure', '4.5 percent'],
    ['figure', 'About 600,000 people']
  ]
}

/** Each annotator's habits: spans left out, bounds read differently, labels swapped, extras. */
const HABITS = {
  ana: {},
  ben: {
    bounds: { 'Mayor Ilse Brandt': 'Ilse Brandt', 'Lead author Dr. Jonas Feld': 'Dr. Jonas Feld', 'Union secretary Leila Haddad': 'Leila Haddad', 'about 31,000 vehicles': '31,000 vehicles' },
    skip: ['eight months', '2.3 million tonnes']
  },
  chen: {
    relabel: { 'the concentrations were "low, but not negligible"': 'figure', 'Traders in the port city of Lunde': 'claim' },
    extra: { '03-water-study.txt': [['claim', 'called for national limits']], '04-transit-strike.md': [['claim', 'its offer of a 4.5 percent raise was "fair and final"']] },
    skip: ['figure:48 hours']
  },
  dara: {
    skip: ['claim:*'],
    bounds: { 'The opposition Green group': 'Green group', 'the National Grain Board': 'National Grain Board' }
  }
}

function spansFor(text, reference, habits) {
  const skipped = (label, quote) => (habits.skip ?? []).some((rule) => rule === quote || rule === `${label}:${quote}` || rule === `${label}:*`)
  const chosen = reference
    .filter(([label, quote]) => !skipped(label, quote))
    .map(([label, quote]) => [habits.relabel?.[quote] ?? label, habits.bounds?.[quote] ?? quote])
  return chosen.map(([label, quote]) => {
    const start = text.indexOf(quote)
    if (start < 0) throw new Error(`"${quote}" is not in the demo text`)
    // the demo texts are ASCII: UTF-16 units are code points
    return { start, end: start + quote.length, label, text: quote }
  })
}

/** Spanwise JSONL records: one per demo article and annotator. */
export function agreementDemoRecords(root) {
  const records = []
  for (const [file, reference] of Object.entries(REFERENCE)) {
    const text = readFileSync(path.join(root, 'resources', 'demo', file), 'utf8')
    for (const [annotator, habits] of Object.entries(HABITS)) {
      const extra = habits.extra?.[file] ?? []
      records.push({
        schema: 'spanwise/v1',
        text,
        meta: { source: file },
        annotator,
        status: 'done',
        relations: [],
        spans: spansFor(text, [...reference, ...extra], habits)
      })
    }
  }
  return records
}
