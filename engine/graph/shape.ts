// Tensor shapes as users see them: without the batch dimension. Images are H×W×C
// (channels last), sequences T×F, vectors F; a loss is a scalar (no dims).
export type DataType = 'float32' | 'int32';

export interface TensorShape {
  readonly dims: readonly number[];
  readonly dtype: DataType;
}

export function tensorShape(dims: readonly number[], dtype: DataType = 'float32'): TensorShape {
  return { dims: [...dims], dtype };
}

export function shapeSize(shape: TensorShape): number {
  let size = 1;
  for (const dim of shape.dims) size *= dim;
  return size;
}

export function sameShape(a: TensorShape, b: TensorShape): boolean {
  return a.dtype === b.dtype && a.dims.length === b.dims.length && a.dims.every((dim, i) => dim === b.dims[i]);
}

/** "28×28×1", "10", "scalar"; integer tensors are marked: "20 (int)". */
export function formatShape(shape: TensorShape): string {
  const text = shape.dims.length === 0 ? 'scalar' : shape.dims.join('×');
  return shape.dtype === 'int32' ? `${text} (int)` : text;
}

/** What users call a tensor of this rank, for messages. */
export function describeShape(shape: TensorShape): string {
  const kind = ['a scalar', 'a vector', 'a sequence', 'an image'][shape.dims.length] ?? `a rank-${shape.dims.length} tensor`;
  return `${kind} (${formatShape(shape)})`;
}
