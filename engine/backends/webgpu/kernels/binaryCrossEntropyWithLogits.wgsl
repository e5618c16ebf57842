// binaryCrossEntropyWithLogits: loss = mean of max(x, 0) - x·t + log(1 + e^-|x|), one workgroup of
// 256 threads (every 256th value each, then a tree). Words: 0 count.
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> expected: array<f32>;
@group(0) @binding(3) var<storage, read_write> loss: array<f32>;

var<workgroup> partial: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) local: u32) {
  let count = word(0u);
  var sum = 0.0;
  for (var index = local; index < count; index += 256u) {
    let x = logits[index];
    sum += max(x, 0.0) - x * expected[index] + log(1.0 + exp(-abs(x)));
  }
  partial[local] = sum;
  workgroupBarrier();
  for (var half = 128u; half > 0u; half = half / 2u) {
    if (local < half) { partial[local] += partial[local + half]; }
    workgroupBarrier();
  }
  if (local == 0u) { loss[0] = partial[0] / f32(count); }
}
