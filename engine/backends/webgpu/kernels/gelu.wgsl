// gelu: y = x·Φ(x), exact (word 1 = 0: erf, here to about 1e-7) or the tanh form (word 1 = 1).
const TANH_SCALE: f32 = 0.7978845608028654;
const CUBIC: f32 = 0.044715;

// erf by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).
fn erf(x: f32) -> f32 {
  let t = 1.0 / (1.0 + 0.3275911 * abs(x));
  let polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign(x) * (1.0 - polynomial * exp(-x * x));
}

fn stableTanh(x: f32) -> f32 {
  let e = exp(-2.0 * abs(x));
  return sign(x) * (1.0 - e) / (1.0 + e);
}

fn forward(x: f32) -> f32 {
  if (word(1u) == 1u) { return 0.5 * x * (1.0 + stableTanh(TANH_SCALE * (x + CUBIC * x * x * x))); }
  return 0.5 * x * (1.0 + erf(x * 0.7071067811865476));
}

fn backward(x: f32, dy: f32) -> f32 {
  if (word(1u) == 1u) {
    let t = stableTanh(TANH_SCALE * (x + CUBIC * x * x * x));
    return dy * (0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * TANH_SCALE * (1.0 + 3.0 * CUBIC * x * x));
  }
  let cdf = 0.5 * (1.0 + erf(x * 0.7071067811865476));
  let density = exp(-0.5 * x * x) * 0.3989422804014327;
  return dy * (cdf + x * density);
}
