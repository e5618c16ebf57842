// The Content Security Policy of the window: strict for the built app; the dev server also needs
// Vite's inline React-refresh preamble and its HMR websocket.

const BASE = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco and React Flow set styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export function contentSecurityPolicy(devServerOrigin: string | null): string {
  if (devServerOrigin === null) return BASE.join('; ');
  const websocket = devServerOrigin.replace(/^http/, 'ws');
  return BASE.map((directive) => {
    if (directive.startsWith('script-src')) return `script-src 'self' 'unsafe-inline' ${devServerOrigin}`;
    if (directive.startsWith('connect-src')) return `connect-src 'self' ${devServerOrigin} ${websocket}`;
    return directive;
  }).join('; ');
}
