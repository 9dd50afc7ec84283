// Keeps a long import's memory flat. What an import holds at once is small (a batch or two of
// documents, and the ids it has staged), but V8 lets its heap grow with the garbage of every
// batch read (measured: 675 MB RSS a gigabyte into a JSONL; 100 MB of it took 230 MB under
// --max-old-space-size=200 and 340 MB without). The process's heap limit cannot be lowered once it runs, so an
// import asks for a full collection itself whenever the heap passes HEAP_SOFT_LIMIT after a batch.
import v8 from 'node:v8'
import vm from 'node:vm'

const HEAP_SOFT_LIMIT = 128 * 1024 * 1024

let collect: (() => void) | null | undefined

function fullCollection(): void {
  if (collect === undefined) {
    try {
      // `gc` is exposed to contexts made after the flag is set: a fresh one hands it over
      v8.setFlagsFromString('--expose-gc')
      collect = vm.runInNewContext('gc') as () => void
    } catch {
      collect = null
    }
  }
  collect?.()
}

/** Called between batches: collects the garbage when the heap has grown past the soft limit. */
export function keepHeapSmall(): void {
  if (v8.getHeapStatistics().used_heap_size > HEAP_SOFT_LIMIT) fullCollection()
}
