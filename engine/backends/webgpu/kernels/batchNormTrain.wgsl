// batchNormTrain: one workgroup of 64 threads per channel (last axis): the batch mean, then the
// biased variance (trees in workgroup memory), y = gamma·(x - mean)·inverseDeviation + beta, the
// saved statistics, and the running averages moved in place (unbiased variance, as PyTorch).
// Words: 0 channels, 1 rows (positions per channel), 2 epsilon, 3 momentum.
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> gamma: array<f32>;
@group(0) @binding(3) var<storage, read> beta: array<f32>;
@group(0) @binding(4) var<storage, read_write> runningMean: array<f32>;
@group(0) @binding(5) var<storage, read_write> runningVariance: array<f32>;
@group(0) @binding(6) var<storage, read_write> output: array<f32>;
@group(0) @binding(7) var<storage, read_write> mean: array<f32>;
@group(0) @binding(8) var<storage, read_write> inverseDeviation: array<f32>;

var<workgroup> partial: array<f32, 64>;

fn total(local: u32, value: f32) -> f32 {
  partial[local] = value;
  workgroupBarrier();
  for (var half = 32u; half > 0u; half = half / 2u) {
    if (local < half) { partial[local] += partial[local + half]; }
    workgroupBarrier();
  }
  let sum = partial[0];
  workgroupBarrier();
  return sum;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let channels = word(0u);
  let rows = word(1u);
  let c = min(groupIndex(group, groups), channels - 1u);
  var sum = 0.0;
  for (var row = local; row < rows; row += 64u) { sum += input[row * channels + c]; }
  let average = total(local, sum) / f32(rows);
  var squares = 0.0;
  for (var row = local; row < rows; row += 64u) {
    let difference = input[row * channels + c] - average;
    squares += difference * difference;
  }
  let spread = total(local, squares);
  if (groupIndex(group, groups) >= channels) { return; }
  let inverse = 1.0 / sqrt(spread / f32(rows) + real(2u));
  for (var row = local; row < rows; row += 64u) {
    let index = row * channels + c;
    output[index] = gamma[c] * (input[index] - average) * inverse + beta[c];
  }
  if (local == 0u) {
    mean[c] = average;
    inverseDeviation[c] = inverse;
    let unbiased = select(spread / f32(rows), spread / f32(rows - 1u), rows > 1u);
    let momentum = real(3u);
    runningMean[c] = (1.0 - momentum) * runningMean[c] + momentum * average;
    runningVariance[c] = (1.0 - momentum) * runningVariance[c] + momentum * unbiased;
  }
}
