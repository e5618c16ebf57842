// conv2dBackwardFilter as convGemm.wgsl's product: m a row of the weights (kh, kw, ci), n an
// output channel, k an output pixel (n, oh, ow); a(m, k) the input under tap (kh, kw) of the pixel
// (0 in the padding), b(k, n) = dy[k, n]. The inner axis is long (every pixel of the batch) and
// the product small: the wrapper splits the inner axis across workgroups and sums the parts
// (convSplitSum.wgsl). Words: convolution.wgsl's, then convGemm.wgsl's.
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> dOutput: array<f32>;
@group(0) @binding(3) var<storage, read_write> result: array<f32>;

// (the tap's row offset - padding top, its column offset - padding left, input channel, -1 past the last row)
fn rowOf(m: u32) -> vec4<i32> {
  let position = m / inChannels();
  let offset = vec2<i32>(i32(position / kernelWidth()), i32(position % kernelWidth())) * dilation() - paddingBefore();
  return vec4<i32>(offset.x, offset.y, i32(m % inChannels()), select(0, -1, m >= gemmRows()));
}

// (oh·stride, ow·stride, image, 0)
fn innerOf(k: u32) -> vec4<i32> {
  let pixels = u32(outHeight() * outWidth());
  let pixel = k % pixels;
  let origin = vec2<i32>(i32(pixel / u32(outWidth())), i32(pixel % u32(outWidth()))) * stride();
  return vec4<i32>(origin.x, origin.y, i32(k / pixels), 0);
}

fn aValue(row: vec4<i32>, inner: vec4<i32>) -> f32 {
  let ih = row.x + inner.x;
  let iw = row.y + inner.y;
  if (row.w < 0 || ih < 0 || ih >= height() || iw < 0 || iw >= width()) { return 0.0; }
  return input[((u32(inner.z) * u32(height()) + u32(ih)) * u32(width()) + u32(iw)) * inChannels() + u32(row.z)];
}

fn bValue(k: u32, n: u32) -> f32 { return dOutput[k * outChannels() + n]; }
