// clipGradientNorm, phase 2: norm = √Σ slots 0..n-1, written to the norm output; the factor
// min(1, maxNorm / (norm + 1e-6)) into slot n. Words: 0 n (gradients), 1 max norm.
@group(0) @binding(1) var<storage, read_write> scratch: array<f32>;
@group(0) @binding(2) var<storage, read_write> norm: array<f32>;

@compute @workgroup_size(1)
fn main() {
  let count = word(0u);
  var sum = 0.0;
  for (var slot = 0u; slot < count; slot++) { sum += scratch[slot]; }
  let total = sqrt(sum);
  norm[0] = total;
  scratch[count] = min(1.0, real(1u) / (total + 1e-6));
}
