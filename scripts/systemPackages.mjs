// What the tests need from the system rather than from npm: Debian's Chromium (the browser tests
// drive it), the Fashion-MNIST files (a reader test and an example), PyTorch with OpenBLAS (parity
// fixtures and benchmarks) and the Vulkan loader (WebGPU on SwiftShader). `ensureSystemPackages`
// installs the missing ones with apt-get when run as root, and otherwise prints one line saying how.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Each need: the Debian package that brings it and how to tell it is there. */
export const SYSTEM_PACKAGES = [
  { name: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { name: 'dataset-fashion-mnist', present: () => existsSync('/usr/share/datasets/fashion-mnist') },
  { name: 'python3-torch', present: () => pythonImports('torch') },
  { name: 'python3-onnx', present: () => pythonImports('onnx') },
  { name: 'libopenblas0-pthread', present: () => debianPackageInstalled('libopenblas0-pthread') },
  { name: 'libvulkan1', present: () => debianPackageInstalled('libvulkan1') },
];

function pythonImports(module) {
  if (!existsSync('/usr/bin/python3')) return false;
  return spawnSync('/usr/bin/python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Returns the names still missing afterwards (empty when everything is there). */
export function ensureSystemPackages({ log = console.log } = {}) {
  const missing = SYSTEM_PACKAGES.filter((need) => !need.present()).map((need) => need.name);
  if (missing.length === 0) return [];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    log(`Missing system packages: ${missing.join(' ')}. Install them with: sudo apt-get install ${missing.join(' ')} (tests that need them fail or are skipped until then).`);
    return missing;
  }
  log(`Installing system packages with apt-get: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env }) : update;
  const still = SYSTEM_PACKAGES.filter((need) => missing.includes(need.name) && !need.present()).map((need) => need.name);
  if (install.status !== 0 || still.length > 0) log(`apt-get could not install: ${still.join(' ') || missing.join(' ')}`);
  return still;
}
