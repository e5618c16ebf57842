// gruSequence, one dispatch per time step t (word 6), one thread per (b, unit), PyTorch's gates
// r, z, n: r, z = σ(x·Wx + bx + h·Wh + bh), n = tanh(x·Wxn + bxn + r·(h·Whn + bhn)),
// h_t = (1 - z)·n + z·h_{t-1} (h0 at t = 0). Stores the gates after activation and
// hiddenCandidate = h_{t-1}·Whn + bhn. `biases` holds the input bias then the hidden bias (C each,
// copied there by the wrapper: one binding for both keeps the shader within 8 storage buffers).
// Words: recurrent.wgsl's (count: B·H).
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> initialHidden: array<f32>;
@group(0) @binding(3) var<storage, read> inputWeights: array<f32>;
@group(0) @binding(4) var<storage, read> hiddenWeights: array<f32>;
@group(0) @binding(5) var<storage, read> biases: array<f32>;
@group(0) @binding(6) var<storage, read_write> hidden: array<f32>;
@group(0) @binding(7) var<storage, read_write> gates: array<f32>;
@group(0) @binding(8) var<storage, read_write> hiddenCandidate: array<f32>;

fn logistic(x: f32) -> f32 {
  let e = exp(-abs(x));
  return select(e / (1.0 + e), 1.0 / (1.0 + e), x >= 0.0);
}

fn stableTanh(x: f32) -> f32 {
  let e = exp(-2.0 * abs(x));
  return sign(x) * (1.0 - e) / (1.0 + e);
}

fn previous(b: u32, row: u32, t: u32, k: u32) -> f32 {
  return select(hidden[(row - 1u) * units() + k], initialHidden[b * units() + k], t == 0u);
}

// x_t·Wx[:, column] + bx and h_{t-1}·Wh[:, column] + bh.
fn affine(b: u32, row: u32, t: u32, column: u32) -> vec2<f32> {
  var fromInput = biases[column];
  for (var f = 0u; f < features(); f++) { fromInput += input[row * features() + f] * inputWeights[f * columns() + column]; }
  var fromHidden = biases[columns() + column];
  for (var k = 0u; k < units(); k++) { fromHidden += previous(b, row, t, k) * hiddenWeights[k * columns() + column]; }
  return vec2<f32>(fromInput, fromHidden);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let unit = index % units();
  let b = index / units();
  let t = timeStep();
  let row = b * time() + t;
  let resetSums = affine(b, row, t, unit);
  let updateSums = affine(b, row, t, units() + unit);
  let nextSums = affine(b, row, t, 2u * units() + unit);
  let reset = logistic(resetSums.x + resetSums.y);
  let update = logistic(updateSums.x + updateSums.y);
  let next = stableTanh(nextSums.x + reset * nextSums.y);
  let base = row * columns();
  gates[base + unit] = reset;
  gates[base + units() + unit] = update;
  gates[base + 2u * units() + unit] = next;
  hiddenCandidate[row * units() + unit] = nextSums.y;
  hidden[row * units() + unit] = (1.0 - update) * next + update * previous(b, row, t, unit);
}
