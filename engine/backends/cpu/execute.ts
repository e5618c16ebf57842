// Runs a Program on the CPU: allocate every buffer once, bind each call to its tensors once, then
// replay the calls as often as needed (a training step) without allocating.
import type { BufferId, KernelCall, Op, Program } from '../../ir/index.ts';
import { checkProgram, elementCount, initialize, seedRandomState } from '../../ir/index.ts';
import type { Precision } from '../backend.ts';
import { runKernel } from './registry.ts';
import { integerShape, type CpuTensor } from './tensor.ts';

export interface BoundCall {
  readonly op: Op;
  readonly inputs: readonly CpuTensor[];
  readonly outputs: readonly CpuTensor[];
  readonly index: number;
  readonly node?: string;
}

/**
 * One tensor per buffer: plain buffers get fresh zeroed arrays, then their initializers (random ones
 * draw, in buffer order, from one stream seeded by `seed`); aliases view their target's array.
 */
export function allocateBuffers(program: Program, precision: Precision = 'f32', seed = 0): Map<BufferId, CpuTensor> {
  const problems = checkProgram(program);
  if (problems.length > 0) throw new Error(`The program is malformed: ${problems.join(' ')}`);
  const random = seedRandomState(seed);
  const tensors = new Map<BufferId, CpuTensor>();
  for (const buffer of program.buffers) {
    if (buffer.aliasOf !== undefined) continue;
    const { shape, dtype } = buffer.descriptor;
    const count = elementCount(shape);
    const data = dtype === 'i32' ? new Int32Array(count) : precision === 'f64' ? new Float64Array(count) : new Float32Array(count);
    if (buffer.initializer !== undefined) initialize(data, buffer.initializer, random);
    tensors.set(buffer.id, { shape: integerShape(shape), data });
  }
  for (const buffer of program.buffers) {
    if (buffer.aliasOf === undefined) continue;
    const target = tensors.get(buffer.aliasOf);
    if (target !== undefined) tensors.set(buffer.id, { shape: integerShape(buffer.descriptor.shape), data: target.data });
  }
  return tensors;
}

function lookup(tensors: ReadonlyMap<BufferId, CpuTensor>, id: BufferId): CpuTensor {
  const tensor = tensors.get(id);
  if (tensor === undefined) throw new Error(`Buffer ${id} has no tensor.`);
  return tensor;
}

/** Resolves every call's buffer ids to tensors, once. */
export function bindCalls(calls: readonly KernelCall[], tensors: ReadonlyMap<BufferId, CpuTensor>): BoundCall[] {
  return calls.map((call, index) => ({
    op: call.op,
    inputs: call.inputs.map((id) => lookup(tensors, id)),
    outputs: call.outputs.map((id) => lookup(tensors, id)),
    index,
    node: call.node,
  }));
}

/** Runs bound calls in order; an error names the call, its op and its graph node. */
export function runCalls(calls: readonly BoundCall[]): void {
  for (const call of calls) {
    try {
      runKernel(call.op, call.inputs, call.outputs);
    } catch (error) {
      const where = `call ${call.index} (${call.op.op}${call.node === undefined ? '' : ` of node ${call.node}`})`;
      throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}
