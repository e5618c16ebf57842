// The backend setting (Automatic, or one the engine lists, WebGPU with its adapter or the reason it
// cannot run; kept in Web Storage) and how the dashboard names the backend a run trains on and why.
import { describe, expect, it } from 'vitest';
import { createLocalTextSlot } from '../../../renderer/platform/blockLibraryStorage.ts';
import {
  BACKEND_CHOICE_KEY,
  backendChoiceHint,
  backendOptions,
  backendSetting,
  backendSummary,
  effectiveChoice,
  offeredBackends,
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
    expect(backendChoiceHint(['wasm', 'cpu'])).toMatch(/^Automatic trains on WebAssembly here; CPU runs the plain reference kernels/);
    expect(backendChoiceHint([])).toMatch(/^Automatic trains on the fastest backend available;/);
  });
});

const SWIFTSHADER_REASON = 'Google SwiftShader is a software renderer, slower than WebAssembly on this CPU';
const statuses = [
  { name: 'wasm', available: true, automatic: true },
  { name: 'cpu', available: true, automatic: false, reason: 'slower than WebAssembly; the reference kernels' },
  { name: 'webgpu', available: true, automatic: false, adapter: 'Google SwiftShader', reason: SWIFTSHADER_REASON },
] as const;

describe('the backend setting with the engine’s statuses', () => {
  it('lists WebGPU with its adapter when it runs here, and says why Automatic passes it over', () => {
    expect(backendOptions(['wasm', 'cpu', 'webgpu'], 'auto', statuses)).toEqual([
      { value: 'auto', label: 'Automatic' },
      { value: 'wasm', label: 'WebAssembly', hint: 'Automatic’s pick here' },
      { value: 'cpu', label: 'CPU', hint: 'Automatic passes it over: slower than WebAssembly; the reference kernels' },
      { value: 'webgpu', label: 'WebGPU (Google SwiftShader)', hint: `Automatic passes it over: ${SWIFTSHADER_REASON}` },
    ]);
    expect(backendChoiceHint(offeredBackends([], statuses), statuses)).toMatch(`Automatic trains on WebAssembly here (WebGPU passed over: ${SWIFTSHADER_REASON}); CPU runs`);
  });

  it('shows WebGPU disabled, with the reason, where it cannot run; a stored WebGPU choice then trains on Automatic', () => {
    const noGpu = [statuses[0], statuses[1], { name: 'webgpu', available: false, automatic: false, reason: 'this runtime offers no WebGPU (no navigator.gpu)' }] as const;
    expect(backendOptions(['wasm', 'cpu'], 'auto', noGpu)[3]).toEqual({ value: 'webgpu', label: 'WebGPU', disabled: true, hint: 'Not available here: this runtime offers no WebGPU (no navigator.gpu)' });
    expect(offeredBackends(['wasm', 'cpu', 'webgpu'], noGpu)).toEqual(['wasm', 'cpu']);
    expect(effectiveChoice('webgpu', offeredBackends(['wasm', 'cpu', 'webgpu'], noGpu))).toBe('auto');
    // Before the GPU has been probed, what the engine's greeting lists.
    expect(offeredBackends(['wasm', 'cpu', 'webgpu'], [])).toEqual(['wasm', 'cpu', 'webgpu']);
  });
});

describe('why the running backend runs', () => {
  const wasm = { backend: 'wasm', description: 'WebAssembly SIMD with relaxed fused multiply-add, 2 threads', threads: 2 } as const;
  const passedOver = { cpu: 'slower than WebAssembly; the reference kernels', webgpu: SWIFTSHADER_REASON };

  it('Automatic on WebAssembly: WebGPU passed over, short on the row, whole in the hover', () => {
    const summary = backendSummary({ ...wasm, chosen: 'automatic', passedOver }, true);
    expect(summary.reason).toBe('WebGPU passed over: Google SwiftShader (software)');
    expect(summary.explanation).toMatch(/over shared memory\. Automatic passed WebGPU over: Google SwiftShader is a software renderer, slower than WebAssembly on this CPU\.$/);
  });

  it('WebGPU forced: named by its adapter, no thread count, chosen in the setting; carried weights are named', () => {
    const summary = backendSummary({ backend: 'webgpu', description: 'WebGPU on Google SwiftShader', threads: 1, chosen: 'forced', adapter: 'Google SwiftShader', passedOver: {}, carried: { from: 'wasm', steps: 412 } }, true);
    expect(summary).toEqual({
      name: 'WebGPU on Google SwiftShader',
      threads: '',
      reason: 'chosen in the setting · weights from step 412 on WebAssembly',
      explanation: 'WebGPU on Google SwiftShader: kernels on the graphics card through WebGPU. Chosen in the Backend setting. The run goes on from the weights of step 412, carried over from WebAssembly.',
    });
    expect(backendSummary({ backend: 'webgpu', description: 'WebGPU on NVIDIA H100', chosen: 'automatic', passedOver }, true).reason).toBe('Automatic: a hardware GPU');
  });
});

describe('the running backend', () => {
  const wasm = { backend: 'wasm', description: 'WebAssembly SIMD with relaxed fused multiply-add, 2 threads', threads: 2 } as const;

  it('names the kernels short and counts the threads apart; the hover has the engine\'s whole description', () => {
    expect(backendSummary(wasm, true)).toEqual({
      name: 'WebAssembly SIMD with relaxed FMA',
      threads: '2 threads',
      explanation: 'WebAssembly SIMD with relaxed fused multiply-add, 2 threads: the fastest engine on this machine, splitting large layers across 2 threads over shared memory.',
      reason: '',
    });
  });

  it('says why one thread: no cross-origin isolation, or one core', () => {
    const single = { backend: 'wasm', description: 'WebAssembly SIMD, 1 thread', threads: 1 } as const;
    expect(backendSummary(single, false)).toEqual({
      name: 'WebAssembly SIMD',
      threads: '1 thread',
      explanation: 'WebAssembly SIMD, 1 thread: the fastest engine on this machine; one thread because this page is not cross-origin isolated, so the browser gives the engine no shared memory for helper threads.',
      reason: '',
    });
    expect(backendSummary(single, true).explanation).toBe('WebAssembly SIMD, 1 thread: the fastest engine on this machine; one thread because this machine offers the engine one core.');
    expect(backendSummary(single, null).explanation).toBe('WebAssembly SIMD, 1 thread: the fastest engine on this machine.');
  });

  it('names the CPU reference, and a backend without a description by its label', () => {
    expect(backendSummary({ backend: 'cpu', description: 'TypeScript reference kernels, 1 thread', threads: 1 }, false)).toEqual({
      name: 'TypeScript reference kernels',
      threads: '1 thread',
      explanation: 'TypeScript reference kernels, 1 thread: the plain reference kernels, slower, kept to check the other backends’ results.',
      reason: '',
    });
    expect(backendSummary({ backend: 'cpu', threads: 1 }, null)).toEqual({ name: 'CPU', threads: '1 thread', explanation: 'CPU, 1 thread: the plain reference kernels, slower, kept to check the other backends’ results.', reason: '' });
    expect(backendSummary({ backend: 'wasm' }, null)).toEqual({ name: 'WebAssembly', threads: '', explanation: 'WebAssembly: the fastest engine on this machine.', reason: '' });
  });
});
