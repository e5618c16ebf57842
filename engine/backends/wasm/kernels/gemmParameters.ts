// Parameter blocks for assembly/gemm.ts (a plain or batched matrix product, and the three
// convolutions expressed as products over image patches), and how a product splits across threads:
// by rows of C, or, where C is small and the depth long (filter gradients), by depth with a
// per-part partial product and a sum in part order.
import * as L from '../layout.ts';
import { parameterBlock, type BindContext, type BoundKernel } from './context.ts';

export interface MatrixOperand {
  readonly address: number;
  readonly batchStride: number;
  readonly rowStride: number;
  readonly columnStride: number;
}

export interface ProductShape {
  readonly batch: number;
  readonly rows: number;
  readonly columns: number;
  readonly depth: number;
}

export interface GemmFields {
  readonly shape: ProductShape;
  readonly a: MatrixOperand & { readonly mode: number };
  readonly b: MatrixOperand & { readonly mode: number };
  /** C is row-major with unit column stride. */
  readonly c: { readonly address: number; readonly batchStride: number; readonly rowStride: number };
  readonly scratch: number;
  readonly bias?: number;
  readonly relu?: boolean;
  /** [images, height, width, inChannels, outHeight, outWidth, outChannels, kH, kW, sH, sW, top, left, dH, dW] */
  readonly convolution?: readonly number[];
  /** Parts of the depth split (gemmDepthPart, gemmDepthSum); 0 otherwise. */
  readonly depthParts?: number;
}

export function gemmFields({ shape, a, b, c, scratch, bias, relu, convolution, depthParts }: GemmFields): number[] {
  const fields = new Array<number>(L.GEMM_FIELDS).fill(0);
  fields[L.A_MODE] = a.mode;
  fields[L.B_MODE] = b.mode;
  fields[L.BATCH] = shape.batch;
  fields[L.ROWS] = shape.rows;
  fields[L.COLUMNS] = shape.columns;
  fields[L.DEPTH] = shape.depth;
  [fields[L.A_POINTER], fields[L.A_BATCH_STRIDE], fields[L.A_ROW_STRIDE], fields[L.A_COLUMN_STRIDE]] = [a.address, a.batchStride, a.rowStride, a.columnStride];
  [fields[L.B_POINTER], fields[L.B_BATCH_STRIDE], fields[L.B_ROW_STRIDE], fields[L.B_COLUMN_STRIDE]] = [b.address, b.batchStride, b.rowStride, b.columnStride];
  [fields[L.C_POINTER], fields[L.C_BATCH_STRIDE], fields[L.C_ROW_STRIDE]] = [c.address, c.batchStride, c.rowStride];
  fields[L.SCRATCH] = scratch;
  fields[L.SCRATCH_PER_PART] = L.GEMM_SCRATCH_BYTES;
  fields[L.BIAS_POINTER] = bias ?? 0;
  fields[L.RELU] = relu === true ? 1 : 0;
  if (convolution !== undefined) convolution.forEach((value, index) => (fields[L.IMAGES + index] = value));
  fields[L.DEPTH_PARTS] = depthParts ?? 0;
  return fields;
}

/**
 * Whether `parts` threads should share this product's depth rather than its rows: one item, a C
 * small enough for every part's partial, and a depth long against the rows (splitting few rows
 * would leave every thread packing all of B for a small share of the work).
 */
export function splitsDepth({ batch, rows, columns, depth }: ProductShape, parts: number): boolean {
  return parts > 1 && batch === 1 && rows * columns <= L.GEMM_PARTIAL_FLOATS && depth >= 4 * rows;
}

/** Binds C = A·B on the packed gemm, split across the threads its size is worth. */
export function bindGemm(context: BindContext, fields: Omit<GemmFields, 'scratch' | 'depthParts'>): BoundKernel {
  const { batch, rows, columns, depth } = fields.shape;
  const parts = context.partsFor(2 * batch * rows * columns * depth);
  if (splitsDepth(fields.shape, parts)) {
    const params = parameterBlock(context.heap, gemmFields({ ...fields, scratch: context.scratch(), depthParts: parts }));
    const multiply = context.split('gemmDepthPart', params, parts);
    const sum = context.split('gemmDepthSum', params, parts);
    return () => {
      multiply();
      sum();
    };
  }
  return context.split('gemm', parameterBlock(context.heap, gemmFields({ ...fields, scratch: context.scratch() })), parts);
}
