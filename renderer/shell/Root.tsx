// The root: picks the platform, opens the start document (or the start page), wires commands and effects.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { GraphRunsStore } from '../dashboard/index.ts';
import { startEngine } from '../engine-client/engineClient.ts';
import type { Platform } from '../platform/platform.ts';
import { selectPlatform } from '../platform/selectPlatform.ts';
import { LearnHost } from '../learn/LearnPanel.tsx';
import { StartPage } from '../start/StartPage.tsx';
import { writeDocumentText } from '../document/documentText.ts';
import { createEditorStore, type EditorStore } from '../document/editorStore.ts';
import { createFileCommands } from './fileCommands.ts';
import { Layout } from './Layout.tsx';
import { loadStart, readAutosave, type AutosavedDocument } from './startup.ts';
import { StopRunDialog } from './StopRunDialog.tsx';
import { useAppEffects } from './useAppEffects.ts';
import { useRunGuard } from './useRunGuard.ts';
import { useEditorState } from '../document/useEditorState.ts';

/** The start page shows until a document loads (a new generation), and again on Home. */
function useStartPage(store: EditorStore, initiallyShown: boolean) {
  const { generation } = useEditorState(store);
  const [shownAt, setShownAt] = useState<number | null>(initiallyShown ? generation : null);
  const [returnable, setReturnable] = useState(false);
  return {
    shown: shownAt === generation,
    /** Back to the graph: only when Home opened the page over a real graph. */
    returnable,
    open: () => {
      setReturnable(true);
      setShownAt(store.getState().generation);
    },
    close: () => setShownAt(null),
  };
}

/** Every graph's runs and the engine: as long as the window (a run goes on while the start page shows). */
function useGraphRuns(): GraphRunsStore {
  const runs = useMemo(() => new GraphRunsStore(startEngine), []);
  useEffect(() => () => runs.dispose(), [runs]);
  return runs;
}

function App({ store, platform, showStart }: { store: EditorStore; platform: Platform; showStart: boolean }) {
  const runs = useGraphRuns();
  const graphName = useCallback(() => store.getState().document.metadata.name, [store]);
  const runGuard = useRunGuard(runs, graphName);
  const { guard } = runGuard;
  const commands = useMemo(() => createFileCommands(store, platform, (question) => window.confirm(question), guard), [store, platform, guard]);
  const [autosaved, setAutosaved] = useState<AutosavedDocument | null>(null);
  const start = useStartPage(store, showStart);
  const { document } = useEditorState(store);
  useAppEffects(store, platform, commands);
  useEffect(() => {
    let active = true;
    void readAutosave(platform).then((found) => {
      if (active && found !== null && found.text !== writeDocumentText(store.getState().document)) setAutosaved(found);
    });
    return () => {
      active = false;
    };
  }, [platform, store]);
  const onRestore =
    autosaved === null
      ? null
      : () => {
          store.restore(autosaved.document, autosaved.file, autosaved.saved);
          store.notify({ kind: 'info', text: `Restored “${autosaved.document.metadata.name}” from the autosave.` });
          setAutosaved(null);
        };
  const dialog = runGuard.question === null ? null : <StopRunDialog question={runGuard.question} onAnswer={runGuard.answer} />;
  if (start.shown)
    return (
      <>
        <StartPage platform={platform} commands={commands} onClose={start.returnable ? start.close : null} currentName={document.metadata.name} />
        <LearnHost runs={runs} />
        {dialog}
      </>
    );
  return (
    <>
      <Layout store={store} platform={platform} commands={commands} runs={runs} onRestore={onRestore} onHome={start.open} />
      <LearnHost runs={runs} />
      {dialog}
    </>
  );
}

export function Root() {
  const platform = useMemo(() => selectPlatform(), []);
  const [booted, setBooted] = useState<{ store: EditorStore; showStart: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    loadStart(window.location.search, platform).then(
      (start) => {
        const created = createEditorStore(start.document);
        if (start.restored !== undefined) created.restore(start.document, start.restored.file, start.restored.saved);
        if (start.warning !== null) created.notify({ kind: 'error', text: start.warning });
        else if (start.info !== null) created.notify({ kind: 'info', text: start.info });
        setBooted({ store: created, showStart: start.showStart });
      },
      (cause: unknown) => setFailure(cause instanceof Error ? cause.message : String(cause)),
    );
  }, [platform]);
  if (failure !== null) return <div className="boot-message boot-error">Netloom could not start: {failure}</div>;
  if (booted === null) return <div className="boot-message">Loading Netloom…</div>;
  return <App store={booted.store} platform={platform} showStart={booted.showStart} />;
}
