// tanh from e^(-2|x|), exact at both ends (some drivers' tanh overflows to NaN for large x);
// backward from y: dx = dy·(1 - y²).
fn forward(x: f32) -> f32 {
  if (abs(x) < 0.125) {
    let square = x * x;
    return x * (1.0 + square * (-1.0 / 3.0 + square * (2.0 / 15.0 + square * (-17.0 / 315.0))));
  }
  let e = exp(-2.0 * abs(x));
  return sign(x) * (1.0 - e) / (1.0 + e);
}
fn backward(y: f32, dy: f32) -> f32 { return dy * (1.0 - y * y); }
