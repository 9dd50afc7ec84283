// Titles from headlines: the rule at the top of src/main/formats/title.ts.
import { describe, expect, it } from 'vitest'
import { titleFor } from '../../../src/main/formats/title'

describe('titleFor', () => {
  it('skips a date line and takes the headline under it', () => {
    const text = 'Thursday, November 21, 2024\n\nMinisters Reject Calls for a Truce Amid Strikes\n\nThe cabinet met on Monday night to discuss a drone attack.\n'
    expect(titleFor(text, 'a.txt')).toBe('Ministers Reject Calls for a Truce Amid Strikes')
  })

  it('strips a metadata prefix, and with no headline takes the first sentence cut at a word', () => {
    const text =
      ' date 2024-07-03 In a marked break with the prime minister’s stance on the war, the country’s top generals now argue for a truce, a newspaper reported. They say so.\n\nSecond paragraph.\n'
    const title = titleFor(text, 'a.txt')
    expect(title.startsWith('In a marked break with the prime minister’s stance')).toBe(true)
    expect(title.length).toBeLessThanOrEqual(120)
    expect(title.endsWith('…')).toBe(true)
    expect(title).not.toMatch(/\s…$/)
  })

  it('takes a short first sentence whole when no line looks like a headline', () => {
    const text = 'Officials said the port would reopen on Friday after the storm.\nTraders welcomed the news and prices fell sharply in early trading.\n'
    expect(titleFor(text, 'a.txt')).toBe('Officials said the port would reopen on Friday after the storm.')
  })

  it('never takes a subheading from inside the article', () => {
    const text = 'The generals argued for a truce on Tuesday, saying the army needed time to recover.\n\nLack of direction\n\nMore body text.\n'
    expect(titleFor(text, 'a.txt')).toBe('The generals argued for a truce on Tuesday, saying the army needed time to recover.')
  })

  it('skips bylines, page furniture and other date formats', () => {
    expect(titleFor('Advertisement\nBy Jane Doe\n21 Nov 2024 10:15 GMT\nUpdated: Nov 21, 2024\nHarbour Closed After Storm\nBody text.', 'a.txt')).toBe(
      'Harbour Closed After Storm'
    )
    expect(titleFor('2024-07-03\nPublished: 3 July 2024\nTalks resume in Cairo\n', 'a.txt')).toBe('Talks resume in Cairo')
  })

  it('strips a wire dateline from the first sentence', () => {
    expect(titleFor('GAZA CITY, Nov 21 (Reuters) - Aid trucks entered the strip on Thursday, officials said. More later.', 'a.txt')).toBe(
      'Aid trucks entered the strip on Thursday, officials said.'
    )
  })

  it('keeps a Markdown heading even when it ends in a full stop, and questions as headlines', () => {
    expect(titleFor('# A heading that ends here.\nBody.', 'a.md')).toBe('A heading that ends here.')
    expect(titleFor('Is the truce holding?\nBody text here.', 'a.txt')).toBe('Is the truce holding?')
  })

  it('falls back to the file name', () => {
    expect(titleFor('Thursday, November 21, 2024\n\n', 'notes/2024 minutes.txt')).toBe('2024 minutes')
  })
})
