// gruSequence and its backward as matrix products plus a 4-lane gate epilogue (the cpu kernel's
// semantics: PyTorch's GRU, gates r, z, n stacked along 3H columns, saved after activation, and
// hiddenCandidate = h_{t-1}·Whn + bhn).
// Forward: gates[B·T, 3H] = x·Wx in one gemm, then per step rec[B, 3H] = h_{t-1}·Wh and the epilogue.
// Backward: per step (last to first) the carried dh = dh·z (direct) + hiddenSide_{t+1}·Whᵀ; the
// epilogue writes the input-side (dr, dz, dn) and hidden-side (dr, dz, dn·r) pre-activation
// gradients; then dx, dWx, dWh as gemms over all B·T rows and both bias gradients as column sums.
import { load4, sigmoid4, store4, tanh4 } from './math';
import { affineGradients, BATCH, begin, columnSums, previousStates, product, section, tensor, TIME, transpose, UNITS } from './recurrent';
import { field } from './simd';

// @ts-ignore: decorator
@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

// @ts-ignore: decorator
@inline function sum4(a: usize, b: usize, c: usize, d: usize, column: i32, n: i32): v128 {
  return f32x4.add(f32x4.add(load4(at(a, column), n), load4(at(b, column), n)), f32x4.add(load4(at(c, column), n), load4(at(d, column), n)));
}

/** One sample at one step: gates (x·Wx in, activations out), candidate, hidden state. */
function forwardCell(units: i32, gates: usize, rec: usize, inputBias: usize, hiddenBias: usize, previous: usize, candidate: usize, hidden: usize): void {
  const one = f32x4.splat(1);
  for (let u = 0; u < units; u += 4) {
    const n = min(4, units - u);
    const reset = sigmoid4(sum4(gates, rec, inputBias, hiddenBias, u, n));
    const update = sigmoid4(sum4(gates, rec, inputBias, hiddenBias, units + u, n));
    const column = 2 * units + u;
    const hiddenPart = f32x4.add(load4(at(rec, column), n), load4(at(hiddenBias, column), n));
    const inputPart = f32x4.add(load4(at(gates, column), n), load4(at(inputBias, column), n));
    const next = tanh4(f32x4.add(inputPart, f32x4.mul(reset, hiddenPart)));
    store4(at(gates, u), reset, n);
    store4(at(gates, units + u), update, n);
    store4(at(gates, column), next, n);
    store4(at(candidate, u), hiddenPart, n);
    const h = f32x4.add(f32x4.mul(f32x4.sub(one, update), next), f32x4.mul(update, load4(at(previous, u), n)));
    store4(at(hidden, u), h, n);
  }
}

export function gruSequence(params: usize): void {
  begin(params);
  const batch = field(params, BATCH), time = field(params, TIME), features = field(params, 2), units = field(params, UNITS);
  const columns = 3 * units;
  const x = tensor(params, 0), h0 = tensor(params, 1), wx = tensor(params, 2), wh = tensor(params, 3), inputBias = tensor(params, 4), hiddenBias = tensor(params, 5);
  const hidden = tensor(params, 6), gates = tensor(params, 7), candidate = tensor(params, 8);
  const rec = section(batch * columns);
  product(batch * time, columns, features, x, features, 1, wx, columns, 1, gates, columns);
  for (let t = 0; t < time; t++) {
    const previous = t == 0 ? h0 : at(hidden, (t - 1) * units);
    const stride = t == 0 ? units : time * units;
    product(batch, columns, units, previous, stride, 1, wh, columns, 1, rec, columns);
    for (let b = 0; b < batch; b++) {
      const step = b * time + t;
      forwardCell(units, at(gates, step * columns), at(rec, b * columns), inputBias, hiddenBias, at(previous, b * stride), at(candidate, step * units), at(hidden, step * units));
    }
  }
}

/** One sample at one step: both sides' pre-activation gradients; sets the direct carry dh·z. */
function backwardCell(units: i32, gates: usize, candidate: usize, previous: usize, dHidden: usize, carried: usize, direct: usize, inputSide: usize, hiddenSide: usize): void {
  const one = f32x4.splat(1);
  for (let u = 0; u < units; u += 4) {
    const n = min(4, units - u);
    const reset = load4(at(gates, u), n), update = load4(at(gates, units + u), n), next = load4(at(gates, 2 * units + u), n);
    const dh = f32x4.add(load4(at(dHidden, u), n), f32x4.add(load4(at(carried, u), n), load4(at(direct, u), n)));
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
}

export function gruSequenceBackward(params: usize): void {
  begin(params);
  const batch = field(params, BATCH), time = field(params, TIME), units = field(params, UNITS);
  const columns = 3 * units, states = batch * units;
  const x = tensor(params, 0), h0 = tensor(params, 1), wx = tensor(params, 2), wh = tensor(params, 3);
  const hidden = tensor(params, 4), gates = tensor(params, 5), candidate = tensor(params, 6), dHidden = tensor(params, 7);
  const dx = tensor(params, 8), dh0 = tensor(params, 9), dwx = tensor(params, 10), dwh = tensor(params, 11), dInputBias = tensor(params, 12), dHiddenBias = tensor(params, 13);
  const inputSide = section(batch * time * columns), hiddenSide = section(batch * time * columns);
  const carried = section(states), direct = section(states), whT = section(columns * units), previous = section(batch * time * units);
  transpose(wh, units, columns, whT);
  memory.fill(direct, 0, <usize>states << 2);
  for (let t = time - 1; t >= 0; t--) {
    if (t == time - 1) memory.fill(carried, 0, <usize>states << 2);
    else product(batch, units, columns, at(hiddenSide, (t + 1) * columns), time * columns, 1, whT, units, 1, carried, units);
    for (let b = 0; b < batch; b++) {
      const step = b * time + t;
      const last = t == 0 ? at(h0, b * units) : at(hidden, (step - 1) * units);
      backwardCell(units, at(gates, step * columns), at(candidate, step * units), last, at(dHidden, step * units), at(carried, b * units), at(direct, b * units), at(inputSide, step * columns), at(hiddenSide, step * columns));
    }
  }
  previousStates(h0, hidden, batch, time, units, previous);
  product(batch, units, columns, hiddenSide, time * columns, 1, whT, units, 1, dh0, units);
  for (let i = 0; i < states; i += 4) store4(at(dh0, i), f32x4.add(load4(at(dh0, i), min(4, states - i)), load4(at(direct, i), min(4, states - i))), min(4, states - i));
  affineGradients(params, columns, inputSide, hiddenSide, x, wx, dx, dwx, dwh, previous);
  columnSums(inputSide, batch * time, columns, dInputBias);
  columnSums(hiddenSide, batch * time, columns, dHiddenBias);
}
