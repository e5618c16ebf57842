// The memory budget of a run, checked after its graphs compile (declarations only) and before any
// buffer is allocated: the estimate of every model's Program (compile/memory.ts) plus the loaded
// dataset must fit the run's limit, and each Program must fit its backend (wasm: 4 GiB). When it
// does not, one RunSetupError names the largest parts, their nodes, and what to change.
import { CATEGORY_LABELS, combineEstimates, estimateMemory, type CompiledGraph, type MemoryCategory, type MemoryEstimate, type TensorMemory } from '../compile/index.ts';
import type { Dataset } from '../data/index.ts';
import { formatBytes, GIBIBYTE } from '../graph/index.ts';
import type { Backend } from '../backends/index.ts';
import { RunSetupError } from './runSetupError.ts';

/** The limit where neither the run nor its runtime gives one. */
export const DEFAULT_MEMORY_LIMIT = 4 * GIBIBYTE;

export interface MemoryBudget {
  /** Bytes the whole run may take: every model and the dataset. */
  readonly limit: number;
  /** Where the models will live: its per-Program cap (maxProgramBytes) applies too. */
  readonly backend?: Backend;
}

/** Parts whose size follows the batch: lowering the batch size shrinks them. */
const BATCH_PARTS: readonly MemoryCategory[] = ['activations', 'activationGradients', 'batches'];

/** The memory the loaded examples and targets take, owned by the data Input. */
export function datasetMemory(dataset: Dataset, inputNode: string | null): TensorMemory {
  const targets = dataset.targets.kind === 'none' ? 0 : dataset.targets.values.byteLength;
  const bytes = dataset.inputs.values.byteLength + targets;
  return { node: inputNode, name: `dataset ${dataset.name}`, category: 'dataset', elements: dataset.inputs.values.length, bytes };
}

/** The estimate of `graphs` (and the dataset) when it fits `budget`; otherwise throws a RunSetupError saying what to change. */
export function checkMemoryBudget(graphs: readonly CompiledGraph[], budget: MemoryBudget, data?: TensorMemory): MemoryEstimate {
  const estimates = graphs.map((graph) => estimateMemory(graph));
  const total = combineEstimates(estimates, data === undefined ? [] : [data]);
  const batchSize = graphs[0]?.batchSize ?? 0;
  if (total.overflow) throw new RunSetupError(overflowMessage(total), total.tensors[0]?.node ?? undefined, 'training.batchSize');
  if (total.bytes > budget.limit) {
    throw new RunSetupError(overBudgetMessage(`The run needs ${formatBytes(total.bytes)}, more than the ${formatBytes(budget.limit)} memory limit`, total, batchSize), largestNode(total), 'memoryLimit');
  }
  const cap = budget.backend?.maxProgramBytes;
  if (cap === undefined) return total;
  for (const estimate of estimates) {
    if (estimate.bytes <= cap) continue;
    const lead = `One model of the run needs ${formatBytes(estimate.bytes)}, more than one model may take on the ${budget.backend?.name} backend (${formatBytes(cap)})`;
    throw new RunSetupError(`${overBudgetMessage(lead, estimate, batchSize).slice(0, -1)}, or train on the cpu backend.`, largestNode(estimate), 'backend');
  }
  return total;
}

/** "<lead>: the largest parts are node a's weights (4 TiB), ...; make a smaller or lower the batch size (64)." */
export function overBudgetMessage(lead: string, estimate: MemoryEstimate, batchSize: number): string {
  const parts = largestParts(estimate, 3);
  const named = parts.map((part) => `${part.node === null ? 'the run' : `node ${part.node}`}'s ${CATEGORY_LABELS[part.category]} (${formatBytes(part.bytes)})`);
  return `${lead}: the largest parts are ${joinList(named)}; ${advice(estimate, parts, batchSize)}.`;
}

export interface MemoryPart {
  readonly node: string | null;
  readonly category: MemoryCategory;
  readonly bytes: number;
}

/** The estimate's tensors summed by node and category, largest first. */
export function largestParts(estimate: MemoryEstimate, count: number): MemoryPart[] {
  const parts = new Map<string, MemoryPart>();
  for (const tensor of estimate.tensors) {
    const key = `${tensor.node ?? ''}\u0000${tensor.category}`;
    const known = parts.get(key);
    parts.set(key, { node: tensor.node, category: tensor.category, bytes: (known?.bytes ?? 0) + tensor.bytes });
  }
  return [...parts.values()].sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

function advice(estimate: MemoryEstimate, parts: readonly MemoryPart[], batchSize: number): string {
  // Layers with weights among the parts of a tenth of the need or more: their size is a choice (units,
  // filters); a layer without weights (ReLU) only follows the size of the one before it.
  const weighted = new Set(estimate.tensors.filter((tensor) => tensor.category === 'parameters').map((tensor) => tensor.node));
  const large = parts.filter((part) => part.bytes >= 0.1 * estimate.bytes && weighted.has(part.node));
  const nodes = [...new Set(large.map((part) => part.node).filter((node): node is string => node !== null))].slice(0, 2);
  const batchBytes = BATCH_PARTS.reduce((sum, category) => sum + estimate.byCategory[category], 0);
  const choices: string[] = [];
  if (nodes.length > 0) choices.push(`make ${nodes.join(' or ')} smaller`);
  if (batchBytes >= 0.1 * estimate.bytes) choices.push(`lower the batch size (${batchSize})`);
  if (parts[0]?.category === 'dataset') choices.push('use a smaller dataset');
  return choices.length === 0 ? 'make the model smaller' : choices.join(' or ');
}

function overflowMessage(estimate: MemoryEstimate): string {
  const largest = estimate.tensors[0];
  const node = largest?.node ?? null;
  const what = largest === undefined || node === null ? 'its tensors' : `node ${node}'s ${CATEGORY_LABELS[largest.category]}${Number.isFinite(largest.bytes) ? ' and others' : ' alone'}`;
  return `The run needs more memory than can be counted (more than 8 PiB): ${what} hold more values than 2^53; ${node === null ? 'make the model smaller' : `make ${node} smaller`}.`;
}

function largestNode(estimate: MemoryEstimate): string | undefined {
  return largestParts(estimate, 1)[0]?.node ?? undefined;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
