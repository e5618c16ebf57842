// File > Load weights… and Save weights…: a checkpoint file for the graph on screen (checked by the
// engine to fit it; the next Train starts from it), and the latest run's checkpoint saved as a file.
import type { GraphRunsStore } from '../dashboard/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { downloadBytes, pickBytes, type PickedFile } from '../platform/binaryFiles.ts';

export interface WeightsCommands {
  loadWeights(): Promise<void>;
  saveWeights(): Promise<void>;
}

/** "X vs O CNN" -> "x-vs-o-cnn.ckpt" */
export function checkpointFileName(graphName: string): string {
  const stem = graphName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem === '' ? 'graph' : stem}.ckpt`;
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** `pick` asks for a file (a file input; tests give their own). */
export function createWeightsCommands(store: EditorStore, runs: GraphRunsStore, pick: () => Promise<PickedFile | null> = () => pickBytes('.ckpt')): WeightsCommands {
  return {
    async loadWeights() {
      const file = await pick();
      if (file === null) return;
      const document = store.getState().document;
      try {
        const checked = await runs.engine().checkWeights(document, file.name, file.data.slice(0));
        runs.loadWeights({ name: file.name, steps: checked.steps, data: file.data });
        store.notify({ kind: 'info', text: `Loaded the weights in ${file.name} (step ${checked.steps}): Train continues from them.` });
      } catch (cause) {
        store.notify({ kind: 'error', text: `${messageOf(cause)} The graph keeps its own weights.` });
      }
    },
    async saveWeights() {
      const name = store.getState().document.metadata.name;
      if (!runs.hasRunOnScreen()) {
        store.notify({ kind: 'error', text: `“${name}” has no run in this session to save: press Train first, then Save weights.` });
        return;
      }
      try {
        const { data } = await runs.engine().saveCheckpoint();
        downloadBytes(checkpointFileName(name), data);
        store.notify({ kind: 'info', text: `Saved the latest run's weights as ${checkpointFileName(name)}.` });
      } catch (cause) {
        store.notify({ kind: 'error', text: messageOf(cause) });
      }
    },
  };
}
