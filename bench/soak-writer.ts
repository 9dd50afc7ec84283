// One writer process of the crash soak (bench/soak.ts): opens the project the way the CLI does
// and runs several writers at once, each saving its own annotator's layers in turn, and now and
// then adds a label to project.json (the file every process writes). After each save returns it
// prints `ack <annotator> <document> <seq>`: an acknowledged edit that must survive kill -9.
// Usage: soak-writer.ts FOLDER WRITERS DOCUMENT_ID,DOCUMENT_ID,...
import { ProjectStore } from '../src/main/store/project-store'

const [folder, writersArg, idsArg] = process.argv.slice(2)
if (!folder || !writersArg || !idsArg) throw new Error('usage: soak-writer.ts FOLDER WRITERS IDS')
const ids = idsArg.split(',')
const store = await ProjectStore.open(folder)

async function writer(annotator: string): Promise<never> {
  for (let seq = 1; ; seq++) {
    const documentId = ids[seq % ids.length]!
    // the seq is in the span's id, so the layer on disk says which save it holds
    await store.saveLayer(documentId, annotator, { spans: [{ id: `n${seq}`, start: 0, end: 1 + (seq % 5), label: 'actor' }] })
    process.stdout.write(`ack ${annotator} ${documentId} ${seq}\n`)
    if (seq % 10 === 0) await store.addLabels([`soak_${(seq / 10) % 20}`])
    // let the other writers of this process in between saves
    await new Promise((resolve) => setImmediate(resolve))
  }
}

await Promise.all(Array.from({ length: Number(writersArg) }, (_, index) => writer(`w${process.pid}_${index}`)))
