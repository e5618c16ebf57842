// A Program: buffers (descriptors with a role) and the ordered kernel calls a backend replays.
// A training step runs the calls in order on preallocated buffers; nothing is allocated per step.
import type { Initializer } from './initializers.ts';
import type { Op } from './ops/index.ts';
import { arityMatches, OP_SIGNATURES } from './signatures.ts';
import type { TensorDescriptor } from './tensor.ts';
import { elementCount } from './tensor.ts';

export type BufferId = number;

/**
 * parameter: learned weights; gradient: their gradients (and those of activations);
 * activation: values computed by the forward pass; input: data fed each step (images, labels, noise);
 * optimizerState: momentum and Adam moments; state: other persistent buffers (batch-norm running
 * statistics, random generator state); scratch: workspace a kernel may overwrite freely.
 */
export type BufferRole = 'parameter' | 'gradient' | 'activation' | 'input' | 'optimizerState' | 'state' | 'scratch';

export interface BufferSpec {
  readonly id: BufferId;
  readonly descriptor: TensorDescriptor;
  readonly role: BufferRole;
  /** Where it comes from, e.g. 'conv1/weights': shown by probes and in errors. */
  readonly name?: string;
  /** Shares the storage of another buffer with as many elements (a reshape that copies nothing). */
  readonly aliasOf?: BufferId;
  /** How a parameter or state buffer starts; others start at zero. */
  readonly initializer?: Initializer;
}

/** One kernel call. inputs and outputs follow the op's signature (signatures.ts). */
export interface KernelCall {
  readonly op: Op;
  readonly inputs: readonly BufferId[];
  readonly outputs: readonly BufferId[];
  /** The graph node it was lowered from, for errors and probes. */
  readonly node?: string;
}

export interface Program {
  readonly buffers: readonly BufferSpec[];
  readonly calls: readonly KernelCall[];
}

/** Structural problems of a program (unknown ids, wrong arity, bad aliases); empty when sound. */
export function checkProgram(program: Program): string[] {
  const problems: string[] = [];
  const buffers = new Map<BufferId, BufferSpec>();
  for (const buffer of program.buffers) {
    if (buffers.has(buffer.id)) problems.push(`Buffer ${buffer.id} is declared twice.`);
    buffers.set(buffer.id, buffer);
  }
  for (const buffer of program.buffers) {
    if (buffer.aliasOf === undefined) continue;
    const target = buffers.get(buffer.aliasOf);
    if (target === undefined || target.aliasOf !== undefined) problems.push(`Buffer ${buffer.id} aliases ${buffer.aliasOf}, which is not a plain buffer.`);
    else if (elementCount(target.descriptor.shape) !== elementCount(buffer.descriptor.shape) || target.descriptor.dtype !== buffer.descriptor.dtype) {
      problems.push(`Buffer ${buffer.id} aliases ${buffer.aliasOf} but their sizes or types differ.`);
    }
  }
  program.calls.forEach((call, index) => {
    const where = `Call ${index} (${call.op.op}${call.node === undefined ? '' : ` of ${call.node}`})`;
    const signature = OP_SIGNATURES[call.op.op];
    if (!arityMatches(signature.inputs, call.inputs.length)) problems.push(`${where} takes inputs [${signature.inputs.join(', ')}], not ${call.inputs.length}.`);
    if (!arityMatches(signature.outputs, call.outputs.length)) problems.push(`${where} gives outputs [${signature.outputs.join(', ')}], not ${call.outputs.length}.`);
    for (const id of [...call.inputs, ...call.outputs]) if (!buffers.has(id)) problems.push(`${where} uses buffer ${id}, which is not declared.`);
  });
  return problems;
}
