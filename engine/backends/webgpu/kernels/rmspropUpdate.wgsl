// rmspropUpdate: square = ρ·square + (1 - ρ)·g²; value -= rate·g / (√square + epsilon),
// g = gradient + weightDecay·value. Words: 0 count, 1 ρ, 2 epsilon, 3 weight decay.
@group(0) @binding(1) var<storage, read_write> value: array<f32>;
@group(0) @binding(2) var<storage, read> gradient: array<f32>;
@group(0) @binding(4) var<storage, read_write> square: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  let rate = learningRate();
  if (index >= word(0u)) { return; }
  let rho = real(1u);
  let g = gradient[index] + real(3u) * value[index];
  let s = rho * square[index] + (1.0 - rho) * g * g;
  square[index] = s;
  value[index] -= rate * g / (sqrt(s) + real(2u));
}
