// binaryCrossEntropyWithLogitsBackward: dLogits = dLoss·(σ(x) - t) / count. Words: 0 count.
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> expected: array<f32>;
@group(0) @binding(3) var<storage, read> dLoss: array<f32>;
@group(0) @binding(4) var<storage, read_write> dLogits: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  let count = word(0u);
  if (index >= count) { return; }
  let x = logits[index];
  let e = exp(-abs(x));
  let probability = select(e / (1.0 + e), 1.0 / (1.0 + e), x >= 0.0);
  dLogits[index] = dLoss[0] / f32(count) * (probability - expected[index]);
}
