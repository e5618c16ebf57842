// upsample2dBackward: one thread per input value gathers dy·weight from the output positions that
// draw on it (nearest: its s×s block; bilinear: rows and columns within one source position).
@group(0) @binding(1) var<storage, read> dOutput: array<f32>;
@group(0) @binding(2) var<storage, read_write> dInput: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>, @builtin(local_invocation_index) local: u32) {
  let index = elementIndex(group, groups, local);
  if (index >= word(0u)) { return; }
  let channels = word(4u);
  let c = index % channels;
  let pixel = index / channels;
  let iw = pixel % sizes().y;
  let ih = (pixel / sizes().y) % sizes().x;
  let n = pixel / (sizes().y * sizes().x);
  let scaleH = word(7u);
  let scaleW = word(8u);
  let rowFirst = select(0u, (ih - 1u) * scaleH, ih > 0u);
  let columnFirst = select(0u, (iw - 1u) * scaleW, iw > 0u);
  var sum = 0.0;
  for (var oh = rowFirst; oh < min(sizes().z, (ih + 2u) * scaleH); oh++) {
    let rowWeight = weightOf(oh, ih, scaleH, sizes().x);
    if (rowWeight == 0.0) { continue; }
    for (var ow = columnFirst; ow < min(sizes().w, (iw + 2u) * scaleW); ow++) {
      let columnWeight = weightOf(ow, iw, scaleW, sizes().y);
      sum += dOutput[((n * sizes().z + oh) * sizes().w + ow) * channels + c] * rowWeight * columnWeight;
    }
  }
  dInput[index] = sum;
}
