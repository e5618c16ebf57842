// rnnSequence and its backward, one time step per phase (the phases and the parameter block:
// recurrent.ts). The cpu kernel's semantics: h_t = tanh(x_t·Wx + h_{t-1}·Wh + bias).
// Forward: the host has written hidden[B·T, H] = x·Wx + bias (a gemm) and packed Wh; step t
// multiplies h_{t-1} by this part's panels and applies tanh in place.
// Backward: per step (last to first) carried dh = dPre_{t+1}·Whᵀ for this part's units,
// dPre = (dHidden + carried)(1 - h²); step -1 writes dh0. dx, dWx, dWh are gemms afterwards and
// dBias column sums.
import { gateTanh } from './gateMath';
import { load4, store4 } from './math';
import { at, gateTiles, PACKED, PANEL, PRE, ROWS, sequenceBackward, sequenceForward, tensor, tile, TIME, UNITS } from './recurrent';
import { field } from './simd';

/** Forward step t for samples [rBegin, rEnd). */
function rnnStep(params: usize, t: i32, rBegin: i32, rEnd: i32, buffer: usize): void {
  const time = field(params, TIME), units = field(params, UNITS);
  const hidden = tensor(params, 5);
  const previous = t == 0 ? tensor(params, 1) : at(hidden, (t - 1) * units);
  const stride = t == 0 ? units : time * units;
  const weights = <usize>field(params, PACKED);
  const blocks = (units + PANEL - 1) / PANEL;
  for (let block = 0; block < blocks; block++) {
    const first = block * PANEL, count = min(PANEL, units - first);
    for (let r0 = rBegin; r0 < rEnd; r0 += ROWS) {
      const rows = min(ROWS, rEnd - r0);
      gateTiles(units, 1, previous, stride, r0, rows, weights, block, buffer);
      for (let r = 0; r < rows; r++) {
        const h = at(hidden, ((r0 + r) * time + t) * units + first);
        for (let c = 0; c < count; c += 4) {
          const n = min(4, count - c);
          store4(at(h, c), gateTanh(f32x4.add(load4(at(h, c), n), v128.load(at(buffer, r * PANEL + c)))), n);
        }
      }
    }
  }
}

/** Backward step t (T-1 down to 0, then -1: dh0) for samples [rBegin, rEnd). */
function rnnBackwardStep(params: usize, t: i32, rBegin: i32, rEnd: i32, buffer: usize): void {
  const time = field(params, TIME), units = field(params, UNITS);
  const hidden = tensor(params, 4), dHidden = tensor(params, 5), dh0 = tensor(params, 7), dPre = <usize>field(params, PRE);
  const weights = <usize>field(params, PACKED);
  const last = t == time - 1;
  const one = f32x4.splat(1);
  const blocks = (units + PANEL - 1) / PANEL;
  for (let block = 0; block < blocks; block++) {
    const first = block * PANEL, count = min(PANEL, units - first);
    for (let r0 = rBegin; r0 < rEnd; r0 += ROWS) {
      const rows = min(ROWS, rEnd - r0);
      if (!last) tile(units, at(dPre, (r0 * time + t + 1) * units), <usize>(time * units) << 2, rows, at(weights, block * units * PANEL), buffer);
      for (let r = 0; r < rows; r++) {
        const b = r0 + r, step = (b * time + t) * units + first;
        for (let c = 0; c < count; c += 4) {
          const n = min(4, count - c);
          const carried = last ? f32x4.splat(0) : v128.load(at(buffer, r * PANEL + c));
          if (t < 0) {
            store4(at(dh0, b * units + first + c), carried, n);
            continue;
          }
          const h = load4(at(hidden, step + c), n);
          const dh = f32x4.add(load4(at(dHidden, step + c), n), carried);
          store4(at(dPre, step + c), f32x4.mul(dh, f32x4.sub(one, f32x4.mul(h, h))), n);
        }
      }
    }
  }
}

/** The forward pass: every step of all samples (one part), or of the chunks this part claims. */
export function rnnForward(params: usize, part: i32, parts: i32): void {
  sequenceForward(params, part, parts, rnnStep);
}

/** The backward pass, last step first, then the initial state's gradient: all samples or this part's claimed chunks. */
export function rnnBackward(params: usize, part: i32, parts: i32): void {
  sequenceBackward(params, part, parts, rnnBackwardStep);
}
