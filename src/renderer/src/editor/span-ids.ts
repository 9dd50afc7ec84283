/** Span ids are random, so spans created in different windows or by different people never clash. */
export function newSpanId(): string {
  return `s${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`
}
