// lstmSequence and its backward as matrix products plus a 4-lane gate epilogue (the cpu kernel's
// semantics: gates i, f, g, o stacked along 4H columns, saved after their activations).
// Forward: gates[B·T, 4H] = x·Wx for all steps in one gemm, then per step rec[B, 4H] = h_{t-1}·Wh
// and the epilogue (bias, activations, cell and hidden state).
// Backward: per step (last to first) dh carried = dPre_{t+1}·Whᵀ, the epilogue writes the
// pre-activation gradients dPre[B·T, 4H]; then dx, dWx, dWh as three gemms over all B·T rows and
// dBias as column sums. The per-step gemm is where a thread split by rows of B would go.
import { load4, sigmoid4, store4, tanh4 } from './math';
import { affineGradients, BATCH, begin, columnSums, FEATURES, previousStates, product, section, tensor, TIME, transpose, UNITS } from './recurrent';
import { field } from './simd';

// @ts-ignore: decorator
@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

/** gates + rec + bias at column `column` (n lanes). */
// @ts-ignore: decorator
@inline function preActivation(gates: usize, rec: usize, bias: usize, column: i32, n: i32): v128 {
  return f32x4.add(f32x4.add(load4(at(gates, column), n), load4(at(rec, column), n)), load4(at(bias, column), n));
}

/** One sample's gates, cell and hidden state at one step. */
function forwardCell(units: i32, gates: usize, rec: usize, bias: usize, previousCell: usize, cell: usize, hidden: usize): void {
  for (let u = 0; u < units; u += 4) {
    const n = min(4, units - u);
    const i = sigmoid4(preActivation(gates, rec, bias, u, n));
    const f = sigmoid4(preActivation(gates, rec, bias, units + u, n));
    const g = tanh4(preActivation(gates, rec, bias, 2 * units + u, n));
    const o = sigmoid4(preActivation(gates, rec, bias, 3 * units + u, n));
    store4(at(gates, u), i, n);
    store4(at(gates, units + u), f, n);
    store4(at(gates, 2 * units + u), g, n);
    store4(at(gates, 3 * units + u), o, n);
    const c = f32x4.add(f32x4.mul(f, load4(at(previousCell, u), n)), f32x4.mul(i, g));
    store4(at(cell, u), c, n);
    store4(at(hidden, u), f32x4.mul(o, tanh4(c)), n);
  }
}

export function lstmSequence(params: usize): void {
  begin(params);
  const batch = field(params, BATCH), time = field(params, TIME), features = field(params, FEATURES), units = field(params, UNITS);
  const columns = 4 * units;
  const x = tensor(params, 0), h0 = tensor(params, 1), c0 = tensor(params, 2), wx = tensor(params, 3), wh = tensor(params, 4), bias = tensor(params, 5);
  const hidden = tensor(params, 6), cell = tensor(params, 7), gates = tensor(params, 8);
  const rec = section(batch * columns);
  product(batch * time, columns, features, x, features, 1, wx, columns, 1, gates, columns);
  for (let t = 0; t < time; t++) {
    const previousHidden = t == 0 ? h0 : at(hidden, (t - 1) * units);
    const previousCell = t == 0 ? c0 : at(cell, (t - 1) * units);
    const stride = t == 0 ? units : time * units;
    product(batch, columns, units, previousHidden, stride, 1, wh, columns, 1, rec, columns);
    for (let b = 0; b < batch; b++) {
      const step = b * time + t;
      forwardCell(units, at(gates, step * columns), at(rec, b * columns), bias, at(previousCell, b * stride), at(cell, step * units), at(hidden, step * units));
    }
  }
}

/** One sample's pre-activation gradients at one step; updates its carried dc. */
function backwardCell(units: i32, gates: usize, cell: usize, previousCell: usize, dHidden: usize, carriedHidden: usize, carriedCell: usize, dPre: usize): void {
  const one = f32x4.splat(1);
  for (let u = 0; u < units; u += 4) {
    const n = min(4, units - u);
    const i = load4(at(gates, u), n), f = load4(at(gates, units + u), n);
    const g = load4(at(gates, 2 * units + u), n), o = load4(at(gates, 3 * units + u), n);
    const tanhCell = tanh4(load4(at(cell, u), n));
    const dh = f32x4.add(load4(at(dHidden, u), n), load4(at(carriedHidden, u), n));
    const dc = f32x4.add(load4(at(carriedCell, u), n), f32x4.mul(f32x4.mul(dh, o), f32x4.sub(one, f32x4.mul(tanhCell, tanhCell))));
    store4(at(dPre, u), f32x4.mul(f32x4.mul(dc, g), f32x4.mul(i, f32x4.sub(one, i))), n);
    store4(at(dPre, units + u), f32x4.mul(f32x4.mul(dc, load4(at(previousCell, u), n)), f32x4.mul(f, f32x4.sub(one, f))), n);
    store4(at(dPre, 2 * units + u), f32x4.mul(f32x4.mul(dc, i), f32x4.sub(one, f32x4.mul(g, g))), n);
    store4(at(dPre, 3 * units + u), f32x4.mul(f32x4.mul(dh, tanhCell), f32x4.mul(o, f32x4.sub(one, o))), n);
    store4(at(carriedCell, u), f32x4.mul(dc, f), n);
  }
}

export function lstmSequenceBackward(params: usize): void {
  begin(params);
  const batch = field(params, BATCH), time = field(params, TIME), units = field(params, UNITS);
  const columns = 4 * units;
  const x = tensor(params, 0), h0 = tensor(params, 1), c0 = tensor(params, 2), wx = tensor(params, 3), wh = tensor(params, 4);
  const hidden = tensor(params, 5), cell = tensor(params, 6), gates = tensor(params, 7), dHidden = tensor(params, 8);
  const dx = tensor(params, 9), dh0 = tensor(params, 10), dc0 = tensor(params, 11), dwx = tensor(params, 12), dwh = tensor(params, 13), dBias = tensor(params, 14);
  const dPre = section(batch * time * columns), carriedHidden = section(batch * units), carriedCell = section(batch * units);
  const whT = section(columns * units), previous = section(batch * time * units);
  transpose(wh, units, columns, whT);
  memory.fill(carriedCell, 0, <usize>(batch * units) << 2);
  for (let t = time - 1; t >= 0; t--) {
    if (t == time - 1) memory.fill(carriedHidden, 0, <usize>(batch * units) << 2);
    else product(batch, units, columns, at(dPre, (t + 1) * columns), time * columns, 1, whT, units, 1, carriedHidden, units);
    for (let b = 0; b < batch; b++) {
      const step = b * time + t;
      const previousCell = t == 0 ? at(c0, b * units) : at(cell, (step - 1) * units);
      const state = b * units;
      backwardCell(units, at(gates, step * columns), at(cell, step * units), previousCell, at(dHidden, step * units), at(carriedHidden, state), at(carriedCell, state), at(dPre, step * columns));
    }
  }
  previousStates(h0, hidden, batch, time, units, previous);
  product(batch, units, columns, dPre, time * columns, 1, whT, units, 1, dh0, units);
  memory.copy(dc0, carriedCell, <usize>(batch * units) << 2);
  affineGradients(params, columns, dPre, dPre, x, wx, dx, dwx, dwh, previous);
  columnSums(dPre, batch * time, columns, dBias);
}
