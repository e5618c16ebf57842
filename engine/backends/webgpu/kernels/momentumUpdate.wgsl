// momentumUpdate: velocity = g on step 1, else momentum·velocity + g, g = gradient + weightDecay·value;
// value -= rate·(nesterov ? g + momentum·velocity : velocity). Words: 0 count, 1 weight decay,
// 2 momentum, 3 nesterov (1) or not (0).
@group(0) @binding(1) var<storage, read_write> value: array<f32>;
@group(0) @binding(2) var<storage, read> gradient: array<f32>;
@group(0) @binding(4) var<storage, read_write> velocity: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  let rate = learningRate();
  let first = scalars[0] == 1u;
  if (index >= word(0u)) { return; }
  let momentum = real(2u);
  let g = gradient[index] + real(1u) * value[index];
  let current = select(momentum * velocity[index] + g, g, first);
  velocity[index] = current;
  value[index] -= rate * select(current, g + momentum * current, word(3u) == 1u);
}
