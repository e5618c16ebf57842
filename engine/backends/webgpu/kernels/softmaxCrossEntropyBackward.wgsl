// softmaxCrossEntropyBackward: dLogits = dLoss·(probabilities - onehot(label)) / examples, one
// thread per value. Words: 0 values, 1 classes, 2 examples.
@group(0) @binding(1) var<storage, read> probabilities: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<i32>;
@group(0) @binding(3) var<storage, read> dLoss: array<f32>;
@group(0) @binding(4) var<storage, read_write> dLogits: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let classes = word(1u);
  let factor = dLoss[0] / f32(word(2u));
  let hit = labels[index / classes] == i32(index % classes);
  dLogits[index] = factor * probabilities[index] - select(0.0, factor, hit);
}
