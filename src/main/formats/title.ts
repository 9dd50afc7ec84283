// A document's title, found the way a reader finds an article's headline. News files often open
// with what is not a headline: a date ("Thursday, November 21, 2024"), a metadata line
// ("date 2024-07-03 …", "By Jane Doe", "Updated: …"), a dateline ("GAZA CITY (Reuters) -") or page
// furniture ("Advertisement"). The rule:
//   1. take the first non-empty line (Markdown heading marks dropped) that is not a date, byline
//      or furniture line, with a metadata or dateline prefix stripped from it;
//   2. if it is headline-like — a Markdown heading, or at most HEADLINE_MAX characters with at
//      least two words and no final full stop — it is the title;
//   3. else it is the body's first line (headlines come before the body, so no later line is
//      looked at: a subheading deep in the article is not a title), and its first sentence is the
//      title, cut at a word if it is long;
//   4. with no such line, the file name without its extension.
// HTML documents keep their <title> / <h1> (see html.ts).
import path from 'node:path'

const MAX_TITLE = 120
const HEADLINE_MAX = 140

const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\\.?'
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?'
const DATE = `(?:(?:${WEEKDAY}),?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})`
const TIME = '(?:[,\\s]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?'
/** A line that is only a date (and maybe a time). */
const DATE_LINE = new RegExp(`^${DATE}${TIME}$`, 'i')
/** "date 2024-07-03", "Published: 3 July 2024", "Updated Nov 21, 2024 10:15" before the text. */
const METADATA_PREFIX = new RegExp(`^(?:date|published|posted|updated|last updated|modified)\\s*[:\\-–—]?\\s*(?:${DATE}${TIME}|${WEEKDAY})?\\s*`, 'i')
/** "GAZA CITY, Nov 21 (Reuters) -" or "JERUSALEM (AP) —" before the text. */
const DATELINE = /^[\p{Lu}][\p{Lu}\p{M} .'’-]+(?:,[^()\n]{0,40})?\s*\((?:Reuters|AP|AFP|Xinhua|Anadolu|dpa|UPI|WAFA|IANS)\)\s*[-–—:]\s*/u
/** Bylines and page furniture that sit above articles copied from the web. */
const SKIPPED_LINE =
  /^(?:by\s+\p{Lu}[^.]{0,60}|(?:author|source|photo|image|credit|tags?|category|section|url|link)\s*:.*|advertisement|skip to (?:main )?content|share( this)?( article)?|listen to this article|\d+\s+min(?:ute)?s?\s+read)$/iu

function cut(line: string): string {
  if (line.length <= MAX_TITLE) return line
  const head = line.slice(0, MAX_TITLE - 1)
  // the cut falls between words when the next character is white space; else drop the part word
  const atWord = /\s/u.test(line[MAX_TITLE - 1]!) ? head.trimEnd() : head.replace(/\s+\S*$/u, '')
  return `${atWord.length > MAX_TITLE / 2 ? atWord : head}…`
}

function firstSentence(line: string): string {
  const end = /[.!?](?=\s+["“‘(]?\p{Lu})/u.exec(line)
  return end ? line.slice(0, end.index + 1) : line
}

function isHeadlineLike(line: string): boolean {
  return line.length <= HEADLINE_MAX && /\s/u.test(line) && !/\.$/u.test(line)
}

export function titleFor(text: string, fileName: string): string {
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const heading = /^\s*#{1,6}(?:\s+|$)/u.test(rawLine)
    let line = rawLine.replace(/^\s*#{1,6}(?:\s+|$)/u, '').trim()
    if (!line || DATE_LINE.test(line) || SKIPPED_LINE.test(line)) continue
    line = line.replace(METADATA_PREFIX, '').replace(DATELINE, '').trim()
    if (!line) continue
    return cut(heading || isHeadlineLike(line) ? line : firstSentence(line))
  }
  return path.basename(fileName).replace(/\.[^.]+$/, '')
}
