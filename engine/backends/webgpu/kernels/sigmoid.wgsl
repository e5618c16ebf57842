// sigmoid: y = 1 / (1 + e^-x) without overflow; backward from y: dx = dy·y·(1 - y).
fn forward(x: f32) -> f32 {
  let e = exp(-abs(x));
  return select(e / (1.0 + e), 1.0 / (1.0 + e), x >= 0.0);
}
fn backward(y: f32, dy: f32) -> f32 { return dy * y * (1.0 - y); }
