// Cross-origin isolation: with these two headers on the app's pages, the renderer and its workers
// get SharedArrayBuffer, which the engine's threaded WebAssembly kernels need. Sent by Electron's
// app:// scheme and by the web build's servers (Vite dev and preview) alike.
export const CROSS_ORIGIN_ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
