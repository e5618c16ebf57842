// A pool worker's side (no Node, no DOM: the browser entry poolWorker.ts and Node's
// engine/cli/poolWorker.mjs hand it their message events). It instantiates the compiled kernels
// over every Program memory it is given, then serves jobs from the control block: it waits for
// the job counter to move (polling, then Atomics.wait), then claims parts (Atomics.add on NEXT; the
// calling thread runs part 0 and claims too) and runs and counts each done until none is left. A RECEIVE job sends it back to its event loop,
// where the one message posted with that job is read and the job counted done.
import * as P from './poolProtocol.ts';

type Kernel = (params: number, part: number, parts: number) => void;

interface WorkerState {
  readonly control: Int32Array;
  readonly module: WebAssembly.Module;
  readonly index: number;
  readonly names: readonly string[];
  readonly slots: Map<number, readonly Kernel[]>;
}

function instantiate(state: WorkerState, memory: WebAssembly.Memory): Kernel[] {
  const instance = new WebAssembly.Instance(state.module, { env: { memory, abort: P.abortKernel } });
  return state.names.map((name) => instance.exports[name] as Kernel);
}

/** Claims and runs parts of the current RUN job until every part is claimed; the job's fields are read after a claim succeeds (they are written before NEXT opens). */
function runParts(state: WorkerState): void {
  const { control } = state;
  for (;;) {
    const part = Atomics.add(control, P.word(P.NEXT), 1);
    const parts = Atomics.load(control, P.word(P.PARTS));
    if (part >= parts) return;
    try {
      const kernels = state.slots.get(Atomics.load(control, P.word(P.SLOT)));
      if (kernels === undefined) throw new Error('memory not attached');
      kernels[Atomics.load(control, P.word(P.KERNEL))](Atomics.load(control, P.word(P.PARAMS)), part, parts);
    } catch {
      Atomics.store(control, P.word(P.ERROR), 1);
    }
    done(control);
  }
}

function done(control: Int32Array): void {
  if (Atomics.sub(control, P.word(P.PENDING), 1) === 1) Atomics.notify(control, P.word(P.PENDING));
}

/** Serves jobs until a RECEIVE or STOP job; `seen` is the job counter already handled. */
function serve(state: WorkerState, seen: number): void {
  const { control } = state;
  for (;;) {
    seen = P.waitWhile(control, P.word(P.GENERATION), seen);
    const kind = Atomics.load(control, P.word(P.KIND));
    if (kind !== P.RUN) return;
    runParts(state);
  }
}

function receive(state: WorkerState | undefined, message: P.PoolMessage): WorkerState {
  if (message.type === 'start') {
    const { module, control, index } = message;
    return { control: new Int32Array(control), module, index, names: P.kernelNames(module), slots: new Map() };
  }
  if (state === undefined) throw new Error('A wasm pool worker got a message before its start message.');
  if (message.type === 'attach') state.slots.set(message.slot, instantiate(state, message.memory));
  else state.slots.delete(message.slot);
  return state;
}

/** Starts serving: `listen` registers the handler of this worker's incoming messages. */
export function servePool(listen: (handler: (message: P.PoolMessage) => void) => void): void {
  let state: WorkerState | undefined;
  listen((message) => {
    try {
      state = receive(state, message);
    } catch {
      if (state === undefined) return;
      Atomics.store(state.control, P.word(P.ERROR), 1);
    }
    const seen = Atomics.load(state.control, P.word(P.GENERATION));
    done(state.control);
    serve(state, seen);
  });
}
