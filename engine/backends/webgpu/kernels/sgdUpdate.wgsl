// sgdUpdate: value -= rate·(gradient + weightDecay·value). Words: 0 count, 1 weight decay.
@group(0) @binding(1) var<storage, read_write> value: array<f32>;
@group(0) @binding(2) var<storage, read> gradient: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  let rate = learningRate();
  if (index >= word(0u)) { return; }
  let g = gradient[index] + real(1u) * value[index];
  value[index] -= rate * g;
}
