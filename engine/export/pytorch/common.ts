// What the planner and the layer code share: the tensor mapping, a layer's context and code, errors.
import type { Params, TensorShape } from '../../graph/index.ts';

/** A Netloom tensor of a node and the state_dict entry it becomes. */
export interface TensorMapping {
  /** The Netloom name under the node: weights, bias, gamma, runningMean... */
  readonly ours: string;
  /** The state_dict name under the module: weight, bias, running_mean... */
  readonly torch: string;
  /** Axes of the Netloom tensor in PyTorch's order (null: the same order). */
  readonly permutation: readonly number[] | null;
  /** A PyTorch tensor of the same shape that Netloom folds into this one (an LSTM's second bias): exported as zeros, added back on import. */
  readonly companion?: string;
}

export interface LayerContext {
  readonly name: string;
  readonly params: Params;
  readonly inputs: readonly string[];
  readonly inputShapes: readonly TensorShape[];
  readonly shape: TensorShape;
}

export interface LayerCode {
  /** The module's constructor, or null for layers computed by a function. */
  readonly module: string | null;
  /** Lines of forward that set the variable `name` from the input variables. */
  readonly forward: readonly string[];
  readonly tensors: readonly TensorMapping[];
  /** Extra state_dict entries PyTorch keeps and Netloom has no values for (BatchNorm's num_batches_tracked). */
  readonly extraState: readonly string[];
}

export { ExportError } from '../exportError.ts';

/** Whether a tensor of this shape is an image (NCHW inside the PyTorch model). */
export function isImage(shape: TensorShape | undefined): boolean {
  return shape !== undefined && shape.dims.length === 3;
}

/** A value as Python source: booleans, numbers, tuples. */
export function python(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return `(${value.map(python).join(', ')}${value.length === 1 ? ',' : ''})`;
  return String(value);
}
