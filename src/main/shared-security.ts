// Security policy shared by the Electron window and the HTTP server, so both serve the renderer
// under the same rules. Styles come only from our own files and CSSOM (no inline style markup).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')
