// clipGradientNorm, phase 1 (one dispatch per gradient): the gradient's sum of squares into slot
// word 1 of the call's scratch, by one workgroup of 256 threads. Words: 0 count, 1 slot.
@group(0) @binding(1) var<storage, read> gradient: array<f32>;
@group(0) @binding(2) var<storage, read_write> scratch: array<f32>;

var<workgroup> partial: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) local: u32) {
  var sum = 0.0;
  for (var index = local; index < word(0u); index += 256u) { sum += gradient[index] * gradient[index]; }
  partial[local] = sum;
  workgroupBarrier();
  for (var half = 128u; half > 0u; half = half / 2u) {
    if (local < half) { partial[local] += partial[local + half]; }
    workgroupBarrier();
  }
  if (local == 0u) { scratch[word(1u)] = partial[0]; }
}
