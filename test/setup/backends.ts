// Vitest set-up in every test worker: the backends get Node's environment, as in the CLI, so the
// wasm backend is available to every test that asks for a backend by name or for the default.
// One thread by default: test files already run in parallel on every core; the thread tests ask
// for more explicitly.
import { setBackendEnvironment } from '../../engine/backends/index.ts';
import { nodeBackendEnvironment } from '../../engine/cli/backendEnvironment.ts';

setBackendEnvironment({ ...nodeBackendEnvironment(), cores: 1 });
