// biasAdd: y = x + bias[c] along the last axis. Words: 0 count, 1 channels.
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> output: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  output[index] = input[index] + bias[index % word(1u)];
}
