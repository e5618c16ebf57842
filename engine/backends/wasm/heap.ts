// One Program's WebAssembly memory: a module instance over its own memory, and a bump allocator
// that hands out 64-byte aligned regions (buffers, parameter blocks, kernel scratch) from the end
// of the module's static data. Nothing is ever freed: a Program allocates once, then replays.

const PAGE = 65536;
const ALIGN = 64;
/** 4 GiB, the most a 32-bit WebAssembly memory can address. */
const MAXIMUM_PAGES = 65536;

/** The kernels a module exports (assembly/index.ts). */
export interface KernelExports {
  readonly heapBase: () => number;
  readonly gemm: (params: number, part: number, parts: number) => void;
  readonly gemmScratchBytes: () => number;
  readonly [name: string]: unknown;
}

export class WasmHeap {
  readonly memory: WebAssembly.Memory;
  readonly kernels: KernelExports;
  private end: number;
  /** Called after the memory grew (views into the old buffer are stale). */
  onGrow: () => void = () => {};

  private constructor(memory: WebAssembly.Memory, kernels: KernelExports) {
    this.memory = memory;
    this.kernels = kernels;
    this.end = align(kernels.heapBase());
  }

  /** Instantiates `module` over a fresh memory of at least `bytes` past the static data. */
  static create(module: WebAssembly.Module, bytes: number): WasmHeap {
    const memory = new WebAssembly.Memory({ initial: pagesFor(bytes + 2 * PAGE), maximum: MAXIMUM_PAGES });
    const instance = new WebAssembly.Instance(module, { env: { memory, abort: abortKernel } });
    return new WasmHeap(memory, instance.exports as unknown as KernelExports);
  }

  /** Reserves `bytes` (aligned), growing the memory when needed; returns the byte address. */
  reserve(bytes: number): number {
    const start = this.end;
    this.end = align(start + Math.max(bytes, 0));
    const needed = pagesFor(this.end);
    const have = this.memory.buffer.byteLength / PAGE;
    if (needed > MAXIMUM_PAGES) throw new RangeError(`The wasm backend needs ${(this.end / 2 ** 30).toFixed(2)} GiB, more than WebAssembly's 4 GiB: use a smaller batch or model.`);
    if (needed > have) {
      this.memory.grow(needed - have);
      this.onGrow();
    }
    return start;
  }

  get bytesUsed(): number {
    return this.end;
  }
}

function align(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}

function pagesFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / PAGE));
}

function abortKernel(): never {
  throw new Error('A wasm kernel stopped on an internal check (abort).');
}
