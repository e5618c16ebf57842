// log: y = ln x; backward from x: dx = dy / x.
fn forward(x: f32) -> f32 { return log(x); }
fn backward(x: f32, dy: f32) -> f32 { return dy / x; }
