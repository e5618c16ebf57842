// gruSequence and its backward, one time step per phase (the phases and the parameter block:
// recurrent.ts). The cpu kernel's semantics: PyTorch's GRU, gates r, z, n stacked along 3H
// columns, saved after activation, and hiddenCandidate = h_{t-1}·Whn + bhn.
// Forward: the host has written gates[B·T, 3H] = x·Wx + inputBias (a gemm) and packed Wh; step t
// multiplies h_{t-1} by this part's panels (three gates) and runs the epilogue of its units.
// Backward: per step (last to first) the carried dh = dh·z (direct) + hiddenSide_{t+1}·Whᵀ for
// this part's units; the epilogue writes the input-side (dr, dz, dn) and hidden-side (dr, dz,
// dn·r) pre-activation gradients; step -1 writes dh0. dx, dWx, dWh are gemms afterwards and both
// bias gradients column sums.
import { gateSigmoid, gateTanh } from './gateMath';
import { load4, store4 } from './math';
import { at, gateTiles, HIDDEN_PRE, PACKED, PANEL, PRE, ROWS, sequenceBackward, sequenceForward, STATE, tensor, tile, TILE_FLOATS, TIME, UNITS } from './recurrent';
import { field } from './simd';

/** Lanes c..c+3 of row r of gate `gate`'s tile. */
// @ts-ignore: decorator
@inline function product(buffer: usize, gate: i32, r: i32, c: i32): v128 {
  return v128.load(at(buffer, gate * TILE_FLOATS + r * PANEL + c));
}

/** One sample's lanes u..u+n at one step: gates (x·Wx + bias in, activations out), candidate, hidden state. */
// @ts-ignore: decorator
@inline function forwardCell(units: i32, gates: usize, buffer: usize, r: i32, c: i32, u: i32, n: i32, hiddenBias: usize, previous: usize, candidate: usize, hidden: usize): void {
  const one = f32x4.splat(1);
  const reset = gateSigmoid(f32x4.add(load4(at(gates, u), n), f32x4.add(product(buffer, 0, r, c), load4(at(hiddenBias, u), n))));
  const update = gateSigmoid(f32x4.add(load4(at(gates, units + u), n), f32x4.add(product(buffer, 1, r, c), load4(at(hiddenBias, units + u), n))));
  const column = 2 * units + u;
  const hiddenPart = f32x4.add(product(buffer, 2, r, c), load4(at(hiddenBias, column), n));
  const next = gateTanh(f32x4.add(load4(at(gates, column), n), f32x4.mul(reset, hiddenPart)));
  store4(at(gates, u), reset, n);
  store4(at(gates, units + u), update, n);
  store4(at(gates, column), next, n);
  store4(at(candidate, u), hiddenPart, n);
  store4(at(hidden, u), f32x4.add(f32x4.mul(f32x4.sub(one, update), next), f32x4.mul(update, load4(at(previous, u), n))), n);
}

/** Forward step t for samples [rBegin, rEnd). */
function gruStep(params: usize, t: i32, rBegin: i32, rEnd: i32, buffer: usize): void {
  const time = field(params, TIME), units = field(params, UNITS);
  const columns = 3 * units;
  const hiddenBias = tensor(params, 5), hidden = tensor(params, 6), gates = tensor(params, 7), candidate = tensor(params, 8);
  const previous = t == 0 ? tensor(params, 1) : at(hidden, (t - 1) * units);
  const stride = t == 0 ? units : time * units;
  const weights = <usize>field(params, PACKED);
  const blocks = (units + PANEL - 1) / PANEL;
  for (let block = 0; block < blocks; block++) {
    const first = block * PANEL, count = min(PANEL, units - first);
    for (let r0 = rBegin; r0 < rEnd; r0 += ROWS) {
      const rows = min(ROWS, rEnd - r0);
      gateTiles(units, 3, previous, stride, r0, rows, weights, block, buffer);
      for (let r = 0; r < rows; r++) {
        const b = r0 + r, step = b * time + t;
        const gateRow = at(gates, step * columns), before = at(previous, b * stride), candidateRow = at(candidate, step * units), hiddenRow = at(hidden, step * units);
        if (count == PANEL) {
          forwardCell(units, gateRow, buffer, r, 0, first, 4, hiddenBias, before, candidateRow, hiddenRow);
          forwardCell(units, gateRow, buffer, r, 4, first + 4, 4, hiddenBias, before, candidateRow, hiddenRow);
        } else {
          for (let c = 0; c < count; c += 4) forwardCell(units, gateRow, buffer, r, c, first + c, min(4, count - c), hiddenBias, before, candidateRow, hiddenRow);
        }
      }
    }
  }
}

/** One sample's lanes u..u+n at one step: both sides' pre-activation gradients; sets the direct carry dh·z. */
// @ts-ignore: decorator
@inline function backwardCell(units: i32, u: i32, n: i32, dh: v128, gates: usize, candidate: usize, previous: usize, inputSide: usize, hiddenSide: usize, direct: usize): void {
  const one = f32x4.splat(1);
  const reset = load4(at(gates, u), n), update = load4(at(gates, units + u), n), next = load4(at(gates, 2 * units + u), n);
  const dNextPre = f32x4.mul(f32x4.mul(dh, f32x4.sub(one, update)), f32x4.sub(one, f32x4.mul(next, next)));
  const dResetPre = f32x4.mul(f32x4.mul(dNextPre, load4(at(candidate, u), n)), f32x4.mul(reset, f32x4.sub(one, reset)));
  const dUpdatePre = f32x4.mul(f32x4.mul(dh, f32x4.sub(load4(at(previous, u), n), next)), f32x4.mul(update, f32x4.sub(one, update)));
  store4(at(inputSide, u), dResetPre, n);
  store4(at(inputSide, units + u), dUpdatePre, n);
  store4(at(inputSide, 2 * units + u), dNextPre, n);
  store4(at(hiddenSide, u), dResetPre, n);
  store4(at(hiddenSide, units + u), dUpdatePre, n);
  store4(at(hiddenSide, 2 * units + u), f32x4.mul(dNextPre, reset), n);
  store4(at(direct, u), f32x4.mul(dh, update), n);
}

/** Lanes u..u+n of one sample's row: dh (the given gradient, the tile and the direct carry; only the given one after the last step), then both sides' gradients. */
// @ts-ignore: decorator
@inline function backwardLanes(units: i32, buffer: usize, r: i32, c: i32, u: i32, n: i32, last: bool, dHidden: usize, direct: usize, gates: usize, candidate: usize, previous: usize, inputSide: usize, hiddenSide: usize): void {
  const carried = last ? f32x4.splat(0) : f32x4.add(product(buffer, 0, r, c), load4(at(direct, u), n));
  backwardCell(units, u, n, f32x4.add(load4(at(dHidden, u), n), carried), gates, candidate, previous, inputSide, hiddenSide, direct);
}

/** Backward step t (T-1 down to 0, then -1: dh0) for samples [rBegin, rEnd). */
function gruBackwardStep(params: usize, t: i32, rBegin: i32, rEnd: i32, buffer: usize): void {
  const time = field(params, TIME), units = field(params, UNITS);
  const columns = 3 * units;
  const h0 = tensor(params, 1), hidden = tensor(params, 4), gates = tensor(params, 5), candidate = tensor(params, 6), dHidden = tensor(params, 7), dh0 = tensor(params, 9);
  const inputSide = <usize>field(params, PRE), hiddenSide = <usize>field(params, HIDDEN_PRE), direct = <usize>field(params, STATE);
  const weights = <usize>field(params, PACKED);
  const last = t == time - 1;
  const blocks = (units + PANEL - 1) / PANEL;
  for (let block = 0; block < blocks; block++) {
    const first = block * PANEL, count = min(PANEL, units - first);
    for (let r0 = rBegin; r0 < rEnd; r0 += ROWS) {
      const rows = min(ROWS, rEnd - r0);
      if (!last) tile(columns, at(hiddenSide, (r0 * time + t + 1) * columns), <usize>(time * columns) << 2, rows, at(weights, block * columns * PANEL), buffer);
      for (let r = 0; r < rows; r++) {
        const b = r0 + r, step = b * time + t, state = b * units;
        if (t < 0) {
          for (let c = 0; c < count; c += 4) {
            const u = state + first + c, n = min(4, count - c);
            store4(at(dh0, u), f32x4.add(product(buffer, 0, r, c), load4(at(direct, u), n)), n);
          }
          continue;
        }
        const previous = t == 0 ? at(h0, state) : at(hidden, (step - 1) * units);
        const gateRow = at(gates, step * columns), candidateRow = at(candidate, step * units), dHiddenRow = at(dHidden, step * units);
        const inputRow = at(inputSide, step * columns), hiddenRow = at(hiddenSide, step * columns), directRow = at(direct, state);
        if (count == PANEL) {
          // A whole panel: constant widths, so the loads and stores inline without their edge branches.
          backwardLanes(units, buffer, r, 0, first, 4, last, dHiddenRow, directRow, gateRow, candidateRow, previous, inputRow, hiddenRow);
          backwardLanes(units, buffer, r, 4, first + 4, 4, last, dHiddenRow, directRow, gateRow, candidateRow, previous, inputRow, hiddenRow);
        } else {
          for (let c = 0; c < count; c += 4) backwardLanes(units, buffer, r, c, first + c, min(4, count - c), last, dHiddenRow, directRow, gateRow, candidateRow, previous, inputRow, hiddenRow);
        }
      }
    }
  }
}

/** The forward pass: every step of all samples (one part), or of the chunks this part claims. */
export function gruForward(params: usize, part: i32, parts: i32): void {
  sequenceForward(params, part, parts, gruStep);
}

/** The backward pass, last step first, then the initial state's gradient: all samples or this part's claimed chunks. */
export function gruBackward(params: usize, part: i32, parts: i32): void {
  sequenceBackward(params, part, parts, gruBackwardStep);
}
