// Which annotator layer a Prodigy record belongs to. Prodigy names a session "<dataset>-<session>"
// (annotator Alex at http://host/?session=alex on dataset ner_news writes "_annotator_id":
// "ner_news-alex" and the same "_session_id"), and a record does not say where the dataset name
// ends. The rule, applied per file:
//  - ids a Spanwise export wrote (its "spanwise.annotator" block equals the id) are kept whole;
//  - ids shaped like an unnamed session's time stamp ("2019-03-11_15-15-44") are kept whole;
//  - with two or more distinct ids, the dataset is their longest shared prefix ending in "-"
//    ("ner_news-alex", "ner_news-maria" → "alex", "maria"); ids sharing no such prefix are kept
//    whole (two datasets in one file);
//  - a file with one id keeps the part after its last "-" ("ner_news-alex" → "alex"), or the
//    whole id when it has no "-".
// The name is then made folder-safe (annotatorFromFile) and must be a valid annotator name.
const UNNAMED_SESSION = /^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}$/

function sharedDatasetPrefix(ids: string[]): string {
  let common = ids[0] ?? ''
  for (const id of ids) while (!id.startsWith(common)) common = common.slice(0, -1)
  return common.slice(0, common.lastIndexOf('-') + 1)
}

function afterLastDash(id: string): string {
  const cut = id.lastIndexOf('-')
  return cut > 0 && cut < id.length - 1 ? id.slice(cut + 1) : id
}

/** Session part of each Prodigy annotator id of one file (see the rule above), by id. */
export function prodigySessionNames(ids: Iterable<string>, keepWhole: ReadonlySet<string> = new Set()): Map<string, string> {
  const distinct = [...new Set(ids)]
  const named = distinct.filter((id) => !keepWhole.has(id) && !UNNAMED_SESSION.test(id))
  const names = new Map(distinct.map((id) => [id, id]))
  if (named.length === 1) names.set(named[0]!, afterLastDash(named[0]!))
  if (named.length > 1) {
    const prefix = sharedDatasetPrefix(named)
    for (const id of named) if (prefix && id.length > prefix.length) names.set(id, id.slice(prefix.length))
  }
  return names
}
