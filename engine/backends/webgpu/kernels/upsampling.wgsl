// The geometry of upsampling by integer factors ([N, H, W, C] to [N, H·sH, W·sW, C]), prepended to
// both upsampling shaders. Words: 0 count, 1 N, 2 H, 3 W, 4 C, 5 OH, 6 OW, 7 sH, 8 sW, 9 mode
// (0 nearest, 1 bilinear as PyTorch's align_corners=False).
fn sizes() -> vec4<u32> { return vec4<u32>(word(2u), word(3u), word(5u), word(6u)); }

// Bilinear: the two source positions an output position blends along an axis and the second's weight.
fn blend(output: u32, scale: u32, size: u32) -> vec3<f32> {
  let source = max(0.0, (f32(output) + 0.5) / f32(scale) - 0.5);
  let first = u32(floor(source));
  let second = select(first, first + 1u, first + 1u < size);
  return vec3<f32>(f32(first), f32(second), source - f32(first));
}

// The weight with which output position o draws on source position i along an axis.
fn weightOf(output: u32, i: u32, scale: u32, size: u32) -> f32 {
  if (word(9u) == 0u) { return select(0.0, 1.0, output / scale == i); }
  let b = blend(output, scale, size);
  return select(0.0, 1.0 - b.z, u32(b.x) == i) + select(0.0, b.z, u32(b.y) == i);
}
