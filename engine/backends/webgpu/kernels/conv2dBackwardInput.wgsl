// conv2dBackwardInput (and convTranspose2d, the same sum) as convGemm.wgsl's product: m an input
// pixel (n, ih, iw), n an input channel, k a tap and output channel (kh, kw, co); a(m, k) = dy at
// the output pixel whose tap (kh, kw) reads the input pixel (0 where none does: a stride skips it
// or it lies past the edge), b(k, n) = weights[kh, kw, n, co]. Words: convolution.wgsl's, then
// convGemm.wgsl's.
@group(0) @binding(1) var<storage, read> dOutput: array<f32>;
@group(0) @binding(2) var<storage, read> weights: array<f32>;
@group(0) @binding(3) var<storage, read_write> result: array<f32>;

// (image, ih + padding top, iw + padding left, 0); image -1 past the last row.
fn rowOf(m: u32) -> vec4<i32> {
  if (m >= gemmRows()) { return vec4<i32>(-1, 0, 0, 0); }
  let pixels = u32(height() * width());
  let pixel = m % pixels;
  let padded = vec2<i32>(i32(pixel / u32(width())), i32(pixel % u32(width()))) + paddingBefore();
  return vec4<i32>(i32(m / pixels), padded.x, padded.y, 0);
}

// (the tap's row offset, its column offset, output channel, 0)
fn innerOf(k: u32) -> vec4<i32> {
  let position = k / outChannels();
  let offset = vec2<i32>(i32(position / kernelWidth()), i32(position % kernelWidth())) * dilation();
  return vec4<i32>(offset.x, offset.y, i32(k % outChannels()), 0);
}

fn aValue(row: vec4<i32>, inner: vec4<i32>) -> f32 {
  let shifted = vec2<i32>(row.y - inner.x, row.z - inner.y);
  if (row.x < 0 || shifted.x < 0 || shifted.y < 0) { return 0.0; }
  // Stride 1 (the common case) needs no division: every shifted position is an output pixel.
  let steps = stride();
  var output = shifted;
  if (steps.x != 1 || steps.y != 1) {
    if (shifted.x % steps.x != 0 || shifted.y % steps.y != 0) { return 0.0; }
    output = shifted / steps;
  }
  if (output.x >= outHeight() || output.y >= outWidth()) { return 0.0; }
  return dOutput[((u32(row.x) * u32(outHeight()) + u32(output.x)) * u32(outWidth()) + u32(output.y)) * outChannels() + u32(inner.z)];
}

fn bValue(k: u32, n: u32) -> f32 { return weights[((k / outChannels()) * inChannels() + n) * outChannels() + k % outChannels()]; }
