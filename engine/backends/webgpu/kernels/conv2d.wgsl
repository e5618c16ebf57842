// conv2d (cross-correlation) as convGemm.wgsl's product: m an output pixel (n, oh, ow), n an output
// channel, k a row of the weights (kh, kw, ci); a(m, k) the input under tap (kh, kw) of the pixel
// (0 in the padding), b(k, n) = weights[k, n]. Words: convolution.wgsl's, then convGemm.wgsl's.
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> weights: array<f32>;
@group(0) @binding(3) var<storage, read_write> result: array<f32>;

// (image, the window's top row, its left column, 0); image -1 past the last row.
fn rowOf(m: u32) -> vec4<i32> {
  if (m >= gemmRows()) { return vec4<i32>(-1, 0, 0, 0); }
  let pixels = u32(outHeight() * outWidth());
  let pixel = m % pixels;
  let origin = vec2<i32>(i32(pixel / u32(outWidth())), i32(pixel % u32(outWidth()))) * stride() - paddingBefore();
  return vec4<i32>(i32(m / pixels), origin.x, origin.y, 0);
}

// (the tap's row offset, its column offset, input channel, 0)
fn innerOf(k: u32) -> vec4<i32> {
  let position = k / inChannels();
  let offset = vec2<i32>(i32(position / kernelWidth()), i32(position % kernelWidth())) * dilation();
  return vec4<i32>(offset.x, offset.y, i32(k % inChannels()), 0);
}

fn aValue(row: vec4<i32>, inner: vec4<i32>) -> f32 {
  let ih = row.y + inner.x;
  let iw = row.z + inner.y;
  if (row.x < 0 || ih < 0 || ih >= height() || iw < 0 || iw >= width()) { return 0.0; }
  return input[((u32(row.x) * u32(height()) + u32(ih)) * u32(width()) + u32(iw)) * inChannels() + u32(inner.z)];
}

fn bValue(k: u32, n: u32) -> f32 { return weights[k * outChannels() + n]; }
