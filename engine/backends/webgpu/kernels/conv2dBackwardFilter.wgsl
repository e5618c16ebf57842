// conv2dBackwardFilter: dw[kh, kw, ci, co] = Σ over n, oh, ow of x[n, tap(oh), tap(ow), ci]·dy[n, oh, ow, co];
// one workgroup of 64 threads per weight (every 64th output position each, then a tree).
// Words: convolution.wgsl's (count: weights).
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> dOutput: array<f32>;
@group(0) @binding(3) var<storage, read_write> dWeights: array<f32>;

var<workgroup> partial: array<f32, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let weight = groupIndex(group, groups);
  let valid = weight < word(0u);
  let co = weight % outChannels();
  let ci = (weight / outChannels()) % inChannels();
  let kw = (weight / (outChannels() * inChannels())) % kernelWidth();
  let kh = weight / (outChannels() * inChannels() * kernelWidth());
  let positions = word(1u) * u32(outHeight() * outWidth());
  var sum = 0.0;
  if (valid) {
    for (var position = local; position < positions; position += 64u) {
      let ow = i32(position % u32(outWidth()));
      let oh = i32((position / u32(outWidth())) % u32(outHeight()));
      let n = position / u32(outWidth() * outHeight());
      let ih = tap(oh, kh, 0u);
      let iw = tap(ow, kw, 1u);
      if (ih < 0 || ih >= height() || iw < 0 || iw >= width()) { continue; }
      sum += input[((n * u32(height()) + u32(ih)) * u32(width()) + u32(iw)) * inChannels() + ci] * dOutput[position * outChannels() + co];
    }
  }
  partial[local] = sum;
  workgroupBarrier();
  for (var half = 32u; half > 0u; half = half / 2u) {
    if (local < half) { partial[local] += partial[local + half]; }
    workgroupBarrier();
  }
  if (valid && local == 0u) { dWeights[weight] = partial[0]; }
}
