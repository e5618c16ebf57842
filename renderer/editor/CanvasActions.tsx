// The canvas's own commands: auto layout, copy, cut, paste, duplicate, group and ungroup (buttons
// and keys), each one undoable command. Copy, cut and paste go through the system clipboard
// (useClipboardEvents).
import { Panel, useReactFlow, type FitView } from '@xyflow/react';
import { useRef, useState, type RefObject } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { isMacPlatform } from '../document/shortcuts.ts';
import { autoLayout } from './autoLayout.ts';
import type { CanvasCommand } from './canvasShortcuts.ts';
import { copyNodes, offsetTo, pasteFragment, type Fragment } from './clipboard.ts';
import { selectedLayers } from './collapsedBlocks.ts';
import { moveNodes, removeElements } from './documentEdits.ts';
import type { FlowNode } from './flowModel.ts';
import { GroupPrompt } from './GroupPrompt.tsx';
import { groupNodes, groupsOf, ungroup } from './grouping.ts';
import { useCanvasKeys, useFlowPointer } from './useCanvasKeys.ts';
import { useClipboardEvents } from './useClipboardEvents.ts';

/** Selected layers, members of selected collapsed blocks, else the inspector's layer. */
function selectionForGrouping(store: EditorStore, nodes: readonly FlowNode[]): Set<string> {
  const { document, selectedNodeId } = store.getState();
  const selected = nodes.filter((node) => node.type !== 'block' && node.selected === true).map((node) => node.id);
  return selectedLayers(document, selected.length > 0 ? selected : selectedNodeId === null ? [] : [selectedNodeId]);
}

/** Group asks for a name (`askName`); Ungroup dissolves the blocks of `layers`; with none selected, says how to select. */
function groupOrUngroup(store: EditorStore, command: 'group' | 'ungroup', layers: ReadonlySet<string>, askName: (layers: ReadonlySet<string>) => void): void {
  const multiSelectKey = isMacPlatform(navigator.userAgent) ? '⌘' : 'Ctrl';
  if (layers.size === 0) store.notify({ kind: 'error', text: `Nothing to ${command}: select one or more layers first (click, ${multiSelectKey}+click to add more, or Shift+drag a box).` });
  else if (command === 'group') askName(layers);
  else store.edit((document) => ungroup(document, groupsOf(document, layers)), { label: 'Ungroup' });
}

function layOut(store: EditorStore, fitView: FitView<FlowNode>): void {
  void autoLayout(store.getState().document).then((positions) => {
    store.edit((document) => moveNodes(document, positions), { layoutOnly: true, label: 'Auto layout' });
    window.setTimeout(() => void fitView({ padding: 0.12, duration: 200 }), 50);
  });
}

function CanvasButtons({ run }: { run: RefObject<(command: CanvasCommand) => void> }) {
  const prefix = isMacPlatform(navigator.userAgent) ? '⌘' : 'Ctrl+';
  return (
    <Panel position="top-right" className="canvas-actions">
      <button type="button" onClick={() => run.current('group')} title={`Group the selected layers into a named block (${prefix}G)`} data-testid="group">
        Group
      </button>
      <button type="button" onClick={() => run.current('ungroup')} title={`Ungroup the selected layers' blocks (${prefix}Shift+G)`} data-testid="ungroup">
        Ungroup
      </button>
      <button type="button" onClick={() => run.current('layout')} title="Lay the graph out left to right (Shift+L)" data-testid="auto-layout">
        Auto layout
      </button>
      <button type="button" onClick={() => run.current('duplicate')} title={`Duplicate the selected layers (${prefix}D); copy ${prefix}C, cut ${prefix}X, paste ${prefix}V, paste without edges ${prefix}Shift+V`} data-testid="duplicate">
        Duplicate
      </button>
    </Panel>
  );
}

export function CanvasActions({ store }: { store: EditorStore }) {
  const { getNodes, fitView } = useReactFlow<FlowNode>();
  /** Where the pointer last was over the canvas, in flow coordinates: pastes land there. */
  const pointer = useFlowPointer();
  const selection = () => copyNodes(store.getState().document, selectionForGrouping(store, getNodes()));
  const paste = (fragment: Fragment, label: string) => {
    const at = label === 'Paste' ? pointer.current : null;
    const pasted = pasteFragment(store.getState().document, fragment, at === null ? undefined : offsetTo(fragment, at));
    store.edit(() => pasted.document, { label });
    store.select(pasted.nodeIds[0] ?? null);
  };
  const clipboard = useClipboardEvents({
    copy: selection,
    remove: () => {
      const ids = selectionForGrouping(store, getNodes());
      store.edit((document) => removeElements(document, ids, new Set()), { label: 'Cut' });
      store.select(null);
    },
    paste: (fragment) => paste(fragment, 'Paste'),
  });
  const [grouping, setGrouping] = useState<ReadonlySet<string> | null>(null);
  const run = useRef<(command: CanvasCommand) => void>(() => undefined);
  run.current = (command) => {
    if (command === 'group' || command === 'ungroup') return groupOrUngroup(store, command, selectionForGrouping(store, getNodes()), setGrouping);
    if (command === 'layout') return layOut(store, fitView);
    if (command !== 'duplicate') return clipboard(command);
    const fragment = selection();
    if (fragment !== null) paste(fragment, 'Duplicate');
  };
  useCanvasKeys(run);
  function group(name: string) {
    const layers = grouping;
    setGrouping(null);
    if (layers === null) return;
    store.edit((document) => groupNodes(document, layers, name)?.document ?? document, { label: `Group as ${name}` });
    store.notify(null);
  }
  return (
    <>
      {grouping !== null && (
        // Not position="top-center": its class `center` is also the app layout's (layout.css).
        <Panel position="top-left" className="group-prompt-panel">
          <GroupPrompt count={grouping.size} onGroup={group} onCancel={() => setGrouping(null)} />
        </Panel>
      )}
      <CanvasButtons run={run} />
    </>
  );
}
