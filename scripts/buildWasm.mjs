// `npm run build:wasm`: compiles the WebAssembly backend's AssemblyScript kernels
// (engine/backends/wasm/assembly/) into engine/backends/wasm/build/, one module per variant:
//   kernels-simd.wasm            SIMD128 (every runtime with WebAssembly SIMD)
//   kernels-relaxed.wasm         SIMD128 + relaxed SIMD (f32x4.relaxed_madd: fused multiply-add)
//   kernels-simd-shared.wasm     the same over a shared memory (threads: a worker pool runs parts
//   kernels-relaxed-shared.wasm  of a kernel over one SharedArrayBuffer-backed memory)
// The memory is imported (env.memory), so the host sizes it to a Program's buffers; a module
// declares its memory shared or not, and only a memory of that kind can be imported. A variant is
// rebuilt only when a source (or this script) is newer than it. `--force` rebuilds all.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = join(root, 'engine/backends/wasm/assembly');
const output = join(root, 'engine/backends/wasm/build');
const entry = join(sources, 'index.ts');

export const VARIANTS = [
  { name: 'simd', features: ['simd'], shared: false },
  { name: 'relaxed', features: ['simd', 'relaxed-simd'], shared: false },
  { name: 'simd-shared', features: ['simd', 'threads'], shared: true },
  { name: 'relaxed-shared', features: ['simd', 'relaxed-simd', 'threads'], shared: true },
];

function newestSource() {
  const times = readdirSync(sources).filter((name) => name.endsWith('.ts')).map((name) => statSync(join(sources, name)).mtimeMs);
  return Math.max(statSync(fileURLToPath(import.meta.url)).mtimeMs, ...times);
}

function isFresh(file, newest) {
  try {
    return statSync(file).mtimeMs >= newest;
  } catch {
    return false;
  }
}

async function compile(variant, file) {
  const args = [entry, '-O3', '--noAssert', '--runtime', 'stub', '--enable', variant.features.join(','), '--importMemory', '--initialMemory', '1', '--maximumMemory', '65536', ...(variant.shared ? ['--sharedMemory'] : []), '-o', file];
  const { error, stderr } = await asc.main(args);
  if (error) throw new Error(`AssemblyScript could not compile the ${variant.name} kernels (${entry}): ${error.message}\n${stderr.toString()}`);
}

/** Builds every variant that is older than its sources; returns the names rebuilt. */
export async function buildWasm({ force = false } = {}) {
  mkdirSync(output, { recursive: true });
  const newest = newestSource();
  const built = [];
  for (const variant of VARIANTS) {
    const file = join(output, `kernels-${variant.name}.wasm`);
    if (!force && isFresh(file, newest)) continue;
    await compile(variant, file);
    built.push(variant.name);
  }
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const built = await buildWasm({ force: process.argv.includes('--force') });
  console.log(built.length === 0 ? 'wasm kernels: up to date' : `wasm kernels: built ${built.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
