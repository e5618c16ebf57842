// The PyTorch view: the canvas with the graph's generated model.py beside it; the engine worker
// writes the code (the renderer never imports the exporter).
import { lazy, Suspense, useCallback } from 'react';
import { Canvas } from '../editor/Canvas.tsx';
import type { GraphRunsStore } from '../dashboard/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import './exportDialog.css';

const PytorchCode = lazy(() => import('../code/PytorchCode.tsx').then((module) => ({ default: module.PytorchCode })));

export function PytorchCenter({ store, runs, generation }: { readonly store: EditorStore; readonly runs: GraphRunsStore; readonly generation: number }) {
  const generate = useCallback((document: unknown) => runs.engine().pytorchCode(document).then((answer) => answer.code), [runs]);
  return (
    <div className="pytorch-split">
      <div className="pytorch-split-canvas">
        <Canvas key={generation} store={store} />
      </div>
      <Suspense fallback={<div className="json-loading">Loading editor…</div>}>
        <PytorchCode store={store} generate={generate} />
      </Suspense>
    </div>
  );
}
