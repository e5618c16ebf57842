// The backend setting (Automatic, or one the engine lists; kept in Web Storage) and how the
// dashboard names the backend a run trains on.
import { describe, expect, it } from 'vitest';
import { createLocalTextSlot } from '../../../renderer/platform/blockLibraryStorage.ts';
import {
  BACKEND_CHOICE_KEY,
  backendChoiceHint,
  backendOptions,
  backendSetting,
  backendSummary,
  effectiveChoice,
  parseBackendChoice,
} from '../../../renderer/dashboard/backendChoice.ts';

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) } as Storage;
}

describe('the backend setting', () => {
  it('offers Automatic, then only the backends the engine lists, fastest first', () => {
    expect(backendOptions(['wasm', 'cpu'], 'auto')).toEqual([
      { value: 'auto', label: 'Automatic' },
      { value: 'wasm', label: 'WebAssembly' },
      { value: 'cpu', label: 'CPU' },
    ]);
    expect(backendOptions(['cpu'], 'auto').map((option) => option.value)).toEqual(['auto', 'cpu']);
    // Before the engine has said what it has, a stored choice stays on show.
    expect(backendOptions([], 'cpu').map((option) => option.value)).toEqual(['auto', 'cpu']);
    expect(backendOptions([], 'auto').map((option) => option.value)).toEqual(['auto']);
  });

  it('falls back to Automatic for a backend this engine lacks, and sends nothing for Automatic', () => {
    expect(effectiveChoice('wasm', ['cpu'])).toBe('auto');
    expect(effectiveChoice('cpu', ['wasm', 'cpu'])).toBe('cpu');
    expect(effectiveChoice('wasm', [])).toBe('wasm');
    expect(backendSetting('auto')).toEqual({});
    expect(backendSetting('cpu')).toEqual({ backend: 'cpu' });
  });

  it('is kept in Web Storage between sessions; anything unknown reads back as Automatic', () => {
    const storage = memoryStorage();
    createLocalTextSlot(BACKEND_CHOICE_KEY, storage).write('cpu');
    expect(parseBackendChoice(createLocalTextSlot(BACKEND_CHOICE_KEY, storage).read())).toBe('cpu');
    expect(storage.getItem('netloom.backend')).toBe('cpu');
    expect(parseBackendChoice(null)).toBe('auto');
    expect(parseBackendChoice('fortran')).toBe('auto');
    expect(parseBackendChoice('wasm')).toBe('wasm');
  });

  it('says on hover what Automatic picks on this engine', () => {
    expect(backendChoiceHint(['wasm', 'cpu'])).toMatch(/^Automatic trains on the fastest here, WebAssembly; CPU runs the plain reference kernels/);
    expect(backendChoiceHint([])).toMatch(/^Automatic trains on the fastest backend available;/);
  });
});

describe('the running backend', () => {
  const wasm = { backend: 'wasm', description: 'WebAssembly SIMD with relaxed fused multiply-add, 2 threads', threads: 2 } as const;

  it('names the kernels short and counts the threads apart; the hover has the engine\'s whole description', () => {
    expect(backendSummary(wasm, true)).toEqual({
      name: 'WebAssembly SIMD with relaxed FMA',
      threads: '2 threads',
      explanation: 'WebAssembly SIMD with relaxed fused multiply-add, 2 threads: the fastest engine on this machine, splitting large layers across 2 threads over shared memory.',
    });
  });

  it('says why one thread: no cross-origin isolation, or one core', () => {
    const single = { backend: 'wasm', description: 'WebAssembly SIMD, 1 thread', threads: 1 } as const;
    expect(backendSummary(single, false)).toEqual({
      name: 'WebAssembly SIMD',
      threads: '1 thread',
      explanation: 'WebAssembly SIMD, 1 thread: the fastest engine on this machine; one thread because this page is not cross-origin isolated, so the browser gives the engine no shared memory for helper threads.',
    });
    expect(backendSummary(single, true).explanation).toBe('WebAssembly SIMD, 1 thread: the fastest engine on this machine; one thread because this machine offers the engine one core.');
    expect(backendSummary(single, null).explanation).toBe('WebAssembly SIMD, 1 thread: the fastest engine on this machine.');
  });

  it('names the CPU reference, and a backend without a description by its label', () => {
    expect(backendSummary({ backend: 'cpu', description: 'TypeScript reference kernels, 1 thread', threads: 1 }, false)).toEqual({
      name: 'TypeScript reference kernels',
      threads: '1 thread',
      explanation: 'TypeScript reference kernels, 1 thread: the plain reference kernels, slower, kept to check the other backends’ results.',
    });
    expect(backendSummary({ backend: 'cpu', threads: 1 }, null)).toEqual({ name: 'CPU', threads: '1 thread', explanation: 'CPU, 1 thread: the plain reference kernels, slower, kept to check the other backends’ results.' });
    expect(backendSummary({ backend: 'wasm' }, null)).toEqual({ name: 'WebAssembly', threads: '', explanation: 'WebAssembly: the fastest engine on this machine.' });
  });
});
