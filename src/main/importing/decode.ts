// Turns a file's bytes into text, or says precisely why it cannot. Every format reads through here.
import { ImportError } from './errors'
import { MAX_IMPORT_FILE_BYTES } from './limits'

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
// (Windows tools, Notepad's "Unicode", Excel's "Unicode text", write UTF-16 with a byte order mark)
const utf16 = { le: new TextDecoder('utf-16le', { fatal: true }), be: new TextDecoder('utf-16be', { fatal: true }) }

/** The UTF-16 byte order of a text that starts with a UTF-16 byte order mark, if it does. */
function utf16ByteOrder(bytes: Uint8Array): 'le' | 'be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'be'
  return null
}

function decodeUtf16(file: string, bytes: Uint8Array, order: 'le' | 'be'): string {
  try {
    // the decoders drop the mark itself
    return utf16[order].decode(bytes)
  } catch {
    throw new ImportError(file, `starts as UTF-16 (${order === 'le' ? 'little' : 'big'}-endian, with a byte order mark) but is not valid UTF-16; save it as UTF-8 and import again`)
  }
}

/** Line number (1-based) of a byte offset, for error messages. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** Finds the first byte that is not part of valid UTF-8 (the decoder does not say where). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    try {
      utf8.decode(bytes.subarray(i, i + need + 1))
    } catch {
      return i
    }
    i += need + 1
  }
  return -1
}

/**
 * Decodes UTF-8 text strictly, or UTF-16 text that says so with a byte order mark. The text is
 * kept exactly as read (line endings included); only a leading byte order mark is dropped,
 * since it is an encoding marker and not part of the text.
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new ImportError(file, `file is ${(bytes.length / 1048576).toFixed(1)} MiB, over the ${MAX_IMPORT_FILE_BYTES / 1048576} MiB import limit`)
  }
  const order = utf16ByteOrder(bytes)
  // UTF-16 has a NUL byte in every ASCII character: it must be told apart before the binary check
  if (order !== null) return decodeUtf16(file, bytes, order)
  const nul = bytes.indexOf(0)
  if (nul >= 0) throw new ImportError(file, 'binary file (contains NUL bytes), not text', lineOfByte(bytes, nul))
  try {
    return utf8.decode(bytes)
  } catch {
    const at = firstInvalidUtf8(bytes)
    throw new ImportError(file, `not valid UTF-8 text (byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at byte ${at}); save it as UTF-8 and import again`, lineOfByte(bytes, at))
  }
}
