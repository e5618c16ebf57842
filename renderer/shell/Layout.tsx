// The window: top bar, palette | canvas or JSON | inspector, status bar. Each loaded document gets a
// fresh canvas (keyed by generation), so it is measured and fitted to view from scratch.
import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense } from 'react';
import { Canvas } from '../editor/Canvas.tsx';
import { Inspector } from '../editor/Inspector.tsx';
import { Palette } from '../editor/Palette.tsx';
import { addFromPalette } from '../editor/paletteAdding.ts';
import type { GraphRunsStore } from '../dashboard/index.ts';
import type { Platform } from '../platform/platform.ts';
import type { EditorStore } from '../document/editorStore.ts';
import type { FileCommands } from './fileCommands.ts';
import { ShortcutSheet, useShortcutSheet } from './ShortcutSheet.tsx';
import { StatusBar } from './StatusBar.tsx';
import { TopBar } from './TopBar.tsx';
import { TrainingDock } from './TrainingDock.tsx';
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

export function Layout({ store, platform, commands, runs, onRestore, onHome }: LayoutProps) {
  const { view, generation } = useEditorState(store);
  const sheet = useShortcutSheet();
  const shortcutPrefix = /Mac/.test(navigator.userAgent) ? '⌘' : 'Ctrl+';
  return (
    // A fresh React Flow store per opened graph: the last graph's selection must not select a layer of the same id in this one.
    <ReactFlowProvider key={generation}>
      <div className="app">
        <TopBar store={store} commands={commands} shortcutPrefix={shortcutPrefix} onRestore={onRestore} onHome={onHome} modelMenu={<ModelMenu store={store} runs={runs} commands={commands} platform={platform} />} />
        <Palette onAdd={(entry) => addFromPalette(store, entry)} />
        <main className="center with-dock">
          <div className="center-main">{view === 'json' ? <JsonCenter store={store} /> : view === 'pytorch' ? <PytorchCenter store={store} runs={runs} generation={generation} /> : <Canvas key={generation} store={store} />}</div>
          <TrainingDock store={store} runs={runs} />
        </main>
        <Inspector store={store} />
        <StatusBar store={store} platform={platform.kind} />
        {sheet.open && <ShortcutSheet onClose={() => sheet.setOpen(false)} />}
      </div>
    </ReactFlowProvider>
  );
}
