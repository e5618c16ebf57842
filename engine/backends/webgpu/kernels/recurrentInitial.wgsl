// The initial hidden state's gradient of a fused recurrent backward op: dh0[b, unit] =
// Σ_c Wh[unit, c]·dPre[b, 0, c], one thread per (b, unit). Words: recurrent.wgsl's (count: B·H).
@group(0) @binding(1) var<storage, read> hiddenWeights: array<f32>;
@group(0) @binding(2) var<storage, read> dPre: array<f32>;
@group(0) @binding(3) var<storage, read_write> dInitialHidden: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let unit = index % units();
  let row = (index / units()) * time();
  var sum = 0.0;
  for (var c = 0u; c < columns(); c++) { sum += hiddenWeights[unit * columns() + c] * dPre[row * columns() + c]; }
  dInitialHidden[index] = sum;
}
