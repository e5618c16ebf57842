// A Program's buffers in WebAssembly memory: every plain buffer gets an aligned region (aliases
// share their target's), initialized exactly as on the cpu backend (same initializers, drawn in
// buffer order from one seeded stream). Calls are bound once into closures that run a SIMD kernel
// on a parameter block or a cpu reference kernel on views of the memory.
//
// The memory does not grow once `allocate` returns: the kernel scratch and the parameter block of
// every call of the Program (training forward and backward; inference binds a subset of the same
// calls) are reserved here, and binding a call again reuses its block. Only a later `bind` of calls
// that are not the Program's can grow it; every view is renewed then, before its calls return, but
// `hostArray` views taken earlier keep their old buffer: take them again after such a bind.
import type { BufferId, KernelCall, Program } from '../../ir/index.ts';
import { checkProgram, elementCount, initialize, seedRandomState } from '../../ir/index.ts';
import type { BackendBuffers, BoundCalls, HostArray } from '../backend.ts';
import { WasmHeap, type PartKernel } from './heap.ts';
import { partsFor, type WorkerPool } from './pool.ts';
import { bindCall, scratchBytesFor, type BoundKernel } from './registry.ts';
import { WasmTensor } from './tensor.ts';

interface WasmBoundCalls extends BoundCalls {
  readonly kernels: readonly BoundKernel[];
  readonly calls: readonly KernelCall[];
}

export class WasmBuffers implements BackendBuffers {
  private readonly heap: WasmHeap;
  private readonly tensors = new Map<BufferId, WasmTensor>();
  private readonly threads: number;
  private readonly pool: WorkerPool | undefined;
  /** The memory's slot in the pool's workers (0 without a pool). */
  private readonly slot: number;
  private scratch = 0;
  private scratchSize = 0;
  private disposed = false;

  private readonly minimumFlopsPerPart: number | undefined;

  /** `pool`: the workers that run parts of the split kernels (the memory is then shared); `minimumFlopsPerPart`: see partsFor. */
  constructor(module: WebAssembly.Module, program: Program, seed: number, pool: WorkerPool | undefined, minimumFlopsPerPart?: number) {
    const problems = checkProgram(program);
    if (problems.length > 0) throw new Error(`The program is malformed: ${problems.join(' ')}`);
    this.threads = pool?.threads ?? 1;
    this.pool = pool;
    this.minimumFlopsPerPart = minimumFlopsPerPart;
    const dataBytes = program.buffers.reduce((sum, buffer) => sum + (buffer.aliasOf === undefined ? elementCount(buffer.descriptor.shape) * 4 + 64 : 0), 0);
    this.heap = WasmHeap.create(module, dataBytes + scratchBytesFor(program.calls, this.threads) + program.calls.length * 256, pool !== undefined);
    this.heap.onGrow = () => this.refreshViews();
    this.placeBuffers(program, seed);
    this.ensureScratch(scratchBytesFor(program.calls, this.threads));
    this.slot = pool?.attach(this.heap.memory) ?? 0;
    this.reserveParameters(program.calls);
  }

  /** Writes every call's parameter block now, so that binding them later reserves nothing (a call that does not bind is left to fail at `bind`). */
  private reserveParameters(calls: readonly KernelCall[]): void {
    for (const call of calls) {
      try {
        this.bind([call]);
      } catch {
        // reported when the caller binds it
      }
    }
  }

  private placeBuffers(program: Program, seed: number): void {
    const random = seedRandomState(seed);
    for (const buffer of program.buffers) {
      if (buffer.aliasOf !== undefined) continue;
      const { shape, dtype } = buffer.descriptor;
      const address = this.heap.reserve(elementCount(shape) * 4);
      const tensor = new WasmTensor(shape, dtype, address, this.heap.memory);
      if (buffer.initializer !== undefined) initialize(tensor.data, buffer.initializer, random);
      this.tensors.set(buffer.id, tensor);
    }
    for (const buffer of program.buffers) {
      const target = buffer.aliasOf === undefined ? undefined : this.tensors.get(buffer.aliasOf);
      if (target !== undefined) this.tensors.set(buffer.id, new WasmTensor(buffer.descriptor.shape, target.dtype, target.address, this.heap.memory));
    }
  }

  private ensureScratch(bytes: number): void {
    if (bytes <= this.scratchSize) return;
    this.scratch = this.heap.reserve(bytes);
    this.scratchSize = bytes;
  }

  private refreshViews(): void {
    for (const tensor of this.tensors.values()) tensor.refresh(this.heap.memory);
  }

  private tensor(id: BufferId): WasmTensor {
    this.checkAlive();
    const tensor = this.tensors.get(id);
    if (tensor === undefined) throw new Error(`Buffer ${id} is not part of this program's buffers on the wasm backend.`);
    return tensor;
  }

  bind(calls: readonly KernelCall[]): WasmBoundCalls {
    this.checkAlive();
    this.ensureScratch(scratchBytesFor(calls, this.threads));
    const context = {
      heap: this.heap,
      scratch: () => this.scratch,
      threads: this.threads,
      partsFor: (flops: number) => partsFor(flops, this.threads, this.minimumFlopsPerPart),
      split: (name: string, params: number, parts: number) => this.split(name, params, parts),
    };
    const kernels = calls.map((call, index) => {
      try {
        return bindCall(context, call.op, call.inputs.map((id) => this.tensor(id)), call.outputs.map((id) => this.tensor(id)));
      } catch (error) {
        throw new Error(`${where(call, index)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    });
    return { count: calls.length, kernels, calls };
  }

  private split(name: string, params: number, parts: number): BoundKernel {
    const local = this.heap.kernels[name] as PartKernel | undefined;
    if (typeof local !== 'function') throw new Error(`The wasm kernels export no function '${name}'; rebuild them with \`npm run build:wasm\`.`);
    const pool = this.pool;
    if (pool === undefined || parts <= 1) return () => local(params, 0, 1);
    const kernel = pool.kernel(name);
    const slot = this.slot;
    return () => pool.run(slot, kernel, params, parts, local);
  }

  run(bound: BoundCalls): void {
    this.checkAlive();
    const { kernels, calls } = bound as WasmBoundCalls;
    for (let index = 0; index < kernels.length; index++) {
      try {
        kernels[index]();
      } catch (error) {
        throw new Error(`${where(calls[index], index)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  }

  hostArray(buffer: BufferId): HostArray {
    return this.tensor(buffer).data;
  }

  read(buffer: BufferId): Promise<HostArray> {
    try {
      return Promise.resolve(this.tensor(buffer).data.slice());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  write(buffer: BufferId, values: ArrayLike<number>): void {
    const target = this.tensor(buffer).data;
    if (values.length > target.length) throw new RangeError(`Buffer ${buffer} holds ${target.length} values; ${values.length} were written to it.`);
    target.set(values);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.tensors.clear();
    this.pool?.detach(this.slot);
  }

  private checkAlive(): void {
    if (this.disposed) throw new Error('These wasm buffers were disposed; allocate the program again.');
  }
}

function where(call: KernelCall, index: number): string {
  return `call ${index} (${call.op.op}${call.node === undefined ? '' : ` of node ${call.node}`})`;
}
