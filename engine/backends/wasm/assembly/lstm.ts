// lstmSequence and its backward, one time step per phase (the phases and the parameter block:
// recurrent.ts). The cpu kernel's semantics: gates i, f, g, o stacked along 4H columns, saved
// after their activations.
// Forward: the host has written gates[B·T, 4H] = x·Wx + bias (a gemm) and packed Wh; step t
// multiplies h_{t-1} by the panels of this part's units (four gates each) and runs the epilogue
// of those units: activations, cell and hidden state.
// Backward: the host has packed Whᵀ and the previous states; step t (last to first) multiplies
// dPre_{t+1} by this part's panels of Whᵀ (the carried dh of its units) and writes the
// pre-activation gradients dPre_t of its units; step -1 writes dh0 and dc0. The weight gradients
// and dx are gemms over all B·T rows afterwards, dBias column sums.
import { gateSigmoid, gateTanh } from './gateMath';
import { load4, store4 } from './math';
import { at, gateTiles, PACKED, PANEL, PRE, ROWS, sequenceBackward, sequenceForward, STATE, tensor, tile, TILE_FLOATS, TIME, UNITS } from './recurrent';
import { field } from './simd';

/** Lanes c..c+3 of row r of gate `gate`'s tile. */
// @ts-ignore: decorator
@inline function product(buffer: usize, gate: i32, r: i32, c: i32): v128 {
  return v128.load(at(buffer, gate * TILE_FLOATS + r * PANEL + c));
}

/** One sample's lanes u..u+n of step `step`: activations, cell, hidden state. */
// @ts-ignore: decorator
@inline function forwardCell(units: i32, gates: usize, buffer: usize, r: i32, c: i32, u: i32, n: i32, previousCell: usize, cell: usize, hidden: usize): void {
  const i = gateSigmoid(f32x4.add(load4(at(gates, u), n), product(buffer, 0, r, c)));
  const f = gateSigmoid(f32x4.add(load4(at(gates, units + u), n), product(buffer, 1, r, c)));
  const g = gateTanh(f32x4.add(load4(at(gates, 2 * units + u), n), product(buffer, 2, r, c)));
  const o = gateSigmoid(f32x4.add(load4(at(gates, 3 * units + u), n), product(buffer, 3, r, c)));
  store4(at(gates, u), i, n);
  store4(at(gates, units + u), f, n);
  store4(at(gates, 2 * units + u), g, n);
  store4(at(gates, 3 * units + u), o, n);
  const state = f32x4.add(f32x4.mul(f, load4(at(previousCell, u), n)), f32x4.mul(i, g));
  store4(at(cell, u), state, n);
  store4(at(hidden, u), f32x4.mul(o, gateTanh(state)), n);
}

/** Forward step t for samples [rBegin, rEnd). */
function lstmStep(params: usize, t: i32, rBegin: i32, rEnd: i32, buffer: usize): void {
  const time = field(params, TIME), units = field(params, UNITS);
  const columns = 4 * units;
  const hidden = tensor(params, 6), cell = tensor(params, 7), gates = tensor(params, 8);
  const previousHidden = t == 0 ? tensor(params, 1) : at(hidden, (t - 1) * units);
  const previousCell = t == 0 ? tensor(params, 2) : at(cell, (t - 1) * units);
  const stride = t == 0 ? units : time * units;
  const weights = <usize>field(params, PACKED);
  const blocks = (units + PANEL - 1) / PANEL;
  for (let block = 0; block < blocks; block++) {
    const first = block * PANEL, count = min(PANEL, units - first);
    for (let r0 = rBegin; r0 < rEnd; r0 += ROWS) {
      const rows = min(ROWS, rEnd - r0);
      gateTiles(units, 4, previousHidden, stride, r0, rows, weights, block, buffer);
      for (let r = 0; r < rows; r++) {
        const b = r0 + r, step = b * time + t;
        const gateRow = at(gates, step * columns), cellBefore = at(previousCell, b * stride), cellRow = at(cell, step * units), hiddenRow = at(hidden, step * units);
        if (count == PANEL) {
          // A whole panel: constant widths, so the loads and stores inline without their edge branches.
          forwardCell(units, gateRow, buffer, r, 0, first, 4, cellBefore, cellRow, hiddenRow);
          forwardCell(units, gateRow, buffer, r, 4, first + 4, 4, cellBefore, cellRow, hiddenRow);
        } else {
          for (let c = 0; c < count; c += 4) forwardCell(units, gateRow, buffer, r, c, first + c, min(4, count - c), cellBefore, cellRow, hiddenRow);
        }
      }
    }
  }
}

/** One sample's pre-activation gradients (lanes u..u+n) at one step, from dh (carried included); updates its carried dc. */
// @ts-ignore: decorator
@inline function backwardCell(units: i32, u: i32, n: i32, dh: v128, carriedCell: v128, gates: usize, cell: usize, previousCell: usize, dPre: usize, carried: usize): void {
  const one = f32x4.splat(1);
  const i = load4(at(gates, u), n), f = load4(at(gates, units + u), n);
  const g = load4(at(gates, 2 * units + u), n), o = load4(at(gates, 3 * units + u), n);
  const tanhCell = gateTanh(load4(at(cell, u), n));
  const dc = f32x4.add(carriedCell, f32x4.mul(f32x4.mul(dh, o), f32x4.sub(one, f32x4.mul(tanhCell, tanhCell))));
  store4(at(dPre, u), f32x4.mul(f32x4.mul(dc, g), f32x4.mul(i, f32x4.sub(one, i))), n);
  store4(at(dPre, units + u), f32x4.mul(f32x4.mul(dc, load4(at(previousCell, u), n)), f32x4.mul(f, f32x4.sub(one, f))), n);
  store4(at(dPre, 2 * units + u), f32x4.mul(f32x4.mul(dc, i), f32x4.sub(one, f32x4.mul(g, g))), n);
  store4(at(dPre, 3 * units + u), f32x4.mul(f32x4.mul(dh, tanhCell), f32x4.mul(o, f32x4.sub(one, o))), n);
  store4(at(carried, u), f32x4.mul(dc, f), n);
}

/** Lanes u..u+n of one sample's row: dh (the given gradient plus the carried one from the tile, none after the last step), then the cell's gradients. */
// @ts-ignore: decorator
@inline function backwardLanes(units: i32, buffer: usize, r: i32, c: i32, u: i32, n: i32, last: bool, dHidden: usize, carried: usize, gates: usize, cell: usize, previousCell: usize, dPre: usize): void {
  const dh = f32x4.add(load4(at(dHidden, u), n), last ? f32x4.splat(0) : product(buffer, 0, r, c));
  backwardCell(units, u, n, dh, last ? f32x4.splat(0) : load4(at(carried, u), n), gates, cell, previousCell, dPre, carried);
}

/** Backward step t (T-1 down to 0, then -1: dh0 and dc0) for samples [rBegin, rEnd). */
function lstmBackwardStep(params: usize, t: i32, rBegin: i32, rEnd: i32, buffer: usize): void {
  const time = field(params, TIME), units = field(params, UNITS);
  const columns = 4 * units;
  const c0 = tensor(params, 2), cell = tensor(params, 6), gates = tensor(params, 7), dHidden = tensor(params, 8);
  const dh0 = tensor(params, 10), dc0 = tensor(params, 11);
  const dPre = <usize>field(params, PRE), carriedCell = <usize>field(params, STATE);
  const weights = <usize>field(params, PACKED);
  const last = t == time - 1;
  const blocks = (units + PANEL - 1) / PANEL;
  for (let block = 0; block < blocks; block++) {
    const first = block * PANEL, count = min(PANEL, units - first);
    for (let r0 = rBegin; r0 < rEnd; r0 += ROWS) {
      const rows = min(ROWS, rEnd - r0);
      if (!last) tile(columns, at(dPre, (r0 * time + t + 1) * columns), <usize>(time * columns) << 2, rows, at(weights, block * columns * PANEL), buffer);
      for (let r = 0; r < rows; r++) {
        const b = r0 + r, step = b * time + t, state = b * units;
        if (t < 0) {
          for (let c = 0; c < count; c += 4) {
            const u = state + first + c, n = min(4, count - c);
            store4(at(dh0, u), last ? f32x4.splat(0) : product(buffer, 0, r, c), n);
            store4(at(dc0, u), load4(at(carriedCell, u), n), n);
          }
          continue;
        }
        const previousCell = t == 0 ? at(c0, state) : at(cell, (step - 1) * units);
        const gateRow = at(gates, step * columns), cellRow = at(cell, step * units), dPreRow = at(dPre, step * columns);
        const carriedRow = at(carriedCell, state), dHiddenRow = at(dHidden, step * units);
        if (count == PANEL) {
          // A whole panel: constant widths, so the loads and stores inline without their edge branches.
          backwardLanes(units, buffer, r, 0, first, 4, last, dHiddenRow, carriedRow, gateRow, cellRow, previousCell, dPreRow);
          backwardLanes(units, buffer, r, 4, first + 4, 4, last, dHiddenRow, carriedRow, gateRow, cellRow, previousCell, dPreRow);
        } else {
          for (let c = 0; c < count; c += 4) backwardLanes(units, buffer, r, c, first + c, min(4, count - c), last, dHiddenRow, carriedRow, gateRow, cellRow, previousCell, dPreRow);
        }
      }
    }
  }
}

/** The forward pass: every step of all samples (one part), or of the chunks this part claims. */
export function lstmForward(params: usize, part: i32, parts: i32): void {
  sequenceForward(params, part, parts, lstmStep);
}

/** The backward pass, last step first, then the initial state's gradient: all samples or this part's claimed chunks. */
export function lstmBackward(params: usize, part: i32, parts: i32): void {
  sequenceBackward(params, part, parts, lstmBackwardStep);
}
