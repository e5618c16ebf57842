// gruSequenceBackward, after the gate gradients of step t (word 6): the gradient carried to
// h_{t-1}, dh·z + Σ_c Wh[unit, c]·hiddenSide_t[c], with dh = dHidden_t + the carry so far, updated
// in place per (b, unit); after step 0 it is dh0. Words: recurrent.wgsl's (count: B·H).
@group(0) @binding(1) var<storage, read> hiddenWeights: array<f32>;
@group(0) @binding(2) var<storage, read> gates: array<f32>;
@group(0) @binding(3) var<storage, read> dHidden: array<f32>;
@group(0) @binding(4) var<storage, read> hiddenSide: array<f32>;
@group(0) @binding(5) var<storage, read_write> carried: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let unit = index % units();
  let b = index / units();
  let row = b * time() + timeStep();
  let dh = dHidden[row * units() + unit] + carried[index];
  var sum = dh * gates[row * columns() + units() + unit];
  for (var c = 0u; c < columns(); c++) { sum += hiddenWeights[unit * columns() + c] * hiddenSide[row * columns() + c]; }
  carried[index] = sum;
}
