// adamUpdate: Adam (weight decay added to the gradient) or AdamW (word 7 = 1: the value shrinks by
// 1 - rate·weightDecay), bias-corrected by the step. Words: 0 count, 1 β1, 2 β2, 3 epsilon,
// 4 weight decay, 5 ln β1, 6 ln β2 (from the host in double precision), 7 decoupled.
@group(0) @binding(1) var<storage, read_write> value: array<f32>;
@group(0) @binding(2) var<storage, read> gradient: array<f32>;
@group(0) @binding(4) var<storage, read_write> first: array<f32>;
@group(0) @binding(5) var<storage, read_write> second: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  let rate = learningRate();
  let t = stepCount();
  if (index >= word(0u)) { return; }
  let beta1 = real(1u);
  let beta2 = real(2u);
  let decay = real(4u);
  let decoupled = word(7u) == 1u;
  let correction1 = oneMinusExp(t * real(5u));
  let correction2 = sqrt(oneMinusExp(t * real(6u)));
  let g = gradient[index] + select(decay * value[index], 0.0, decoupled);
  let m = beta1 * first[index] + (1.0 - beta1) * g;
  let v = beta2 * second[index] + (1.0 - beta2) * g * g;
  first[index] = m;
  second[index] = v;
  let shrink = select(1.0, 1.0 - rate * decay, decoupled);
  value[index] = value[index] * shrink - (rate / correction1) * (m / (sqrt(v) / correction2 + real(3u)));
}
