// batchNormInference: y = gamma·(x - runningMean)/√(runningVariance + epsilon) + beta, one thread
// per value. Words: 0 count, 1 channels, 2 epsilon.
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> gamma: array<f32>;
@group(0) @binding(3) var<storage, read> beta: array<f32>;
@group(0) @binding(4) var<storage, read> runningMean: array<f32>;
@group(0) @binding(5) var<storage, read> runningVariance: array<f32>;
@group(0) @binding(6) var<storage, read_write> output: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let c = index % word(1u);
  output[index] = gamma[c] * (input[index] - runningMean[c]) / sqrt(runningVariance[c] + real(2u)) + beta[c];
}
