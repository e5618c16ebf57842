// The NPY header: magic "\x93NUMPY", version (1.0, 2.0 or 3.0), header length (uint16 LE in
// version 1, uint32 LE after), then a Python dict literal with 'descr', 'fortran_order' and
// 'shape'. Only C-order arrays of the dtypes below are read.
import type { ByteReader } from '../byteStream.ts';
import { DataError } from '../dataError.ts';

export const NPY_DTYPES = ['<f4', '<f8', '<i4', '<i8', '|u1'] as const;
export type NpyDtype = (typeof NPY_DTYPES)[number];

export interface NpyHeader {
  readonly dtype: NpyDtype;
  readonly shape: readonly number[];
  readonly itemSize: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
/** A dtype code short and plain enough to quote in a message: `>f4`, `<U10`, `|b1`. */
const DTYPE_CODE = /^[<>|=]?[a-zA-Z]\d{0,3}$/;
/** The longest header read (numpy itself refuses headers over 10000 bytes by default). */
const MAX_HEADER_BYTES = 1 << 16;

function field(text: string, name: string, pattern: RegExp, path: string): string {
  const match = new RegExp(`['"]${name}['"]\\s*:\\s*${pattern.source}`).exec(text);
  if (match === null) throw new DataError({ file: path, field: name }, `the header has no readable '${name}' entry; save the array with numpy.save`);
  return match[1];
}

function parseDtype(text: string, path: string): NpyDtype {
  if (/['"]descr['"]\s*:\s*\[/.test(text)) throw new DataError({ file: path, field: 'descr' }, 'structured (record) arrays are not supported; save a plain numeric array');
  const descr = field(text, 'descr', /['"]([^'"]*)['"]/, path);
  const known = NPY_DTYPES.find((dtype) => dtype === descr);
  if (known === undefined) {
    const shown = DTYPE_CODE.test(descr) ? `dtype '${descr}'` : 'the dtype';
    throw new DataError({ file: path, field: 'descr' }, `${shown} is not supported; use one of ${NPY_DTYPES.map((dtype) => `'${dtype}'`).join(', ')} (e.g. array.astype(numpy.float32))`);
  }
  return known;
}

function parseShape(text: string, path: string): number[] {
  const inside = field(text, 'shape', /\(([^)]*)\)/, path);
  const parts = inside.split(',').map((part) => part.trim().replace(/L$/, '')).filter((part) => part !== '');
  return parts.map((part, index) => {
    const dim = Number(part);
    if (!Number.isInteger(dim) || dim < 0) throw new DataError({ file: path, field: 'shape' }, `dimension ${index + 1} is not a whole number`);
    return dim;
  });
}

/** Reads and checks the header, leaving the reader at the first data byte. */
export async function readNpyHeader(reader: ByteReader, path: string): Promise<NpyHeader> {
  const start = await reader.read(8);
  if (start.byteLength < 8 || MAGIC.some((byte, index) => start[index] !== byte)) {
    throw new DataError({ file: path, field: 'magic' }, 'not an NPY file: it does not start with "\\x93NUMPY" (save with numpy.save)');
  }
  const major = start[6];
  if (major < 1 || major > 3) throw new DataError({ file: path, field: 'version' }, `NPY version ${major}.${start[7]} is not supported (1.0, 2.0 and 3.0 are)`);
  const lengthBytes = await reader.read(major === 1 ? 2 : 4);
  if (lengthBytes.byteLength < (major === 1 ? 2 : 4)) throw new DataError({ file: path, field: 'header' }, 'truncated inside the header');
  const view = new DataView(lengthBytes.buffer, lengthBytes.byteOffset, lengthBytes.byteLength);
  const length = major === 1 ? view.getUint16(0, true) : view.getUint32(0, true);
  if (length > MAX_HEADER_BYTES) throw new DataError({ file: path, field: 'header' }, `the header is declared ${length} bytes, more than the ${MAX_HEADER_BYTES} an NPY header may have; save the array with numpy.save`);
  const headerBytes = await reader.read(length);
  if (headerBytes.byteLength < length) throw new DataError({ file: path, field: 'header' }, `truncated: the header is declared ${length} bytes but the file ends after ${headerBytes.byteLength}`);
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(headerBytes);
  const dtype = parseDtype(text, path);
  if (field(text, 'fortran_order', /(True|False)/, path) === 'True') {
    throw new DataError({ file: path, field: 'fortran_order' }, 'the array is in Fortran (column-major) order, which is not supported; save numpy.ascontiguousarray(array) instead');
  }
  const shape = parseShape(text, path);
  return { dtype, shape, itemSize: Number(dtype.slice(2)) };
}
