// One phase of the import/export benchmark, run in its own process so that its peak memory
// (max RSS) is its own. Prints one JSON line: { seconds, bytes, maxRssMiB }.
import { createReadStream, createWriteStream } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { finished } from 'node:stream/promises'
import { exportToFile } from '../src/main/exporting/export-to-file'
import { collectFiles } from '../src/main/importing/collect-files'
import { importSources } from '../src/main/importing/import-files'
import { spanwiseRecordLine } from '../src/main/formats/spanwise-jsonl'
import { ProjectStore } from '../src/main/store/project-store'
import { generateRecords } from './generate'

const [phase, workArg, documentsArg, spansArg] = process.argv.slice(2)
if (!workArg) throw new Error('usage: io-phase.ts PHASE WORKDIR DOCUMENTS SPANS_PER_DOCUMENT')
const work: string = workArg
const documents = Number(documentsArg)
const spansPerDocument = Number(spansArg)
const started = performance.now()
const cpuAtStart = process.cpuUsage()
let bytes = 0

/** What a phase prints: wall and CPU time (user + system; a loaded machine inflates wall time far more), bytes, peak RSS. */
function phaseResult(seconds: number, cpuBefore = cpuAtStart) {
  const cpu = process.cpuUsage(cpuBefore)
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, bytes, maxRssMiB: process.resourceUsage().maxRSS / 1024 }
}

switch (phase) {
  case 'generate': {
    // the input dataset, split in files under the import size limit
    const perFile = 1000
    for (let first = 0; first < documents; first += perFile) {
      const out = createWriteStream(path.join(work, 'input', `part-${String(first / perFile).padStart(3, '0')}.jsonl`))
      let index = 0
      for (const record of generateRecords(documents, spansPerDocument)) {
        if (index >= first && index < first + perFile) out.write(spanwiseRecordLine(record))
        if (++index >= first + perFile) break
      }
      out.end()
      await finished(out)
    }
    break
  }
  case 'generate-big': {
    // one JSONL file of about `documents` bytes (the argument is a size here), the same records over and over
    const target = Number(documentsArg)
    const out = createWriteStream(path.join(work, 'big.jsonl'))
    let n = 0
    while (bytes < target) {
      for (const record of generateRecords(1000, spansPerDocument, 7 + n)) {
        // every record its own text (a document's id is its text's hash)
        const line = spanwiseRecordLine({ ...record, text: `${record.text} (${n})`, title: `${record.title} (${n})` })
        if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
        bytes += Buffer.byteLength(line)
        if (bytes >= target) break
      }
      n++
    }
    out.end()
    await finished(out)
    break
  }
  case 'import-big': {
    // as `spanwise import` does: the file streams from disk (over the 20 MiB limit of single files)
    const store = await ProjectStore.open(path.join(work, 'project'), { create: true })
    const { files, rejected } = await collectFiles([path.join(work, 'big.jsonl')])
    if (rejected.length) throw new Error(JSON.stringify(rejected[0]))
    bytes = (await stat(path.join(work, 'big.jsonl'))).size
    const report = await importSources(store, files, { annotator: 'bench' })
    if (report.rejected.length) throw new Error(JSON.stringify(report.rejected[0]))
    break
  }
  case 'baseline-big': {
    const file = path.join(work, 'big.jsonl')
    bytes = (await stat(file)).size
    for await (const line of createInterface({ input: createReadStream(file) })) if (line) JSON.parse(line)
    break
  }
  case 'import': {
    const store = await ProjectStore.open(path.join(work, 'project'), { create: true })
    const names = (await readdir(path.join(work, 'input'))).sort()
    for (const name of names) {
      const file = path.join(work, 'input', name)
      const data = await readFile(file)
      bytes += data.length
      const report = await importSources(store, [{ name: file, bytes: data }], { annotator: 'bench' })
      if (report.rejected.length) throw new Error(JSON.stringify(report.rejected[0]))
    }
    break
  }
  case 'export': {
    // through exportToFile, as `spanwise export --out` writes
    const store = await ProjectStore.open(path.join(work, 'project'))
    const target = path.join(work, 'export.jsonl')
    await exportToFile(store, 'jsonl', { annotator: 'bench' }, target)
    bytes = (await stat(target)).size
    break
  }
  case 'baseline-write': {
    // the practical limit: the same records, all in memory, then (timed) one bare JSON.stringify
    // each and one write of the lot
    const records = [...generateRecords(documents, spansPerDocument)].map((record) => ({ schema: 'spanwise/v1', ...record }))
    const measured = performance.now()
    const cpuBefore = process.cpuUsage()
    const text = records.map((record) => `${JSON.stringify(record)}\n`).join('')
    await writeFile(path.join(work, 'baseline.jsonl'), text)
    bytes = Buffer.byteLength(text)
    console.log(JSON.stringify(phaseResult((performance.now() - measured) / 1000, cpuBefore)))
    process.exit(0)
  }
  case 'baseline-read': {
    // the practical limit for import: read the same files and JSON.parse each line
    for (const name of (await readdir(path.join(work, 'input'))).sort()) {
      const file = path.join(work, 'input', name)
      bytes += (await stat(file)).size
      for await (const line of createInterface({ input: createReadStream(file) })) if (line) JSON.parse(line)
    }
    break
  }
  default:
    throw new Error(`unknown phase ${phase}`)
}
console.log(JSON.stringify(phaseResult((performance.now() - started) / 1000)))
