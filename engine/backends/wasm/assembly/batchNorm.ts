// Batch normalization over the last axis (NHWC: per channel over N·H·W rows), training,
// inference and the training-mode gradient, 4 channels at a time (the cpu kernels' semantics).
// Per-channel sums add 16 rows in float, then the block into double sums (workspace), so the
// statistics of long columns stay as accurate as the cpu's double sums.
// Parameter block (i32): [rows, channels, workspace, epsilon (f32 bits), momentum (f32 bits),
// then the byte addresses of the op's tensors, inputs first]. Workspace: two double and two float
// vectors of channels rounded up to 4. A thread split by channels is where threads would go.
import { load4, store4 } from './math';
import { field } from './simd';

const ROWS = 0, CHANNELS = 1, WORKSPACE = 2, EPSILON = 3, MOMENTUM = 4;
const BLOCK = 16;

// @ts-ignore: decorator
@inline function tensor(params: usize, index: i32): usize {
  return <usize>field(params, 5 + index);
}

// @ts-ignore: decorator
@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

/** Adds the 4 lanes of `partial` into the doubles sums[c..c+4). */
// @ts-ignore: decorator
@inline function flush(sums: usize, c: i32, partial: v128): void {
  const where = sums + (<usize>c << 3);
  v128.store(where, f64x2.add(v128.load(where), f64x2.promote_low_f32x4(partial)));
  v128.store(where, f64x2.add(v128.load(where, 16), f64x2.promote_low_f32x4(i32x4.shuffle(partial, partial, 2, 3, 0, 1))), 16);
}


// Workspace sections (byte addresses), set by `sections`.
let first: usize = 0, second: usize = 0, meanVector: usize = 0, scaleVector: usize = 0;

function sections(params: usize): void {
  const padded = <usize>((field(params, CHANNELS) + 3) & ~3);
  first = <usize>field(params, WORKSPACE);
  second = first + (padded << 3);
  meanVector = second + (padded << 3);
  scaleVector = meanVector + (padded << 2);
  memory.fill(first, 0, padded << 4);
}

/** first[c] = Σ x[r, c]; with `centered`, second[c] = Σ (x[r, c] - meanVector[c])². */
function channelSums(x: usize, rows: i32, channels: i32, centered: bool): void {
  for (let r0 = 0; r0 < rows; r0 += BLOCK) {
    const r1 = min(rows, r0 + BLOCK);
    for (let c = 0; c < channels; c += 4) {
      const lanes = min(4, channels - c);
      const mean = v128.load(at(meanVector, c));
      let sum = f32x4.splat(0);
      for (let r = r0; r < r1; r++) {
        const value = load4(at(x, r * channels + c), lanes);
        if (centered) {
          const difference = f32x4.sub(value, mean);
          sum = f32x4.add(sum, f32x4.mul(difference, difference));
        } else sum = f32x4.add(sum, value);
      }
      flush(centered ? second : first, c, sum);
    }
  }
}

/** y[r, c] = (x[r, c] - meanVector[c])·scaleVector[c] + shift[c]. */
function normalize(x: usize, y: usize, shift: usize, rows: i32, channels: i32): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < channels; c += 4) {
      const lanes = min(4, channels - c);
      const centered = f32x4.sub(load4(at(x, r * channels + c), lanes), v128.load(at(meanVector, c)));
      store4(at(y, r * channels + c), f32x4.add(f32x4.mul(centered, v128.load(at(scaleVector, c))), load4(at(shift, c), lanes)), lanes);
    }
  }
}

export function batchNormTrain(params: usize): void {
  const rows = field(params, ROWS), channels = field(params, CHANNELS);
  const epsilon = <f64>reinterpret<f32>(field(params, EPSILON)), momentum = <f64>reinterpret<f32>(field(params, MOMENTUM));
  const x = tensor(params, 0), gamma = tensor(params, 1), beta = tensor(params, 2), runningMean = tensor(params, 3), runningVariance = tensor(params, 4);
  const y = tensor(params, 5), mean = tensor(params, 6), inverseDeviation = tensor(params, 7), nextMean = tensor(params, 8), nextVariance = tensor(params, 9);
  sections(params);
  channelSums(x, rows, channels, false);
  for (let c = 0; c < channels; c++) store<f32>(at(meanVector, c), <f32>(load<f64>(first + (<usize>c << 3)) / rows));
  channelSums(x, rows, channels, true);
  for (let c = 0; c < channels; c++) {
    const average = load<f64>(first + (<usize>c << 3)) / rows, squares = load<f64>(second + (<usize>c << 3));
    const variance = squares / rows;
    const inverse = 1 / Math.sqrt(variance + epsilon);
    store<f32>(at(mean, c), <f32>average);
    store<f32>(at(inverseDeviation, c), <f32>inverse);
    store<f32>(at(scaleVector, c), <f32>(<f64>load<f32>(at(gamma, c)) * inverse));
    const unbiased = rows > 1 ? squares / (rows - 1) : variance;
    store<f32>(at(nextMean, c), <f32>((1 - momentum) * <f64>load<f32>(at(runningMean, c)) + momentum * average));
    store<f32>(at(nextVariance, c), <f32>((1 - momentum) * <f64>load<f32>(at(runningVariance, c)) + momentum * unbiased));
  }
  normalize(x, y, beta, rows, channels);
}

export function batchNormInference(params: usize): void {
  const rows = field(params, ROWS), channels = field(params, CHANNELS), epsilon = <f64>reinterpret<f32>(field(params, EPSILON));
  const x = tensor(params, 0), gamma = tensor(params, 1), beta = tensor(params, 2), runningMean = tensor(params, 3), runningVariance = tensor(params, 4), y = tensor(params, 5);
  sections(params);
  for (let c = 0; c < channels; c++) {
    store<f32>(at(meanVector, c), load<f32>(at(runningMean, c)));
    store<f32>(at(scaleVector, c), <f32>(<f64>load<f32>(at(gamma, c)) / Math.sqrt(<f64>load<f32>(at(runningVariance, c)) + epsilon)));
  }
  normalize(x, y, beta, rows, channels);
}

/** dBeta = Σ dy, dGamma = Σ dy·x̂, dx = gamma·inverse·(dy - dBeta/R - x̂·dGamma/R), x̂ = (x - mean)·inverse. */
export function batchNormBackward(params: usize): void {
  const rows = field(params, ROWS), channels = field(params, CHANNELS);
  const x = tensor(params, 0), gamma = tensor(params, 1), mean = tensor(params, 2), inverse = tensor(params, 3), dy = tensor(params, 4);
  const dx = tensor(params, 5), dGamma = tensor(params, 6), dBeta = tensor(params, 7);
  sections(params);
  for (let r0 = 0; r0 < rows; r0 += BLOCK) {
    const r1 = min(rows, r0 + BLOCK);
    for (let c = 0; c < channels; c += 4) {
      const lanes = min(4, channels - c);
      const average = load4(at(mean, c), lanes), scale = load4(at(inverse, c), lanes);
      let gradient = f32x4.splat(0), projected = f32x4.splat(0);
      for (let r = r0; r < r1; r++) {
        const d = load4(at(dy, r * channels + c), lanes);
        gradient = f32x4.add(gradient, d);
        projected = f32x4.add(projected, f32x4.mul(d, f32x4.mul(f32x4.sub(load4(at(x, r * channels + c), lanes), average), scale)));
      }
      flush(first, c, gradient);
      flush(second, c, projected);
    }
  }
  for (let c = 0; c < channels; c++) {
    const sumGradient = load<f64>(first + (<usize>c << 3)), sumProjected = load<f64>(second + (<usize>c << 3));
    store<f32>(at(dBeta, c), <f32>sumGradient);
    store<f32>(at(dGamma, c), <f32>sumProjected);
    // Reused: meanVector = dBeta/R, scaleVector = dGamma/R.
    store<f32>(at(meanVector, c), <f32>(sumGradient / rows));
    store<f32>(at(scaleVector, c), <f32>(sumProjected / rows));
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < channels; c += 4) {
      const lanes = min(4, channels - c);
      const scale = load4(at(inverse, c), lanes);
      const normalized = f32x4.mul(f32x4.sub(load4(at(x, r * channels + c), lanes), load4(at(mean, c), lanes)), scale);
      const inner = f32x4.sub(f32x4.sub(load4(at(dy, r * channels + c), lanes), v128.load(at(meanVector, c))), f32x4.mul(normalized, v128.load(at(scaleVector, c))));
      store4(at(dx, r * channels + c), f32x4.mul(f32x4.mul(load4(at(gamma, c), lanes), scale), inner), lanes);
    }
  }
}
