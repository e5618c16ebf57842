// conv2d (cross-correlation), direct: one thread per output value sums its window over every input
// channel. Words: convolution.wgsl's.
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> weights: array<f32>;
@group(0) @binding(3) var<storage, read_write> output: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let co = index % outChannels();
  let pixel = index / outChannels();
  let ow = i32(pixel % u32(outWidth()));
  let oh = i32((pixel / u32(outWidth())) % u32(outHeight()));
  let n = pixel / u32(outWidth() * outHeight());
  let channels = inChannels();
  var sum = 0.0;
  for (var kh = 0u; kh < kernelHeight(); kh++) {
    let ih = tap(oh, kh, 0u);
    if (ih < 0 || ih >= height()) { continue; }
    for (var kw = 0u; kw < kernelWidth(); kw++) {
      let iw = tap(ow, kw, 1u);
      if (iw < 0 || iw >= width()) { continue; }
      let inputBase = ((n * u32(height()) + u32(ih)) * u32(width()) + u32(iw)) * channels;
      let weightBase = (kh * kernelWidth() + kw) * channels * outChannels() + co;
      for (var ci = 0u; ci < channels; ci++) { sum += input[inputBase + ci] * weights[weightBase + ci * outChannels()]; }
    }
  }
  output[index] = sum;
}
