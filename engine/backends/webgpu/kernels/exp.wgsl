// exp: y = e^x; backward from y: dx = dy·y.
fn forward(x: f32) -> f32 { return exp(x); }
fn backward(y: f32, dy: f32) -> f32 { return dy * y; }
