// Load weights… asks the engine whether the file fits the graph: a fit goes with the next Train and
// says so; a misfit shows the engine's reason and loads nothing. Save weights… needs a run.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.ts';
import { GraphRunsStore } from '../../../renderer/dashboard/graphRunsStore.ts';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { EngineClient, type WorkerPort } from '../../../renderer/engine-client/engineClient.ts';
import { checkpointFileName, createWeightsCommands } from '../../../renderer/shell/weightsCommands.ts';
import { example } from '../documents.ts';

/** An engine that answers checkWeights with `answer`. */
function setUp(answer: (request: Extract<EngineRequest, { type: 'checkWeights' }>) => EngineEvent) {
  const listeners: ((message: MessageEvent<EngineEvent>) => void)[] = [];
  const port = {
    postMessage: (message: EngineRequest) => {
      if (message.type === 'checkWeights') queueMicrotask(() => listeners.forEach((listener) => listener({ data: answer(message) } as MessageEvent<EngineEvent>)));
    },
    addEventListener: (type: string, listener: (message: MessageEvent<EngineEvent>) => void) => void (type === 'message' && listeners.push(listener)),
    terminate: () => undefined,
  } as unknown as WorkerPort;
  const runs = new GraphRunsStore(() => new EngineClient(port), () => () => undefined);
  runs.show('xo#1');
  const store = createEditorStore(example('xo-cnn').document);
  const file = { name: 'x.ckpt', data: Uint8Array.of(1, 2, 3).buffer };
  return { runs, store, commands: createWeightsCommands(store, runs, async () => file) };
}

describe('weights commands', () => {
  it('load a checkpoint that fits for the next Train, and say so', async () => {
    const { runs, store, commands } = setUp((request) => ({ type: 'weightsChecked', requestId: request.requestId, name: request.name, steps: 30, epoch: 1 }));
    await commands.loadWeights();
    expect(runs.pendingWeights()?.name).toBe('x.ckpt');
    expect(runs.getView().weights).toEqual({ name: 'x.ckpt', steps: 30, pending: true });
    expect(store.getState().notice).toEqual({ kind: 'info', text: 'Loaded the weights in x.ckpt (step 30): Train continues from them.' });
  });

  it("refuse one that does not fit with the engine's reason", async () => {
    const reason = 'x.ckpt: the checkpoint has no tensor m0/dense1/weights: it was saved from another graph.';
    const { runs, store, commands } = setUp((request) => ({ type: 'problem', requestId: request.requestId, fatal: false, problems: [{ message: reason }] }));
    await commands.loadWeights();
    expect(runs.pendingWeights()).toBeNull();
    expect(store.getState().notice).toEqual({ kind: 'error', text: `${reason} The graph keeps its own weights.` });
  });

  it('save nothing without a run, and name the file after the graph', async () => {
    const { store, commands } = setUp(() => ({ type: 'state', state: 'idle' }));
    await commands.saveWeights();
    expect(store.getState().notice).toEqual({ kind: 'error', text: '“X vs O CNN” has no run in this session to save: press Train first, then Save weights.' });
    expect(checkpointFileName('X vs O CNN')).toBe('x-vs-o-cnn.ckpt');
    expect(checkpointFileName('…')).toBe('graph.ckpt');
  });
});
