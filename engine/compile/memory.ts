// What a compiled graph needs in memory, from its Program's buffer declarations alone (nothing is
// allocated to count it): parameters, their gradients, optimizer state, activations kept for the
// backward pass and their gradients, the batches fed each step, and small state. Every buffer is
// counted at its full size: the backends allocate each one once and reuse none (no memory plan).
// Views (aliases) share their root's storage and count nothing.
import type { BufferRole, BufferSpec, DType } from '../ir/index.ts';
import type { CompiledGraph } from './compile.ts';

export type MemoryCategory = 'parameters' | 'gradients' | 'optimizer' | 'activations' | 'activationGradients' | 'batches' | 'state' | 'dataset';

export const MEMORY_CATEGORIES: readonly MemoryCategory[] = ['parameters', 'gradients', 'optimizer', 'activations', 'activationGradients', 'batches', 'state', 'dataset'];

/** How each category reads in a sentence: "node dense1's optimizer state". */
export const CATEGORY_LABELS: Readonly<Record<MemoryCategory, string>> = {
  parameters: 'weights',
  gradients: 'weight gradients',
  optimizer: 'optimizer state',
  activations: 'activations',
  activationGradients: 'activation gradients',
  batches: 'batch data',
  state: 'state',
  dataset: 'loaded dataset',
};

export interface TensorMemory {
  /** The graph node that owns it; null for buffers of the whole program (the optimizer's scalars). */
  readonly node: string | null;
  /** The buffer's name, e.g. 'dense1/weights'. */
  readonly name: string;
  readonly category: MemoryCategory;
  readonly elements: number;
  readonly bytes: number;
}

export interface MemoryEstimate {
  /** Bytes of every tensor together; Infinity when `overflow`. */
  readonly bytes: number;
  readonly byCategory: Readonly<Record<MemoryCategory, number>>;
  /** Every counted tensor, largest first. */
  readonly tensors: readonly TensorMemory[];
  /** Some element count or the total is past 2^53 and cannot be counted exactly: the graph is absurdly large. */
  readonly overflow: boolean;
}

/** Bytes of one element of a dtype; 'f64' precision (gradient checks) stores reals in 8. */
export function bytesPerElement(dtype: DType, realBytes = 4): number {
  return dtype === 'f32' ? realBytes : 4;
}

/** Elements of a shape, or Infinity where the product is past what a double counts exactly. */
export function safeElementCount(shape: readonly number[]): number {
  let count = 1;
  for (const dimension of shape) {
    count *= dimension;
    if (!Number.isSafeInteger(count)) return Number.POSITIVE_INFINITY;
  }
  return count;
}

/** The memory a compiled graph's buffers take (f32 reals unless `realBytes` says otherwise). */
export function estimateMemory(compiled: CompiledGraph, realBytes = 4): MemoryEstimate {
  const nodeIds = new Set(compiled.document.nodes.map((node) => node.id));
  const writers = writerNodes(compiled);
  const parameterGradients = new Set(compiled.parameters.map((parameter) => parameter.gradient));
  const tensors: TensorMemory[] = [];
  for (const buffer of compiled.program.buffers) {
    if (buffer.aliasOf !== undefined) continue;
    const elements = safeElementCount(buffer.descriptor.shape);
    const category = categoryOf(buffer.role, parameterGradients.has(buffer.id));
    const node = ownerOf(buffer, nodeIds) ?? writers.get(buffer.id) ?? null;
    tensors.push({ node, name: buffer.name ?? `buffer ${buffer.id}`, category, elements, bytes: elements * bytesPerElement(buffer.descriptor.dtype, realBytes) });
  }
  return summarize(tensors);
}

/** Several estimates (a GAN's two models, a dataset) as one. */
export function combineEstimates(estimates: readonly MemoryEstimate[], extra: readonly TensorMemory[] = []): MemoryEstimate {
  return summarize([...estimates.flatMap((estimate) => estimate.tensors), ...extra]);
}

function summarize(tensors: readonly TensorMemory[]): MemoryEstimate {
  const byCategory = Object.fromEntries(MEMORY_CATEGORIES.map((category) => [category, 0])) as Record<MemoryCategory, number>;
  let bytes = 0;
  for (const tensor of tensors) {
    byCategory[tensor.category] += tensor.bytes;
    bytes += tensor.bytes;
  }
  const overflow = !Number.isSafeInteger(bytes);
  const sorted = [...tensors].sort((a, b) => b.bytes - a.bytes);
  return { bytes: overflow ? Number.POSITIVE_INFINITY : bytes, byCategory, tensors: sorted, overflow };
}

function categoryOf(role: BufferRole, parameterGradient: boolean): MemoryCategory {
  switch (role) {
    case 'parameter':
      return 'parameters';
    case 'gradient':
      return parameterGradient ? 'gradients' : 'activationGradients';
    case 'optimizerState':
      return 'optimizer';
    case 'input':
      return 'batches';
    case 'activation':
    case 'scratch':
      return 'activations';
    case 'state':
      return 'state';
  }
}

/** The node a buffer's name starts with: 'dense1/weights', 'd dense1/weights', 'optimizer/dense1/weights/0'. */
function ownerOf(buffer: BufferSpec, nodeIds: ReadonlySet<string>): string | undefined {
  const name = buffer.name;
  if (name === undefined) return undefined;
  const bare = name.startsWith('d ') ? name.slice(2) : name;
  const parts = bare.split('/');
  const candidate = parts[0] === 'optimizer' && parts.length > 2 ? parts[1] : parts[0];
  return nodeIds.has(candidate) ? candidate : undefined;
}

/** The graph node of the first call that writes each buffer. */
function writerNodes(compiled: CompiledGraph): Map<number, string> {
  const writers = new Map<number, string>();
  for (const call of compiled.program.calls) {
    if (call.node === undefined) continue;
    for (const output of call.outputs) if (!writers.has(output)) writers.set(output, call.node);
  }
  return writers;
}
