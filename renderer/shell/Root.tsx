// The root: picks the platform, opens the start document, wires commands and effects.
import { useEffect, useMemo, useState } from 'react';
import type { GraphDocument } from '../../engine/graph/index.ts';
import type { Platform } from '../platform/platform.ts';
import { selectPlatform } from '../platform/selectPlatform.ts';
import { readDocumentText, writeDocumentText } from './documentText.ts';
import { createEditorStore, type EditorStore } from './editorStore.ts';
import { createFileCommands } from './fileCommands.ts';
import { Layout } from './Layout.tsx';
import { loadStartDocument } from './startup.ts';
import { useAppEffects } from './useAppEffects.ts';

function App({ store, platform }: { store: EditorStore; platform: Platform }) {
  const commands = useMemo(() => createFileCommands(store, platform, (question) => window.confirm(question)), [store, platform]);
  const [autosaved, setAutosaved] = useState<GraphDocument | null>(null);
  useAppEffects(store, platform, commands);
  useEffect(() => {
    let active = true;
    platform
      .getAutosave()
      .then((text) => {
        if (!active || text === null) return;
        const result = readDocumentText(text, 'the autosave');
        if (result.ok && text !== writeDocumentText(store.getState().document)) setAutosaved(result.document);
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [platform, store]);
  const onRestore =
    autosaved === null
      ? null
      : () => {
          store.load(autosaved, null);
          store.notify({ kind: 'info', text: `Restored “${autosaved.metadata.name}” from the autosave.` });
          setAutosaved(null);
        };
  return <Layout store={store} platform={platform} commands={commands} onRestore={onRestore} />;
}

export function Root() {
  const platform = useMemo(() => selectPlatform(), []);
  const [store, setStore] = useState<EditorStore | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    loadStartDocument(window.location.search).then(
      (start) => {
        const created = createEditorStore(start.document);
        if (start.warning !== null) created.notify({ kind: 'error', text: start.warning });
        setStore(created);
      },
      (cause: unknown) => setFailure(cause instanceof Error ? cause.message : String(cause)),
    );
  }, []);
  if (failure !== null) return <div className="boot-message boot-error">Netloom could not start: {failure}</div>;
  if (store === null) return <div className="boot-message">Loading Netloom…</div>;
  return <App store={store} platform={platform} />;
}
