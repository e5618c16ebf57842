// rnnSequence and its backward as matrix products plus a 4-lane tanh epilogue (the cpu kernel's
// semantics: h_t = tanh(x_t·Wx + h_{t-1}·Wh + bias)).
// Forward: hidden[B·T, H] = x·Wx in one gemm, then per step rec[B, H] = h_{t-1}·Wh and h_t in place.
// Backward: per step (last to first) carried dh = dPre_{t+1}·Whᵀ, dPre = (dHidden + carried)(1 - h²);
// then dx, dWx, dWh as gemms over all B·T rows and dBias as column sums.
import { load4, store4, tanh4 } from './math';
import { affineGradients, BATCH, begin, columnSums, previousStates, product, section, tensor, TIME, transpose, UNITS } from './recurrent';
import { field } from './simd';

// @ts-ignore: decorator
@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

export function rnnSequence(params: usize): void {
  begin(params);
  const batch = field(params, BATCH), time = field(params, TIME), features = field(params, 2), units = field(params, UNITS);
  const x = tensor(params, 0), h0 = tensor(params, 1), wx = tensor(params, 2), wh = tensor(params, 3), bias = tensor(params, 4), hidden = tensor(params, 5);
  const rec = section(batch * units);
  product(batch * time, units, features, x, features, 1, wx, units, 1, hidden, units);
  for (let t = 0; t < time; t++) {
    const previous = t == 0 ? h0 : at(hidden, (t - 1) * units);
    product(batch, units, units, previous, t == 0 ? units : time * units, 1, wh, units, 1, rec, units);
    for (let b = 0; b < batch; b++) {
      const h = at(hidden, (b * time + t) * units), r = at(rec, b * units);
      for (let u = 0; u < units; u += 4) {
        const n = min(4, units - u);
        const sum = f32x4.add(f32x4.add(load4(at(h, u), n), load4(at(r, u), n)), load4(at(bias, u), n));
        store4(at(h, u), tanh4(sum), n);
      }
    }
  }
}

export function rnnSequenceBackward(params: usize): void {
  begin(params);
  const batch = field(params, BATCH), time = field(params, TIME), units = field(params, UNITS);
  const x = tensor(params, 0), h0 = tensor(params, 1), wx = tensor(params, 2), wh = tensor(params, 3), hidden = tensor(params, 4), dHidden = tensor(params, 5);
  const dx = tensor(params, 6), dh0 = tensor(params, 7), dwx = tensor(params, 8), dwh = tensor(params, 9), dBias = tensor(params, 10);
  const dPre = section(batch * time * units), carried = section(batch * units), whT = section(units * units), previous = section(batch * time * units);
  const one = f32x4.splat(1);
  transpose(wh, units, units, whT);
  for (let t = time - 1; t >= 0; t--) {
    if (t == time - 1) memory.fill(carried, 0, <usize>(batch * units) << 2);
    else product(batch, units, units, at(dPre, (t + 1) * units), time * units, 1, whT, units, 1, carried, units);
    for (let b = 0; b < batch; b++) {
      const step = (b * time + t) * units;
      for (let u = 0; u < units; u += 4) {
        const n = min(4, units - u);
        const h = load4(at(hidden, step + u), n);
        const dh = f32x4.add(load4(at(dHidden, step + u), n), load4(at(carried, b * units + u), n));
        store4(at(dPre, step + u), f32x4.mul(dh, f32x4.sub(one, f32x4.mul(h, h))), n);
      }
    }
  }
  previousStates(h0, hidden, batch, time, units, previous);
  product(batch, units, units, dPre, time * units, 1, whT, units, 1, dh0, units);
  affineGradients(params, units, dPre, dPre, x, wx, dx, dwx, dwh, previous);
  columnSums(dPre, batch * time, units, dBias);
}
