// Which build of the kernels this runtime can run, found by validating tiny probe modules
// (detected, never assumed): 'relaxed' where relaxed SIMD compiles (Chromium; Node 20 only once
// the host has set --experimental-wasm-relaxed-simd), 'simd' otherwise.

/** The instruction sets of the kernels. */
export type WasmVariant = 'simd' | 'relaxed';

/** The builds (scripts/buildWasm.mjs writes build/kernels-<build>.wasm): each variant over a private or a shared memory. */
export type WasmBuild = WasmVariant | `${WasmVariant}-shared`;

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** (v128 × 3) -> v128 computing f32x4.relaxed_madd of its parameters. */
const RELAXED_PROBE = new Uint8Array([
  ...HEADER,
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7b, 0x7b, 0x7b, 0x01, 0x7b,
  0x03, 0x02, 0x01, 0x00,
  0x0a, 0x0d, 0x01, 0x0b, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfd, 0x85, 0x02, 0x0b,
]);

/** (v128 × 2) -> v128 computing f32x4.add of its parameters. */
const SIMD_PROBE = new Uint8Array([
  ...HEADER,
  0x01, 0x07, 0x01, 0x60, 0x02, 0x7b, 0x7b, 0x01, 0x7b,
  0x03, 0x02, 0x01, 0x00,
  0x0a, 0x0b, 0x01, 0x09, 0x00, 0x20, 0x00, 0x20, 0x01, 0xfd, 0xe4, 0x01, 0x0b,
]);

function validates(bytes: Uint8Array<ArrayBuffer>): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(bytes);
  } catch {
    return false;
  }
}

/** Whether this runtime runs WebAssembly SIMD128 at all (the wasm backend needs it). */
export function simdSupported(): boolean {
  return validates(SIMD_PROBE);
}

/** Whether this runtime compiles relaxed SIMD (f32x4.relaxed_madd). */
export function relaxedSimdSupported(): boolean {
  return validates(RELAXED_PROBE);
}

/** The fastest variant this runtime runs; undefined without SIMD. */
export function detectVariant(): WasmVariant | undefined {
  if (!simdSupported()) return undefined;
  return relaxedSimdSupported() ? 'relaxed' : 'simd';
}

/**
 * Whether a shared WebAssembly memory can be made and waited on here (threads): needs
 * SharedArrayBuffer, which browsers give only to cross-origin isolated pages and their workers.
 */
export function sharedMemorySupported(): boolean {
  try {
    if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') return false;
    if ((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === false) return false;
    return new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
  } catch {
    return false;
  }
}
