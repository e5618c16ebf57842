// The limits every dataset reader keeps, in one place: a hostile or mistaken file (a PNG that
// decodes to gigabytes, /dev/zero, a CSV line of 100 MB) is refused with a DataError naming the
// file, the limit and what to do, before it can take the process's memory. Callers may set any
// of them (LoadContext.limits); the rest keep these defaults.

export interface DataLimits {
  /** Bytes of one file, read or decompressed (gzip): checked from its size first, and counted as it streams. */
  readonly maxFileBytes: number;
  /** Characters of one CSV field (a line without a delimiter or line break is one field). */
  readonly maxFieldLength: number;
  /** Fields of one CSV record. */
  readonly maxColumns: number;
  /** Pixels (width × height) of one image, read from its header before it is decoded. */
  readonly maxImagePixels: number;
  /** Images in one image folder. */
  readonly maxImages: number;
  /** Bytes of the arrays a reader fills (IDX, NPY, image folder, text windows, CSV rows), checked before they are allocated. */
  readonly maxDatasetBytes: number;
}

export const GIBIBYTE = 2 ** 30;

export const DEFAULT_DATA_LIMITS: DataLimits = {
  maxFileBytes: 2 * GIBIBYTE,
  maxFieldLength: 2 ** 20,
  maxColumns: 100_000,
  maxImagePixels: 4096 * 4096,
  maxImages: 1_000_000,
  maxDatasetBytes: 4 * GIBIBYTE,
};

/** The defaults with the given limits set. */
export function resolveLimits(limits?: Partial<DataLimits>): DataLimits {
  return { ...DEFAULT_DATA_LIMITS, ...limits };
}

/** A byte count for messages: `512 bytes`, `1.5 MiB`, `2 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}

/** Why `bytes` of data declared by a header cannot be loaded, or undefined when they can. */
export function declaredTooLarge(bytes: number, stored: number, limits: DataLimits): string | undefined {
  if (bytes > limits.maxFileBytes) return `that is ${formatBytes(bytes)} of data, more than the ${formatBytes(limits.maxFileBytes)} a data file may have (limit maxFileBytes)`;
  if (stored > limits.maxDatasetBytes) return `that takes ${formatBytes(stored)} loaded, more than the ${formatBytes(limits.maxDatasetBytes)} a dataset may take (limit maxDatasetBytes)`;
  return undefined;
}
