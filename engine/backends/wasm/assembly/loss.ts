// softmax, logSoftmax, softmax cross-entropy and mean squared error with their gradients, over
// rows of `classes` values, 4 lanes at a time (the cpu kernels' semantics; exp is math.ts's exp4,
// the per-row log and the loss totals are computed in double precision as on the cpu).
// Parameter block (i32): [rows, classes, then the byte addresses of the op's tensors, inputs first].
import { exp4, load4, store4 } from './math';
import { field } from './simd';

const ROWS = 0, CLASSES = 1;

// @ts-ignore: decorator
@inline function tensor(params: usize, index: i32): usize {
  return <usize>field(params, 2 + index);
}

// @ts-ignore: decorator
@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

// @ts-ignore: decorator
@inline function horizontalSum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

function rowMaximum(x: usize, count: i32): f32 {
  let best = f32x4.splat(-Infinity);
  for (let c = 0; c < count; c += 4) {
    const lanes = min(4, count - c);
    const value = load4(at(x, c), lanes);
    best = f32x4.max(best, lanes == 4 ? value : v128.bitselect(value, f32x4.splat(-Infinity), partialMask(lanes)));
  }
  return max(max(f32x4.extract_lane(best, 0), f32x4.extract_lane(best, 1)), max(f32x4.extract_lane(best, 2), f32x4.extract_lane(best, 3)));
}

/** All ones in the first `lanes` lanes. */
// @ts-ignore: decorator
@inline function partialMask(lanes: i32): v128 {
  return i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(lanes));
}

/** y = e^(x - shift) over the row (y may be x); returns Σ y. */
function exponentials(x: usize, y: usize, count: i32, shift: f32): f32 {
  const offset = f32x4.splat(shift);
  let total = f32x4.splat(0);
  for (let c = 0; c < count; c += 4) {
    const lanes = min(4, count - c);
    const value = v128.and(exp4(f32x4.sub(load4(at(x, c), lanes), offset)), partialMask(lanes));
    store4(at(y, c), value, lanes);
    total = f32x4.add(total, value);
  }
  return horizontalSum(total);
}

/** y *= factor, y += offset over the row. */
function scaleRow(y: usize, count: i32, factor: f32, offset: f32): void {
  const scale = f32x4.splat(factor), add = f32x4.splat(offset);
  for (let c = 0; c < count; c += 4) {
    const lanes = min(4, count - c);
    store4(at(y, c), f32x4.add(f32x4.mul(load4(at(y, c), lanes), scale), add), lanes);
  }
}

export function softmax(params: usize): void {
  const rows = field(params, ROWS), classes = field(params, CLASSES), x = tensor(params, 0), y = tensor(params, 1);
  for (let r = 0; r < rows; r++) {
    const row = r * classes;
    const total = exponentials(at(x, row), at(y, row), classes, rowMaximum(at(x, row), classes));
    scaleRow(at(y, row), classes, 1 / total, 0);
  }
}

/** dx = y·(dy - Σ dy·y) per row. */
export function softmaxBackward(params: usize): void {
  const rows = field(params, ROWS), classes = field(params, CLASSES), y = tensor(params, 0), dy = tensor(params, 1), dx = tensor(params, 2);
  for (let r = 0; r < rows; r++) {
    const row = r * classes;
    let dot = f32x4.splat(0);
    for (let c = 0; c < classes; c += 4) {
      const lanes = min(4, classes - c);
      dot = f32x4.add(dot, f32x4.mul(load4(at(dy, row + c), lanes), load4(at(y, row + c), lanes)));
    }
    const sum = f32x4.splat(horizontalSum(dot));
    for (let c = 0; c < classes; c += 4) {
      const lanes = min(4, classes - c);
      store4(at(dx, row + c), f32x4.mul(load4(at(y, row + c), lanes), f32x4.sub(load4(at(dy, row + c), lanes), sum)), lanes);
    }
  }
}

/** y = x - max - log Σ e^(x - max) per row. */
export function logSoftmax(params: usize): void {
  const rows = field(params, ROWS), classes = field(params, CLASSES), x = tensor(params, 0), y = tensor(params, 1);
  for (let r = 0; r < rows; r++) {
    const row = r * classes;
    const maximum = rowMaximum(at(x, row), classes);
    const total = exponentials(at(x, row), at(y, row), classes, maximum);
    const shift = f32x4.splat(<f32>(<f64>maximum + Math.log(<f64>total)));
    for (let c = 0; c < classes; c += 4) {
      const lanes = min(4, classes - c);
      store4(at(y, row + c), f32x4.sub(load4(at(x, row + c), lanes), shift), lanes);
    }
  }
}

/** dx = dy - e^y·Σ dy per row. */
export function logSoftmaxBackward(params: usize): void {
  const rows = field(params, ROWS), classes = field(params, CLASSES), y = tensor(params, 0), dy = tensor(params, 1), dx = tensor(params, 2);
  for (let r = 0; r < rows; r++) {
    const row = r * classes;
    let total = f32x4.splat(0);
    for (let c = 0; c < classes; c += 4) total = f32x4.add(total, load4(at(dy, row + c), min(4, classes - c)));
    const sum = f32x4.splat(horizontalSum(total));
    for (let c = 0; c < classes; c += 4) {
      const lanes = min(4, classes - c);
      store4(at(dx, row + c), f32x4.sub(load4(at(dy, row + c), lanes), f32x4.mul(exp4(load4(at(y, row + c), lanes)), sum)), lanes);
    }
  }
}

/** Loss = mean over rows of log Σ e^z - z[label], probabilities = softmax(z). Returns the first
 * row whose label is not a class, or -1 (the host reports it). */
export function softmaxCrossEntropy(params: usize): i32 {
  const rows = field(params, ROWS), classes = field(params, CLASSES);
  const z = tensor(params, 0), labels = tensor(params, 1), loss = tensor(params, 2), p = tensor(params, 3);
  let total: f64 = 0;
  for (let r = 0; r < rows; r++) {
    const label = load<i32>(at(labels, r));
    if (label < 0 || label >= classes) return r;
    const row = r * classes;
    const maximum = rowMaximum(at(z, row), classes);
    const sum = exponentials(at(z, row), at(p, row), classes, maximum);
    scaleRow(at(p, row), classes, 1 / sum, 0);
    total += <f64>maximum + Math.log(<f64>sum) - <f64>load<f32>(at(z, row + label));
  }
  store<f32>(loss, <f32>(total / rows));
  return -1;
}

/** dz = dLoss·(p - onehot(label)) / rows. Returns the first row whose label is not a class, or -1. */
export function softmaxCrossEntropyBackward(params: usize): i32 {
  const rows = field(params, ROWS), classes = field(params, CLASSES);
  const p = tensor(params, 0), labels = tensor(params, 1), dLoss = tensor(params, 2), dz = tensor(params, 3);
  const factor = <f32>(<f64>load<f32>(dLoss) / rows);
  const scale = f32x4.splat(factor);
  for (let r = 0; r < rows; r++) {
    const label = load<i32>(at(labels, r));
    if (label < 0 || label >= classes) return r;
    const row = r * classes;
    for (let c = 0; c < classes; c += 4) {
      const lanes = min(4, classes - c);
      store4(at(dz, row + c), f32x4.mul(load4(at(p, row + c), lanes), scale), lanes);
    }
    store<f32>(at(dz, row + label), load<f32>(at(dz, row + label)) - factor);
  }
  return -1;
}

/** loss = mean of (p - t)² over rows·classes values (lanes summed in float, blocks in double). */
export function meanSquaredError(params: usize): void {
  const count = field(params, ROWS) * field(params, CLASSES), p = tensor(params, 0), t = tensor(params, 1), loss = tensor(params, 2);
  let total: f64 = 0;
  for (let block = 0; block < count; block += 256) {
    const end = min(count, block + 256);
    let sum = f32x4.splat(0);
    for (let i = block; i < end; i += 4) {
      const difference = f32x4.sub(load4(at(p, i), min(4, end - i)), load4(at(t, i), min(4, end - i)));
      sum = f32x4.add(sum, f32x4.mul(difference, difference));
    }
    total += <f64>horizontalSum(sum);
  }
  store<f32>(loss, <f32>(total / count));
}

/** dp = dLoss·2·(p - t) / count. */
export function meanSquaredErrorBackward(params: usize): void {
  const count = field(params, ROWS) * field(params, CLASSES), p = tensor(params, 0), t = tensor(params, 1), dLoss = tensor(params, 2), dp = tensor(params, 3);
  const scale = f32x4.splat(<f32>(2 * <f64>load<f32>(dLoss) / count));
  for (let i = 0; i < count; i += 4) {
    const lanes = min(4, count - i);
    store4(at(dp, i), f32x4.mul(f32x4.sub(load4(at(p, i), lanes), load4(at(t, i), lanes)), scale), lanes);
  }
}
