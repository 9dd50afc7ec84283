// What durability costs per save: the same layer file (50 spans, as an annotated article has)
// written again and again through writeJsonAtomic, with fsync of file and folder (what Spanwise
// does) and without (what it did before), alternating in blocks so neither side gets a warmer disk.
import { mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { writeJsonAtomic } from '../src/main/store/json-file'

export interface FsyncCost {
  dir: string
  durableMs: number
  plainMs: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

export async function measureFsyncCost(dir: string, saves = 200): Promise<FsyncCost> {
  const work = mkdtempSync(path.join(dir, 'spanwise-fsync-'))
  const layer = {
    version: 1,
    documentId: '0123456789abcdef',
    annotator: 'bench',
    status: 'in_progress',
    spans: Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, start: i * 20, end: i * 20 + 12, label: i % 2 ? 'actor' : 'claim' })),
    relations: [],
    updatedAt: new Date().toISOString()
  }
  const file = path.join(work, 'layer.json')
  const blocks: Record<'durable' | 'plain', number[]> = { durable: [], plain: [] }
  try {
    for (let block = 0; block < 10; block++) {
      for (const kind of block % 2 ? (['plain', 'durable'] as const) : (['durable', 'plain'] as const)) {
        const started = performance.now()
        for (let i = 0; i < saves / 10; i++) await writeJsonAtomic(file, { ...layer, updatedAt: String(i) }, { durable: kind === 'durable' })
        blocks[kind].push((performance.now() - started) / (saves / 10))
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return { dir, durableMs: median(blocks.durable), plainMs: median(blocks.plain) }
}

export function fsyncCostLine(cost: FsyncCost): string {
  return `save of a 50-span layer in ${cost.dir.padEnd(12)} ${cost.durableMs.toFixed(3).padStart(7)} ms with fsync (file + folder), ${cost.plainMs.toFixed(3).padStart(7)} ms without: fsync costs ${(cost.durableMs - cost.plainMs).toFixed(3)} ms per save`
}
