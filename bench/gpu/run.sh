#!/usr/bin/env bash
# The WebGPU benchmark on a machine with an NVIDIA GPU, as one command (see README.md here):
#   bench/gpu/run.sh [extra npm-run-bench options, e.g. --trials 5 --seconds 3]
# Runs on a copy of the working tree with node_modules (and engine/backends/wasm/build) carried
# over: it installs nothing. Checks nvidia-smi, points Dawn's Vulkan backend at the NVIDIA driver,
# finds a Python whose torch has CUDA, runs `bench/run.ts --only training --backend webgpu` and
# writes the log, the GPU's description and BENCHMARKS.md to $OUT (else bench/gpu/results).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
RESULTS="${OUT:-bench/gpu/results}"
mkdir -p "$RESULTS"
say() { echo "[bench/gpu/run.sh] $*" | tee -a "$RESULTS/run.log"; }
fail() { say "STOPPED: $*"; exit 1; }
: > "$RESULTS/run.log"

# 1. The GPU and its driver.
command -v nvidia-smi > /dev/null || fail "nvidia-smi is missing: this script needs an NVIDIA GPU with its driver (on SwiftShader run \`npm run bench -- --only training --backend webgpu\` instead)."
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv | tee "$RESULTS/gpu.csv" || fail "nvidia-smi found no GPU."

# 2. Vulkan on the NVIDIA driver for Dawn (the webgpu package): its loader and the NVIDIA ICD.
ldconfig -p 2> /dev/null | grep -q 'libvulkan.so.1' || say "warning: libvulkan.so.1 is not in the linker cache; Dawn needs the Vulkan loader (Debian/Ubuntu: libvulkan1)."
if [ -z "${VK_ICD_FILENAMES:-}" ]; then
  for icd in /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.x86_64.json /etc/vulkan/icd.d/nvidia_icd.x86_64.json; do
    if [ -f "$icd" ]; then export VK_ICD_FILENAMES="$icd"; break; fi
  done
fi
if [ -n "${VK_ICD_FILENAMES:-}" ]; then say "VK_ICD_FILENAMES=$VK_ICD_FILENAMES"; else say "warning: no NVIDIA Vulkan ICD file found (nvidia_icd.json; in a container the NVIDIA runtime needs the 'graphics' capability): Dawn may find no GPU."; fi
ldconfig -p 2> /dev/null | grep -q 'libGLX_nvidia.so.0' || say "warning: libGLX_nvidia.so.0 (the NVIDIA Vulkan driver library the ICD names) is not in the linker cache."

# 3. Node and the carried node_modules.
command -v node > /dev/null || fail "node is missing: install Node 20 or later."
say "node $(node --version)"
[ -d node_modules/webgpu ] || fail "node_modules/webgpu is missing: carry this tree's node_modules (npm ci needs the network)."
[ -d node_modules/tsx ] || fail "node_modules/tsx is missing: carry this tree's node_modules."
[ -d engine/backends/wasm/build ] || node scripts/buildWasm.mjs >> "$RESULTS/run.log" 2>&1 || fail "engine/backends/wasm/build is missing and could not be built: carry it (the losses are checked against the wasm backend)."

# 4. A Python whose torch sees CUDA (PyTorch's side of the comparison; optional).
for python in ${NETLOOM_BENCH_PYTHON:-} python3 /usr/bin/python3 /opt/conda/bin/python; do
  if command -v "$python" > /dev/null && "$python" -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)' 2> /dev/null; then
    export NETLOOM_BENCH_PYTHON="$python"
    break
  fi
done
if [ -n "${NETLOOM_BENCH_PYTHON:-}" ]; then say "PyTorch CUDA: $("$NETLOOM_BENCH_PYTHON" -c 'import torch; print(torch.__version__, torch.version.cuda, torch.cuda.get_device_name(0))')"; else say "no Python with CUDA torch found: the WebGPU numbers are measured alone."; fi

# 5. The benchmark (the training and matmul section; the rest of BENCHMARKS.md is kept).
say "running: node --import tsx bench/run.ts --only training --backend webgpu $*"
node --import tsx bench/run.ts --only training --backend webgpu "$@" 2>&1 | tee "$RESULTS/bench.log"
status=${PIPESTATUS[0]}
cp BENCHMARKS.md "$RESULTS/BENCHMARKS.md"

# 6. The learning tests on this GPU (skipped on SwiftShader, where they exceed their time limits).
say "running: the learning tests on webgpu (NETLOOM_TEST_EVERY_BACKEND=1 npx vitest run test/engine/train -t webgpu)"
NETLOOM_TEST_EVERY_BACKEND=1 npx vitest run test/engine/train -t webgpu > "$RESULTS/learning.log" 2>&1
learning=$?
say "learning tests on webgpu: exit status $learning (log: $RESULTS/learning.log)"
say "exit status $status; results in $RESULTS"
[ "$status" -eq 0 ] && exit "$learning"
exit "$status"
