// softmaxCrossEntropy: loss = mean over examples of log Σ e^z - z[label], and the probabilities.
// One workgroup of 256 threads: each thread takes every 256th example, then a tree sums the
// losses. A label outside 0..classes-1 makes the loss NaN. Words: 0 examples, 1 classes, 2 NaN
// (from the host: WGSL has no NaN constant).
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<i32>;
@group(0) @binding(3) var<storage, read_write> loss: array<f32>;
@group(0) @binding(4) var<storage, read_write> probabilities: array<f32>;

var<workgroup> partial: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) local: u32) {
  let examples = word(0u);
  let classes = word(1u);
  var total = 0.0;
  for (var example = local; example < examples; example += 256u) {
    let start = example * classes;
    var maximum = -3.4028234663852886e38;
    for (var c = 0u; c < classes; c++) { maximum = max(maximum, logits[start + c]); }
    var sum = 0.0;
    for (var c = 0u; c < classes; c++) { sum += exp(logits[start + c] - maximum); }
    for (var c = 0u; c < classes; c++) { probabilities[start + c] = exp(logits[start + c] - maximum) / sum; }
    let label = labels[example];
    if (label < 0 || u32(label) >= classes) { total += real(2u); }
    else { total += maximum + log(sum) - logits[start + u32(label)]; }
  }
  partial[local] = total;
  workgroupBarrier();
  for (var half = 128u; half > 0u; half = half / 2u) {
    if (local < half) { partial[local] += partial[local + half]; }
    workgroupBarrier();
  }
  if (local == 0u) { loss[0] = partial[0] / f32(examples); }
}
