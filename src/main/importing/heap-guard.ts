// Keeps a long import's memory flat. What an import holds at once is small (a batch or two of
// documents, and the ids it has staged), but V8 lets its heap grow with the garbage of every
// batch read (measured: 675 MB RSS a gigabyte into a JSONL; 100 MB of it took 230 MB under
// --max-old-space-size=200 and 340 MB without). The process's heap limit cannot be lowered once it runs, so an
// import asks for a full collection itself whenever, after a batch, the heap passes HEAP_SOFT_LIMIT
// or (when more than that is alive) what the last collection kept plus HEAP_HEADROOM.
import v8 from 'node:v8'
import vm from 'node:vm'

const HEAP_SOFT_LIMIT = 128 * 1024 * 1024
/**
 * Garbage let grow past what the last collection kept alive: an import of a gigabyte holds tens of
 * megabytes of its own (the ids it staged), and a full collection each time the heap passed a
 * fixed mark would run after every batch near the end (measured: a third of a 1 GB import's CPU
 * time went into them during its commit).
 */
const HEAP_HEADROOM = 64 * 1024 * 1024

let nextCollectionAt = HEAP_SOFT_LIMIT

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

/**
 * A full collection now, before a burst of allocation on top of what an import holds (the
 * commit's lists and journal, a gigabyte in: the peak RSS of a 1 GB import was there).
 */
export function collectBeforeBurst(): void {
  fullCollection()
  nextCollectionAt = Math.max(HEAP_SOFT_LIMIT, v8.getHeapStatistics().used_heap_size + HEAP_HEADROOM)
}

/** Called between batches: collects the garbage when the heap has grown past the soft limit. */
export function keepHeapSmall(): void {
  if (v8.getHeapStatistics().used_heap_size <= nextCollectionAt) return
  fullCollection()
  nextCollectionAt = Math.max(HEAP_SOFT_LIMIT, v8.getHeapStatistics().used_heap_size + HEAP_HEADROOM)
}
