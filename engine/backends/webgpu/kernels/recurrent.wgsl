// The shape of a fused recurrent call, prepended to its shaders: x [B, T, F], h0 [B, H], input
// weights [F, C], hidden weights [H, C], C = gates·H. Words: 0 count, 1 B, 2 T, 3 F, 4 H, 5 C,
// 6 the time step (per-step dispatches), 7 phase (recurrentGradients.wgsl).
fn batch() -> u32 { return word(1u); }
fn time() -> u32 { return word(2u); }
fn features() -> u32 { return word(3u); }
fn units() -> u32 { return word(4u); }
fn columns() -> u32 { return word(5u); }
fn timeStep() -> u32 { return word(6u); }
