// The example graphs bundled from assets/examples: each loads on demand as its own chunk.
const modules = import.meta.glob<unknown>('../../assets/examples/*.json', { import: 'default' });

export const DEFAULT_EXAMPLE = 'xo-cnn';

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');
}

const loaders = new Map(Object.entries(modules).map(([path, load]) => [nameOf(path), load]));

/** Example names ("xo-cnn", "mnist-mlp", ...), sorted. */
export function exampleNames(): string[] {
  return [...loaders.keys()].sort();
}

/** The example to open: the one asked for if it exists, else the X-vs-O CNN, else the first there is. */
export function chooseExample(requested: string | null, names: readonly string[]): string | null {
  if (requested !== null && names.includes(requested)) return requested;
  if (names.includes(DEFAULT_EXAMPLE)) return DEFAULT_EXAMPLE;
  return names[0] ?? null;
}

/** `?example=lenet5` -> "lenet5"; a trailing ".json" is allowed. */
export function requestedExample(search: string): string | null {
  const value = new URLSearchParams(search).get('example');
  return value === null || value.trim() === '' ? null : value.trim().replace(/\.json$/, '');
}

export async function loadExample(name: string): Promise<unknown> {
  const load = loaders.get(name);
  if (load === undefined) throw new Error(`There is no example named "${name}". Examples: ${exampleNames().join(', ')}.`);
  return load();
}
