// The CPU backend behind the seam (../backend.ts): buffers are typed arrays in host memory, calls
// run on the calling thread with the plain TypeScript reference kernels.
import type { BufferId, KernelCall, Program } from '../../ir/index.ts';
import type { AllocateOptions, Backend, BackendBuffers, BoundCalls, HostArray } from '../backend.ts';
import { allocateBuffers, bindCalls, runCalls, type BoundCall } from './execute.ts';
import type { CpuTensor } from './tensor.ts';

interface CpuBoundCalls extends BoundCalls {
  readonly calls: readonly BoundCall[];
}

class CpuBuffers implements BackendBuffers {
  private tensors: Map<BufferId, CpuTensor> | null;

  constructor(tensors: Map<BufferId, CpuTensor>) {
    this.tensors = tensors;
  }

  bind(calls: readonly KernelCall[]): CpuBoundCalls {
    const bound = bindCalls(calls, this.live());
    return { count: bound.length, calls: bound };
  }

  run(calls: BoundCalls): void {
    if (!('calls' in calls)) throw new Error('These calls were bound by another backend: bind them with this one.');
    runCalls((calls as CpuBoundCalls).calls);
  }

  hostArray(buffer: BufferId): HostArray {
    return this.lookup(buffer).data;
  }

  read(buffer: BufferId): Promise<HostArray> {
    return Promise.resolve(this.lookup(buffer).data.slice());
  }

  write(buffer: BufferId, values: ArrayLike<number>): void {
    const data = this.lookup(buffer).data;
    if (values.length > data.length) throw new RangeError(`Buffer ${buffer} holds ${data.length} values; ${values.length} were written to it.`);
    data.set(values);
  }

  dispose(): void {
    this.tensors = null;
  }

  private live(): Map<BufferId, CpuTensor> {
    if (this.tensors === null) throw new Error('These buffers were disposed.');
    return this.tensors;
  }

  private lookup(buffer: BufferId): CpuTensor {
    const tensor = this.live().get(buffer);
    if (tensor === undefined) throw new Error(`Buffer ${buffer} is not allocated.`);
    return tensor;
  }
}

/** The reference backend: plain TypeScript kernels on one thread. */
export function createCpuBackend(): Backend {
  return {
    name: 'cpu',
    description: 'TypeScript reference kernels, 1 thread',
    threads: 1,
    allocate(program: Program, options: AllocateOptions): BackendBuffers {
      return new CpuBuffers(allocateBuffers(program, options.precision, options.seed));
    },
    dispose() {},
  };
}
