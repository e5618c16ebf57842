// relu: y = max(x, 0); dx = dy where x > 0.
fn forward(x: f32) -> f32 { return select(0.0, x, x > 0.0); }
fn backward(x: f32, dy: f32) -> f32 { return select(0.0, dy, x > 0.0); }
