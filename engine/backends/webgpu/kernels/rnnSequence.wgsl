// rnnSequence, one dispatch per time step t (word 6): one thread per (b, unit),
// h_t = tanh(bias + x_t·Wx + h_{t-1}·Wh), h_{t-1} from h0 at t = 0, else from the previous step's
// output (written by the previous dispatch). Words: recurrent.wgsl's (count: B·H).
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> initialHidden: array<f32>;
@group(0) @binding(3) var<storage, read> inputWeights: array<f32>;
@group(0) @binding(4) var<storage, read> hiddenWeights: array<f32>;
@group(0) @binding(5) var<storage, read> bias: array<f32>;
@group(0) @binding(6) var<storage, read_write> hidden: array<f32>;

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
  var sum = bias[unit];
  for (var f = 0u; f < features(); f++) { sum += input[row * features() + f] * inputWeights[f * columns() + unit]; }
  for (var k = 0u; k < units(); k++) {
    let previous = select(hidden[(row - 1u) * units() + k], initialHidden[b * units() + k], t == 0u);
    sum += previous * hiddenWeights[k * columns() + unit];
  }
  hidden[row * units() + unit] = stableTanh(sum);
}
