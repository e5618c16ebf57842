// leakyRelu: y = x for x > 0, alpha·x otherwise (alpha: word 1).
fn forward(x: f32) -> f32 { return select(real(1u) * x, x, x > 0.0); }
fn backward(x: f32, dy: f32) -> f32 { return select(real(1u) * dy, dy, x > 0.0); }
