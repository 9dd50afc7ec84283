// Where a JSON text stops being valid. Node 20's JSON.parse does not always say ("Unexpected
// token 'o', ..."), so for a whole-file JSON format (Label Studio) a small syntax scanner finds
// the offending character, to report its line. Only called after JSON.parse has failed.

/** Index of the first character at which `source` is not valid JSON (source.length if truncated). */
export function jsonErrorIndex(source: string): number {
  let i = 0
  const ws = () => {
    while (i < source.length && ' \t\n\r'.includes(source[i]!)) i++
  }
  class Stop extends Error {}
  const stop = (): never => {
    throw new Stop()
  }
  const expect = (char: string) => (source[i] === char ? i++ : stop())
  const literal = (word: string) => (source.startsWith(word, i) ? (i += word.length) : stop())
  const string = () => {
    expect('"')
    while (i < source.length && source[i] !== '"') {
      const code = source.charCodeAt(i)
      if (code < 0x20) stop()
      if (source[i] === '\\') {
        i++
        if (source[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) stop()
          i += 5
        } else if ('"\\/bfnrt'.includes(source[i] ?? 'x')) i++
        else stop()
      } else i++
    }
    expect('"')
  }
  const value = (): void => {
    ws()
    const c = source[i]
    if (c === '{') {
      i++
      ws()
      if (source[i] === '}') return void i++
      for (;;) {
        ws()
        string()
        ws()
        expect(':')
        value()
        ws()
        if (source[i] === ',') i++
        else return void expect('}')
      }
    }
    if (c === '[') {
      i++
      ws()
      if (source[i] === ']') return void i++
      for (;;) {
        value()
        ws()
        if (source[i] === ',') i++
        else return void expect(']')
      }
    }
    if (c === '"') return string()
    if (c === 't') return void literal('true')
    if (c === 'f') return void literal('false')
    if (c === 'n') return void literal('null')
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(source.slice(i, i + 400))
    if (!number) stop()
    i += number![0].length
  }
  try {
    value()
    ws()
    return i < source.length ? i : source.length
  } catch (error) {
    if (error instanceof Stop) return Math.min(i, source.length)
    throw error
  }
}

/** 1-based line of a character index. */
export function lineOfIndex(source: string, index: number): number {
  let line = 1
  for (let k = 0; k < index && k < source.length; k++) if (source.charCodeAt(k) === 10) line++
  return line
}
