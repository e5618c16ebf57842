// What the recurrent sequence kernels (lstm.ts, gru.ts, rnn.ts) share: their parameter block, the
// recurrent weights packed once per call into panels of 8 units, the 4×8 register tile that
// multiplies a state by a panel, and the bookkeeping of backpropagation through time (the previous
// hidden states as one matrix, column sums). Layouts as on the cpu backend: x [B, T, F], states
// [B, H], per-step tensors [B, T, width], weights [F, G·H] and [H, G·H] with the gates stacked
// along the columns.
//
// A call runs in phases, each a kernel (params, part, parts) that the host binds (one `split` per
// phase; kernels/recurrentPhases.ts): the input projection of all steps (a gemm), the packing of
// Wh, the sequence itself, then (backward) the weight gradients (gemms) and the bias sums. The
// sequence splits by samples: the samples do not interact, so a part runs every step of its
// samples with no barrier between steps (a split by units would need one per step). The parts
// claim chunks of CHUNK samples from a shared counter rather than a fixed share, so a thread that
// waits for a core (a shared machine) leaves its chunks to the others; a sample's arithmetic is the
// same whichever part runs it, so the outputs are the same bits on any thread count.
//
// Parameter block (i32): [batch, time, features, units, gates, packed weights, tiles, state,
// pre-activation gradients, hidden-side gradients, previous states, Wh, hidden states, the claims
// counter, then the byte address of every input and output in the op's signature order].
import { load4, store4 } from './math';
import { field, madd, partBegin } from './simd';

export const BATCH = 0;
export const TIME = 1;
export const FEATURES = 2;
export const UNITS = 3;
export const GATES = 4;
/** Workspace: the packed recurrent weights (panels of 8 units, see recurrentPackForward / recurrentPackBackward). */
export const PACKED = 5;
/** Workspace: one tile buffer per part (TILE_FLOATS · gates floats, 64-byte aligned). */
export const TILES = 6;
/** Workspace [B, H]: the carried cell gradient (lstm) or the direct hidden carry (gru). */
export const STATE = 7;
/** Workspace [B·T, G·H]: the pre-activation gradients of every step (input side for gru). */
export const PRE = 8;
/** Workspace [B·T, G·H]: gru's hidden-side pre-activation gradients. */
export const HIDDEN_PRE = 9;
/** Workspace [B·T, H]: row (b, t) is h_{t-1} of sample b (h0 when t = 0). */
export const PREVIOUS = 10;
/** The byte address of Wh [H, G·H]. */
export const WEIGHTS = 11;
/** The byte address of the hidden states [B, T, H] (forward output, backward input). */
export const HIDDEN = 12;
/** Workspace (one i32): the sequence's next unclaimed chunk of samples (the packing resets it). */
export const CLAIMS = 13;
/** Field of the first input's address; the outputs follow the inputs. */
export const TENSORS = 14;

/** Units per panel and per register tile's columns. */
export const PANEL = 8;
/** Rows of a register tile. */
export const ROWS = 4;
/** Floats of one gate's tile (ROWS × PANEL). */
export const TILE_FLOATS = ROWS * PANEL;

/** Samples per claimed chunk when the sequence runs in several parts (two register tiles). */
export const CHUNK = 2 * ROWS;

/** The first sample of the next unclaimed chunk, or -1 when every chunk is taken. */
export function claim(params: usize): i32 {
  const counter = <usize>field(params, CLAIMS);
  let chunk: i32;
  if (ASC_FEATURE_THREADS) chunk = atomic.add<i32>(counter, 1);
  else {
    chunk = load<i32>(counter);
    store<i32>(counter, chunk + 1);
  }
  const first = chunk * CHUNK;
  return first < field(params, BATCH) ? first : -1;
}

/** Resets the claims counter (part 0 of a packing phase, which runs before the sequence). */
// @ts-ignore: decorator
@inline function resetClaims(params: usize, part: i32): void {
  if (part == 0) store<i32>(<usize>field(params, CLAIMS), 0);
}

/** The byte address of tensor `index` (inputs then outputs). */
// @ts-ignore: decorator
@inline export function tensor(params: usize, index: i32): usize {
  return <usize>field(params, TENSORS + index);
}

/** The byte address of float `index` past `base`. */
// @ts-ignore: decorator
@inline export function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

/** This part's tile buffer. */
// @ts-ignore: decorator
@inline export function tiles(params: usize, part: i32): usize {
  const bytes = (<usize>(TILE_FLOATS * field(params, GATES)) * 4 + 63) & ~(<usize>63);
  return <usize>field(params, TILES) + <usize>part * bytes;
}

/**
 * The `gates` register tiles of rows r0.. (`rows` ≤ ROWS) of `previous` (rows `stride` floats apart)
 * times panel `block` of every gate's packed weights, into the part's tile buffer, gate after gate.
 */
// @ts-ignore: decorator
@inline export function gateTiles(units: i32, gates: i32, previous: usize, stride: i32, r0: i32, rows: i32, weights: usize, block: i32, buffer: usize): void {
  for (let gate = 0; gate < gates; gate++) {
    tile(units, at(previous, r0 * stride), <usize>stride << 2, rows, at(weights, (block * gates + gate) * units * PANEL), at(buffer, gate * TILE_FLOATS));
  }
}

/** One step of a sequence kernel over samples [rBegin, rEnd), using this part's tile buffer. */
export type SequenceStep = (params: usize, t: i32, rBegin: i32, rEnd: i32, buffer: usize) => void;

/** The forward pass: every step of all samples (one part), or of the chunks this part claims. */
// @ts-ignore: decorator
@inline export function sequenceForward(params: usize, part: i32, parts: i32, step: SequenceStep): void {
  const batch = field(params, BATCH), time = field(params, TIME), buffer = tiles(params, part);
  if (parts == 1) {
    for (let t = 0; t < time; t++) step(params, t, 0, batch, buffer);
    return;
  }
  for (let first = claim(params); first >= 0; first = claim(params)) {
    for (let t = 0; t < time; t++) step(params, t, first, min(batch, first + CHUNK), buffer);
  }
}

/** The backward pass, last step first, then the initial state's gradient (t = -1): all samples or this part's claimed chunks. */
// @ts-ignore: decorator
@inline export function sequenceBackward(params: usize, part: i32, parts: i32, step: SequenceStep): void {
  const batch = field(params, BATCH), time = field(params, TIME), buffer = tiles(params, part);
  if (parts == 1) {
    for (let t = time - 1; t >= -1; t--) step(params, t, 0, batch, buffer);
    return;
  }
  for (let first = claim(params); first >= 0; first = claim(params)) {
    for (let t = time - 1; t >= -1; t--) step(params, t, first, min(batch, first + CHUNK), buffer);
  }
}

/**
 * out (ROWS × PANEL, row-major) = rows of A (`rows` ≤ 4 rows from `a`, `aStride` bytes apart) ·
 * a packed panel (`depth` rows of PANEL floats). Rows past `rows` repeat the last one (unused).
 */
export function tile(depth: i32, a: usize, aStride: usize, rows: i32, panel: usize, out: usize): void {
  const a0 = a;
  const a1 = rows > 1 ? a0 + aStride : a0;
  const a2 = rows > 2 ? a1 + aStride : a1;
  const a3 = rows > 3 ? a2 + aStride : a2;
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  let b = panel;
  for (let k: usize = 0; k < (<usize>depth << 2); k += 4) {
    const b0 = v128.load(b), b1 = v128.load(b, 16);
    const x0 = v128.load32_splat(a0 + k), x1 = v128.load32_splat(a1 + k);
    c00 = madd(x0, b0, c00);
    c01 = madd(x0, b1, c01);
    c10 = madd(x1, b0, c10);
    c11 = madd(x1, b1, c11);
    const x2 = v128.load32_splat(a2 + k), x3 = v128.load32_splat(a3 + k);
    c20 = madd(x2, b0, c20);
    c21 = madd(x2, b1, c21);
    c30 = madd(x3, b0, c30);
    c31 = madd(x3, b1, c31);
    b += PANEL << 2;
  }
  v128.store(out, c00);
  v128.store(out, c01, 16);
  v128.store(out, c10, 32);
  v128.store(out, c11, 48);
  v128.store(out, c20, 64);
  v128.store(out, c21, 80);
  v128.store(out, c30, 96);
  v128.store(out, c31, 112);
}

/** Copies PANEL floats (the first `count` from `source`, `stride` floats apart; zeros after) to `out`. */
// @ts-ignore: decorator
@inline function panelRow(source: usize, stride: i32, count: i32, out: usize): void {
  if (count == PANEL && stride == 1) {
    v128.store(out, v128.load(source));
    v128.store(out, v128.load(source, 16), 16);
    return;
  }
  for (let c = 0; c < PANEL; c++) store<f32>(at(out, c), c < count ? load<f32>(at(source, c * stride)) : 0);
}

/**
 * Forward: packs Wh [H, G·H] into panels (block j, gate g) at index j·G + g, each H rows of the 8
 * columns g·H + 8j.. (zero past H). This part packs its share of the panels.
 */
export function recurrentPackForward(params: usize, part: i32, parts: i32): void {
  const units = field(params, UNITS), gates = field(params, GATES), columns = units * gates;
  const wh = <usize>field(params, WEIGHTS);
  const panels = ((units + PANEL - 1) / PANEL) * gates;
  const begin = partBegin(panels, 1, part, parts), end = partBegin(panels, 1, part + 1, parts);
  const weights = <usize>field(params, PACKED);
  resetClaims(params, part);
  for (let p = begin; p < end; p++) {
    const block = p / gates, gate = p % gates, first = block * PANEL;
    const count = min(PANEL, units - first);
    const panel = at(weights, p * units * PANEL);
    for (let k = 0; k < units; k++) panelRow(at(wh, k * columns + gate * units + first), 1, count, at(panel, k * PANEL));
  }
}

/**
 * Backward: packs Whᵀ [G·H, H] into panels of 8 units (panel j: G·H rows of Wh's rows 8j..,
 * zero past H), and writes the previous states [B·T, H] (dWh = previousᵀ·dPre). This part packs
 * its share of the panels and of the samples.
 */
export function recurrentPackBackward(params: usize, part: i32, parts: i32): void {
  const units = field(params, UNITS), columns = units * field(params, GATES);
  const wh = <usize>field(params, WEIGHTS), weights = <usize>field(params, PACKED);
  resetClaims(params, part);
  const panels = (units + PANEL - 1) / PANEL;
  const end = partBegin(panels, 1, part + 1, parts);
  for (let p = partBegin(panels, 1, part, parts); p < end; p++) {
    const first = p * PANEL, count = min(PANEL, units - first);
    const panel = at(weights, p * columns * PANEL);
    for (let k = 0; k < columns; k++) panelRow(at(wh, first * columns + k), columns, count, at(panel, k * PANEL));
  }
  const batch = field(params, BATCH), time = field(params, TIME);
  const h0 = tensor(params, 1), hidden = <usize>field(params, HIDDEN), previous = <usize>field(params, PREVIOUS);
  const rowBytes = <usize>units << 2;
  const last = partBegin(batch, 1, part + 1, parts);
  for (let b = partBegin(batch, 1, part, parts); b < last; b++) {
    const first = previous + <usize>b * time * rowBytes;
    memory.copy(first, h0 + <usize>b * rowBytes, rowBytes);
    if (time > 1) memory.copy(first + rowBytes, hidden + <usize>b * time * rowBytes, <usize>(time - 1) * rowBytes);
  }
}

/** Column sums, parameter block [matrix, rows, columns, out]: out[c] = Σ_r m[r, c]; this part's columns. */
export function recurrentColumnSums(params: usize, part: i32, parts: i32): void {
  const m = <usize>field(params, 0), rows = field(params, 1), columns = field(params, 2), out = <usize>field(params, 3);
  const begin = partBegin(columns, 4, part, parts), end = partBegin(columns, 4, part + 1, parts);
  for (let c = begin; c < end; c++) store<f32>(at(out, c), 0);
  for (let r = 0; r < rows; r++) {
    const row = at(m, r * columns);
    for (let c = begin; c < end; c += 4) {
      const n = min(4, end - c);
      store4(at(out, c), f32x4.add(load4(at(out, c), n), load4(at(row, c), n)), n);
    }
  }
}
