// One Program's WebAssembly memory: a module instance over its own memory, and a bump allocator
// that hands out 64-byte aligned regions (buffers, parameter blocks, kernel scratch) from the end
// of the module's static data. Nothing is ever freed: a Program allocates once, then replays.
// A shared memory (threads) is backed by a SharedArrayBuffer that the pool workers instantiate
// the same module over.
import { abortKernel } from './poolProtocol.ts';

const PAGE = 65536;
const ALIGN = 64;
/** 4 GiB, the most a 32-bit WebAssembly memory can address. */
const MAXIMUM_PAGES = 65536;
/** Room kept in a memory for the module's static data, parameter blocks and kernel workspaces. */
const RESERVED_BYTES = 64 * 2 ** 20;
/** The most bytes of buffers one Program may declare on the wasm backend. */
export const WASM_PROGRAM_BYTES = MAXIMUM_PAGES * PAGE - RESERVED_BYTES;

/** A kernel that computes its part of `parts` (a share of rows, of channels...): any thread may run any part. */
export type PartKernel = (params: number, part: number, parts: number) => void;

/** The kernels a module exports (assembly/index.ts). */
export interface KernelExports {
  readonly heapBase: () => number;
  readonly gemm: PartKernel;
  readonly gemmScratchBytes: () => number;
  readonly [name: string]: unknown;
}

export class WasmHeap {
  readonly memory: WebAssembly.Memory;
  readonly kernels: KernelExports;
  private end: number;
  /** Parameter blocks already written, by their fields: binding the same call again reuses its block. */
  private readonly blocks = new Map<string, number>();
  /** Called after the memory grew (views into the old buffer are stale). */
  onGrow: () => void = () => {};

  private constructor(memory: WebAssembly.Memory, kernels: KernelExports) {
    this.memory = memory;
    this.kernels = kernels;
    this.end = align(kernels.heapBase());
  }

  /** Instantiates `module` over a fresh memory (shared where the module was built for it) of at least `bytes` past the static data. */
  static create(module: WebAssembly.Module, bytes: number, shared: boolean): WasmHeap {
    const memory = new WebAssembly.Memory({ initial: pagesFor(bytes + 2 * PAGE), maximum: MAXIMUM_PAGES, shared });
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

  /** A parameter block holding `fields` (i32), written once: the same fields give the same block. */
  parameterBlock(fields: readonly number[]): number {
    const key = fields.join(',');
    const known = this.blocks.get(key);
    if (known !== undefined) return known;
    const address = this.reserve(fields.length * 4);
    new Int32Array(this.memory.buffer, address, fields.length).set(fields);
    this.blocks.set(key, address);
    return address;
  }

  /** A kernel workspace of `bytes` for the call `key` names: binding the same call again reuses it. */
  workspace(key: string, bytes: number): number {
    const name = `workspace ${key}`;
    const known = this.blocks.get(name);
    if (known !== undefined) return known;
    const address = this.reserve(bytes);
    this.blocks.set(name, address);
    return address;
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
