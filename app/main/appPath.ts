// Maps app:// URL paths to files of the built renderer, refusing anything outside it.
import { extname, join, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The built renderer beside main's bundle: build/web next to build/electron (inside app.asar when packaged). */
export function webRootFor(mainFolder: string): string {
  return join(mainFolder, '..', 'web');
}

/** The preload script, bundled next to main. */
export function preloadPathFor(mainFolder: string): string {
  return join(mainFolder, 'preload.cjs');
}

/** The file for a URL path under `root`, or null when the path escapes it or is malformed. */
export function resolveAppPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absoluteRoot = resolve(root);
  const path = resolve(absoluteRoot, relativePath);
  const inside = relative(absoluteRoot, path);
  if (inside === '' || inside.startsWith('..') || inside.startsWith(sep) || resolve(absoluteRoot, inside) !== path) return null;
  return path;
}

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
