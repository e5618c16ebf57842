// lstmSequenceBackward's steps, one dispatch per time step from the last (word 6), one thread per
// (b, unit): dh = dHidden_t + Σ_c Wh[unit, c]·dPre_{t+1}[c]; dc = carried dc + dh·o·(1 - tanh²c_t);
// the four pre-activation gradients into dPre [B, T, 4H]; carried dc = dc·f (kept per (b, unit)
// in `carriedCell`, zeroed before the last step). Words: recurrent.wgsl's (count: B·H).
@group(0) @binding(1) var<storage, read> hiddenWeights: array<f32>;
@group(0) @binding(2) var<storage, read> initialCell: array<f32>;
@group(0) @binding(3) var<storage, read> cell: array<f32>;
@group(0) @binding(4) var<storage, read> gates: array<f32>;
@group(0) @binding(5) var<storage, read> dHidden: array<f32>;
@group(0) @binding(6) var<storage, read_write> dPre: array<f32>;
@group(0) @binding(7) var<storage, read_write> carriedCell: array<f32>;

fn stableTanh(x: f32) -> f32 {
  let e = exp(-2.0 * abs(x));
  return sign(x) * (1.0 - e) / (1.0 + e);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let unit = index % units();
  let b = index / units();
  let t = timeStep();
  let row = b * time() + t;
  let H = units();
  var dh = dHidden[row * H + unit];
  var carried = 0.0;
  if (t + 1u < time()) {
    for (var c = 0u; c < columns(); c++) { dh += hiddenWeights[unit * columns() + c] * dPre[(row + 1u) * columns() + c]; }
    carried = carriedCell[index];
  }
  let base = row * columns();
  let i = gates[base + unit];
  let f = gates[base + H + unit];
  let g = gates[base + 2u * H + unit];
  let o = gates[base + 3u * H + unit];
  let tanhCell = stableTanh(cell[row * H + unit]);
  let previous = select(cell[(row - 1u) * H + unit], initialCell[b * H + unit], t == 0u);
  let dc = carried + dh * o * (1.0 - tanhCell * tanhCell);
  dPre[base + unit] = dc * g * i * (1.0 - i);
  dPre[base + H + unit] = dc * previous * f * (1.0 - f);
  dPre[base + 2u * H + unit] = dc * i * (1.0 - g * g);
  dPre[base + 3u * H + unit] = dh * tanhCell * o * (1.0 - o);
  carriedCell[index] = dc * f;
}
