// Prepended to every kernel: the call's parameter words (binding 0) and index helpers.

struct Parameters { words: array<vec4<u32>, 16> }
@group(0) @binding(0) var<uniform> parameters: Parameters;

fn word(index: u32) -> u32 { return parameters.words[index / 4u][index % 4u]; }
fn real(index: u32) -> f32 { return bitcast<f32>(word(index)); }

// The workgroup's number in an x·y grid of workgroups (see grid() in context.ts).
fn groupIndex(group: vec3<u32>, groups: vec3<u32>) -> u32 { return group.y * groups.x + group.x; }

// The element a thread of a 256-thread workgroup handles.
fn elementIndex(group: vec3<u32>, groups: vec3<u32>, local: u32) -> u32 { return groupIndex(group, groups) * 256u + local; }
