// lstmSequence, step t (word 6), first half: one thread per (b, unit) computes its four gates
// (columns unit, H + unit, 2H + unit, 3H + unit: i, f, g, o as PyTorch) from x_t, h_{t-1} (h0 at
// t = 0) and the bias, after their activations (σ, σ, tanh, σ). Words: recurrent.wgsl's (count: B·H).
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> initialHidden: array<f32>;
@group(0) @binding(3) var<storage, read> inputWeights: array<f32>;
@group(0) @binding(4) var<storage, read> hiddenWeights: array<f32>;
@group(0) @binding(5) var<storage, read> bias: array<f32>;
@group(0) @binding(6) var<storage, read> hidden: array<f32>;
@group(0) @binding(7) var<storage, read_write> gates: array<f32>;

fn activate(x: f32, candidate: bool) -> f32 {
  let e = exp(-abs(x));
  if (candidate) {
    let e2 = e * e;
    return sign(x) * (1.0 - e2) / (1.0 + e2);
  }
  return select(e / (1.0 + e), 1.0 / (1.0 + e), x >= 0.0);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let unit = index % units();
  let b = index / units();
  let t = timeStep();
  let row = b * time() + t;
  for (var gate = 0u; gate < 4u; gate++) {
    let column = gate * units() + unit;
    var sum = bias[column];
    for (var f = 0u; f < features(); f++) { sum += input[row * features() + f] * inputWeights[f * columns() + column]; }
    for (var k = 0u; k < units(); k++) {
      let previous = select(hidden[(row - 1u) * units() + k], initialHidden[b * units() + k], t == 0u);
      sum += previous * hiddenWeights[k * columns() + column];
    }
    gates[row * columns() + column] = activate(sum, gate == 2u);
  }
}
