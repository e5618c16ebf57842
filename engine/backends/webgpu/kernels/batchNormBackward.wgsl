// batchNormBackward (training mode, through the batch statistics): one workgroup of 64 threads per
// channel; with x̂ = (x - mean)·inverseDeviation and R rows: dBeta = Σ dy, dGamma = Σ dy·x̂,
// dx = gamma·inverseDeviation/R · (R·dy - dBeta - x̂·dGamma). Words: 0 channels, 1 rows.
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> gamma: array<f32>;
@group(0) @binding(3) var<storage, read> mean: array<f32>;
@group(0) @binding(4) var<storage, read> inverseDeviation: array<f32>;
@group(0) @binding(5) var<storage, read> dOutput: array<f32>;
@group(0) @binding(6) var<storage, read_write> dInput: array<f32>;
@group(0) @binding(7) var<storage, read_write> dGamma: array<f32>;
@group(0) @binding(8) var<storage, read_write> dBeta: array<f32>;

var<workgroup> gradients: array<f32, 64>;
var<workgroup> projected: array<f32, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let channels = word(0u);
  let rows = word(1u);
  let c = min(groupIndex(group, groups), channels - 1u);
  let average = mean[c];
  let inverse = inverseDeviation[c];
  var sumGradient = 0.0;
  var sumProjected = 0.0;
  for (var row = local; row < rows; row += 64u) {
    let index = row * channels + c;
    sumGradient += dOutput[index];
    sumProjected += dOutput[index] * (input[index] - average) * inverse;
  }
  gradients[local] = sumGradient;
  projected[local] = sumProjected;
  workgroupBarrier();
  for (var half = 32u; half > 0u; half = half / 2u) {
    if (local < half) {
      gradients[local] += gradients[local + half];
      projected[local] += projected[local + half];
    }
    workgroupBarrier();
  }
  if (groupIndex(group, groups) >= channels) { return; }
  let dBetaTotal = gradients[0];
  let dGammaTotal = projected[0];
  let factor = gamma[c] * inverse / f32(rows);
  for (var row = local; row < rows; row += 64u) {
    let index = row * channels + c;
    let normalized = (input[index] - average) * inverse;
    dInput[index] = factor * (f32(rows) * dOutput[index] - dBetaTotal - normalized * dGammaTotal);
  }
  if (local == 0u) {
    dGamma[c] = dGammaTotal;
    dBeta[c] = dBetaTotal;
  }
}
