// Byte sizes for people: memory estimates and limits, in binary units (1 KiB = 1024 bytes).

const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/** "512 bytes", "1.5 KiB", "7.45 TiB"; three significant digits; "more than 8 PiB" past exact counting. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes > Number.MAX_SAFE_INTEGER) return 'more than 8 PiB';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} bytes`;
  const shown = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
  return `${Number(shown)} ${UNITS[unit]}`;
}

export const GIBIBYTE = 2 ** 30;
