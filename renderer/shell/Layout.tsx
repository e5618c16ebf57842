// The window: top bar, palette | canvas or JSON over the training dock | inspector, status bar; the
// side panels and the dock resize and collapse (usePanelSizes). Each loaded document gets a
// fresh canvas (keyed by generation), so it is measured and fitted to view from scratch.
import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useCallback } from 'react';
import { Canvas } from '../editor/Canvas.tsx';
import { Inspector } from '../editor/Inspector.tsx';
import { Palette } from '../editor/Palette.tsx';
import { addFromPalette } from '../editor/paletteAdding.ts';
import type { GraphRunsStore } from '../dashboard/index.ts';
import { DatasetPanel, useDatasetPanel } from '../datasets/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import type { Platform } from '../platform/platform.ts';
import type { EditorStore } from '../document/editorStore.ts';
import type { FileCommands } from './fileCommands.ts';
import { ShortcutSheet, useShortcutSheet } from './ShortcutSheet.tsx';
import { StatusBar } from './StatusBar.tsx';
import { TopBar } from './TopBar.tsx';
import { SidePanel } from './SidePanel.tsx';
import { TrainingDock } from './TrainingDock.tsx';
import { RAIL_WIDTH } from './panelSizes.ts';
import { usePanelSizes } from './usePanelSizes.ts';
import { ModelMenu } from './ModelMenu.tsx';
import { PytorchCenter } from './PytorchCenter.tsx';
import { useEditorState } from '../document/useEditorState.ts';

const JsonEditor = lazy(() => import('../code/JsonEditor.tsx').then((module) => ({ default: module.JsonEditor })));

interface LayoutProps {
  readonly store: EditorStore;
  readonly platform: Platform;
  readonly commands: FileCommands;
  readonly runs: GraphRunsStore;
  readonly onRestore: (() => void) | null;
  readonly onHome: () => void;
}

function JsonCenter({ store }: { store: EditorStore }) {
  return (
    <Suspense fallback={<div className="json-loading">Loading editor…</div>}>
      <JsonEditor store={store} />
    </Suspense>
  );
}

/** The engine, started on first use (the dock or the dataset panel). */
function useEngineClient(runs: GraphRunsStore): () => EngineClient {
  return useCallback(() => {
    runs.connect();
    const client = runs.getView().client;
    if (client === null) throw new Error('The engine did not start.');
    return client;
  }, [runs]);
}

export function Layout({ store, platform, commands, runs, onRestore, onHome }: LayoutProps) {
  const { view, generation } = useEditorState(store);
  const datasets = useDatasetPanel();
  const getClient = useEngineClient(runs);
  const sheet = useShortcutSheet();
  const shortcutPrefix = /Mac/.test(navigator.userAgent) ? '⌘' : 'Ctrl+';
  const panels = usePanelSizes();
  const columns = `${panels.drawn.palette || RAIL_WIDTH}px minmax(0, 1fr) ${panels.drawn.inspector || RAIL_WIDTH}px`;
  return (
    // A fresh React Flow store per opened graph: the last graph's selection must not select a layer of the same id in this one.
    <ReactFlowProvider key={generation}>
      <div className="app" style={{ gridTemplateColumns: columns }}>
        <TopBar store={store} commands={commands} shortcutPrefix={shortcutPrefix} onRestore={onRestore} onHome={onHome} onDataset={datasets.show} modelMenu={<ModelMenu store={store} runs={runs} commands={commands} platform={platform} />} />
        <SidePanel name="palette" title="Layers" panels={panels}>
          <Palette onAdd={(entry) => addFromPalette(store, entry)} />
        </SidePanel>
        <main className="center with-dock">
          <div className="center-main">{view === 'json' ? <JsonCenter store={store} /> : view === 'pytorch' ? <PytorchCenter store={store} runs={runs} generation={generation} /> : <Canvas key={generation} store={store} />}</div>
          <TrainingDock store={store} runs={runs} panels={panels} />
        </main>
        <SidePanel name="inspector" title="Inspector" panels={panels}>
          <Inspector store={store} />
        </SidePanel>
        <StatusBar store={store} platform={platform.kind} />
        {sheet.open && <ShortcutSheet onClose={() => sheet.setOpen(false)} />}
        {datasets.open && <DatasetPanel store={store} getClient={getClient} onClose={datasets.close} dropped={datasets.dropped} />}
      </div>
    </ReactFlowProvider>
  );
}
