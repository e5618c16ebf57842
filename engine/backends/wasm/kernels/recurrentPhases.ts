// The phases of a recurrent sequence call (assembly/recurrent.ts): the input projection as a gemm
// (bias in its epilogue), Wh packed once (panels of 8 units), the sequence split by samples (parts
// claim chunks of samples and run every step of them, no barrier between steps), and for the
// backward pass the weight gradients and dx as gemms and the bias gradients as column sums. The
// sequence's outputs do not depend on the thread count; the gemms split as bindGemm decides (the
// same for a given count).
import type { RecurrentLayout } from '../../cpu/kernels/recurrentCommon.ts';
import type { WasmHeap } from '../heap.ts';
import * as L from '../layout.ts';
import type { WasmTensor } from '../tensor.ts';
import { parameterBlock, type BindContext, type BoundKernel } from './context.ts';
import { bindGemm, type MatrixOperand } from './gemmParameters.ts';

export type RecurrentOp = 'rnnSequence' | 'rnnSequenceBackward' | 'lstmSequence' | 'lstmSequenceBackward' | 'gruSequence' | 'gruSequenceBackward';

export interface RecurrentCall {
  readonly op: RecurrentOp;
  readonly layout: RecurrentLayout;
  readonly gates: number;
  readonly inputs: readonly WasmTensor[];
  readonly outputs: readonly WasmTensor[];
  /** Index of Wx among the inputs (Wh follows). */
  readonly weightsAt: number;
}

/** The parameter block's fields before the tensors (the copy of assembly/recurrent.ts's). */
export const RECURRENT_FIELDS = { BATCH: 0, TIME: 1, FEATURES: 2, UNITS: 3, GATES: 4, PACKED: 5, TILES: 6, STATE: 7, PRE: 8, HIDDEN_PRE: 9, PREVIOUS: 10, WEIGHTS: 11, HIDDEN: 12, CLAIMS: 13, TENSORS: 14 } as const;
/** Units per packed panel, rows and floats of one gate's register tile, as assembly/recurrent.ts. */
export const PANEL = 8;
export const ROWS = 4;
export const TILE_FLOATS = 32;
/** Samples per chunk that the sequence's parts claim (two tiles), as assembly/recurrent.ts. */
export const CHUNK = 8;

const SEQUENCE_KERNELS: Record<RecurrentOp, string> = {
  lstmSequence: 'lstmForward', gruSequence: 'gruForward', rnnSequence: 'rnnForward',
  lstmSequenceBackward: 'lstmBackward', gruSequenceBackward: 'gruBackward', rnnSequenceBackward: 'rnnBackward',
};


interface Workspace {
  readonly packed: number;
  readonly tiles: number;
  readonly state: number;
  readonly pre: number;
  readonly hiddenPre: number;
  readonly previous: number;
  readonly claims: number;
}

function align(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}

/** Each bound call's workspace, reserved once: binding the same call again reuses it. */
const workspaces = new WeakMap<WasmHeap, Map<string, Workspace>>();

function workspace(context: BindContext, { op, layout, inputs, outputs }: RecurrentCall): Workspace {
  const { batch, time, units, columns } = layout;
  const key = [op, context.threads, ...inputs.map((t) => t.address), ...outputs.map((t) => t.address)].join(',');
  const known = workspaces.get(context.heap) ?? new Map<string, Workspace>();
  workspaces.set(context.heap, known);
  const found = known.get(key);
  if (found !== undefined) return found;
  const backward = op.endsWith('Backward');
  const floats = {
    packed: Math.ceil(units / PANEL) * PANEL * columns,
    state: backward ? batch * units : 0,
    pre: backward ? batch * time * columns : 0,
    hiddenPre: op === 'gruSequenceBackward' ? batch * time * columns : 0,
    previous: backward ? batch * time * units : 0,
  };
  const tileBytes = context.threads * align(TILE_FLOATS * (columns / units) * 4);
  const sizes = [align(floats.packed * 4), tileBytes, align(floats.state * 4), align(floats.pre * 4), align(floats.hiddenPre * 4), align(floats.previous * 4), 64];
  let next = context.heap.reserve(sizes.reduce((sum, bytes) => sum + bytes, 0));
  const [packed, tiles, state, pre, hiddenPre, previous, claims] = sizes.map((bytes) => {
    const start = next;
    next += bytes;
    return start;
  });
  const reserved = { packed, tiles, state, pre, hiddenPre, previous, claims };
  known.set(key, reserved);
  return reserved;
}

/** The parameter block of the pack and sequence phases. */
function sequenceFields(call: RecurrentCall, space: Workspace, hidden: WasmTensor): number[] {
  const F = RECURRENT_FIELDS;
  const fields = new Array<number>(F.TENSORS).fill(0);
  [fields[F.BATCH], fields[F.TIME], fields[F.FEATURES], fields[F.UNITS], fields[F.GATES]] = [call.layout.batch, call.layout.time, call.layout.features, call.layout.units, call.gates];
  [fields[F.PACKED], fields[F.TILES], fields[F.STATE], fields[F.PRE], fields[F.HIDDEN_PRE], fields[F.PREVIOUS]] = [space.packed, space.tiles, space.state, space.pre, space.hiddenPre, space.previous];
  [fields[F.WEIGHTS], fields[F.HIDDEN], fields[F.CLAIMS]] = [call.inputs[call.weightsAt + 1].address, hidden.address, space.claims];
  return [...fields, ...call.inputs.map((t) => t.address), ...call.outputs.map((t) => t.address)];
}

function matrix(address: number, rowStride: number, columnStride: number): MatrixOperand & { mode: number } {
  return { mode: L.A_MATRIX, address, batchStride: 0, rowStride, columnStride };
}

/** C[rows, columns] (row-major) = A·B as a bound gemm. */
function product(context: BindContext, rows: number, columns: number, depth: number, a: MatrixOperand & { mode: number }, b: MatrixOperand & { mode: number }, c: number, bias?: number): BoundKernel {
  return bindGemm(context, { shape: { batch: 1, rows, columns, depth }, a, b, c: { address: c, batchStride: 0, rowStride: columns }, bias });
}

/** Parts of the sequence (they claim chunks of samples), as many as its recurrent products are worth. */
function sequenceParts(context: BindContext, { batch, time, units, columns }: RecurrentLayout): number {
  return Math.max(1, Math.min(context.partsFor(2 * batch * time * units * columns), Math.ceil(batch / CHUNK)));
}

/** Parts of the packing: shares of the panels (and of the samples' previous states). */
function packParts(context: BindContext, { units, columns }: RecurrentLayout): number {
  return Math.max(1, Math.min(context.partsFor(2 * units * columns), Math.ceil(units / PANEL)));
}

function runAll(kernels: readonly BoundKernel[]): BoundKernel {
  return () => {
    for (const kernel of kernels) kernel();
  };
}

export function bindForward(context: BindContext, call: RecurrentCall): BoundKernel {
  const { inputs, outputs, weightsAt, layout } = call;
  const { batch, time, features, columns } = layout;
  const space = workspace(context, call);
  // The projection's target: lstm's and gru's gates, the rnn's hidden states; its bias: the (input) bias.
  const target = call.op === 'gruSequence' ? outputs[1] : call.op === 'lstmSequence' ? outputs[2] : outputs[0];
  const bias = inputs[weightsAt + 2];
  const projection = product(context, batch * time, columns, features, matrix(inputs[0].address, features, 1), matrix(inputs[weightsAt].address, columns, 1), target.address, bias.address);
  const params = parameterBlock(context.heap, sequenceFields(call, space, outputs[0]));
  const pack = context.split('recurrentPackForward', params, packParts(context, layout));
  return runAll([projection, pack, context.split(SEQUENCE_KERNELS[call.op], params, sequenceParts(context, layout))]);
}

export function bindBackward(context: BindContext, call: RecurrentCall): BoundKernel {
  const { op, inputs, outputs, weightsAt, layout } = call;
  const { batch, time, features, units, columns } = layout;
  const rows = batch * time;
  const space = workspace(context, call);
  const hidden = inputs[op === 'lstmSequenceBackward' ? 5 : 4];
  const params = parameterBlock(context.heap, sequenceFields(call, space, hidden));
  const pack = context.split('recurrentPackBackward', params, packParts(context, layout));
  const sequence = context.split(SEQUENCE_KERNELS[op], params, sequenceParts(context, layout));
  const gru = op === 'gruSequenceBackward';
  const lstm = op === 'lstmSequenceBackward';
  const [dx, dwx, dwh] = [outputs[0], outputs[lstm ? 3 : 2], outputs[lstm ? 4 : 3]];
  const hiddenPre = gru ? space.hiddenPre : space.pre;
  const x = inputs[0].address, wx = inputs[weightsAt].address;
  // dx last: every input is read before any gradient is written.
  const gradients = [
    product(context, features, columns, rows, matrix(x, 1, features), matrix(space.pre, columns, 1), dwx.address),
    product(context, units, columns, rows, matrix(space.previous, 1, units), matrix(hiddenPre, columns, 1), dwh.address),
    product(context, rows, features, columns, matrix(space.pre, columns, 1), matrix(wx, 1, columns), dx.address),
  ];
  const biasParts = Math.max(1, Math.min(context.partsFor(rows * columns), Math.ceil(columns / 4)));
  const sums = (gru ? [[space.pre, outputs[4]], [space.hiddenPre, outputs[5]]] as const : [[space.pre, outputs[lstm ? 5 : 4]]] as const).map(([m, out]) =>
    context.split('recurrentColumnSums', parameterBlock(context.heap, [m, rows, columns, out.address]), biasParts),
  );
  return runAll([pack, sequence, ...gradients, ...sums]);
}
