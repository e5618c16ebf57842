// meanSquaredError: loss = mean of (prediction - expected)², one workgroup of 256 threads (every
// 256th value each, then a tree). Words: 0 count.
@group(0) @binding(1) var<storage, read> prediction: array<f32>;
@group(0) @binding(2) var<storage, read> expected: array<f32>;
@group(0) @binding(3) var<storage, read_write> loss: array<f32>;

var<workgroup> partial: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) local: u32) {
  let count = word(0u);
  var sum = 0.0;
  for (var index = local; index < count; index += 256u) {
    let difference = prediction[index] - expected[index];
    sum += difference * difference;
  }
  partial[local] = sum;
  workgroupBarrier();
  for (var half = 128u; half > 0u; half = half / 2u) {
    if (local < half) { partial[local] += partial[local + half]; }
    workgroupBarrier();
  }
  if (local == 0u) { loss[0] = partial[0] / f32(count); }
}
