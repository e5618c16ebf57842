// rnnSequenceBackward's steps, one dispatch per time step from the last (word 6), one thread per
// (b, unit): dh = dHidden_t + Σ_c Wh[unit, c]·dPre_{t+1}[c] (no carry at the last step), then
// dPre_t = dh·(1 - h_t²) into the call's scratch [B, T, H]. Phase 1 (word 7) writes
// dh0 = Σ_c Wh[unit, c]·dPre_0[c]. Words: recurrent.wgsl's (count: B·H).
@group(0) @binding(1) var<storage, read> hiddenWeights: array<f32>;
@group(0) @binding(2) var<storage, read> hidden: array<f32>;
@group(0) @binding(3) var<storage, read> dHidden: array<f32>;
@group(0) @binding(4) var<storage, read_write> dPre: array<f32>;
@group(0) @binding(5) var<storage, read_write> dInitialHidden: array<f32>;

fn carry(b: u32, t: u32, unit: u32) -> f32 {
  var sum = 0.0;
  let row = b * time() + t;
  for (var c = 0u; c < columns(); c++) { sum += hiddenWeights[unit * columns() + c] * dPre[row * columns() + c]; }
  return sum;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let unit = index % units();
  let b = index / units();
  if (word(7u) == 1u) {
    dInitialHidden[index] = carry(b, 0u, unit);
    return;
  }
  let t = timeStep();
  let row = b * time() + t;
  var dh = dHidden[row * units() + unit];
  if (t + 1u < time()) { dh += carry(b, t + 1u, unit); }
  let h = hidden[row * units() + unit];
  dPre[row * columns() + unit] = dh * (1.0 - h * h);
}
