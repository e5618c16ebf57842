// conv2dBackwardInput (and convTranspose2d, the same sum): one thread per input value gathers
// dy·w over every output position and channel whose window reads it. Words: convolution.wgsl's.
@group(0) @binding(1) var<storage, read> dOutput: array<f32>;
@group(0) @binding(2) var<storage, read> weights: array<f32>;
@group(0) @binding(3) var<storage, read_write> dInput: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let ci = index % inChannels();
  let pixel = index / inChannels();
  let iw = i32(pixel % u32(width()));
  let ih = i32((pixel / u32(width())) % u32(height()));
  let n = pixel / u32(width() * height());
  let channels = outChannels();
  var sum = 0.0;
  for (var kh = 0u; kh < kernelHeight(); kh++) {
    let oh = reader(ih, kh, 0u, outHeight());
    if (oh < 0) { continue; }
    for (var kw = 0u; kw < kernelWidth(); kw++) {
      let ow = reader(iw, kw, 1u, outWidth());
      if (ow < 0) { continue; }
      let outputBase = ((n * u32(outHeight()) + u32(oh)) * u32(outWidth()) + u32(ow)) * channels;
      let weightBase = ((kh * kernelWidth() + kw) * inChannels() + ci) * channels;
      for (var co = 0u; co < channels; co++) { sum += dOutput[outputBase + co] * weights[weightBase + co]; }
    }
  }
  dInput[index] = sum;
}
