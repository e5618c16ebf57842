// The canvas's own commands: auto layout, copy, cut, paste, duplicate, group and ungroup (buttons
// and keys), each one undoable command. Copy, cut and paste go through the system clipboard
// (useClipboardEvents).
import { Panel, useReactFlow, useStoreApi, type FitView } from '@xyflow/react';
import { useMemo, useRef, useState, type RefObject } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { isMacPlatform, shortcutKeys } from '../document/shortcuts.ts';
import { autoLayout } from './autoLayout.ts';
import { fitViewOptions, layoutRoom } from './canvasView.ts';
import type { CanvasCommand } from './canvasShortcuts.ts';
import { copyNodes, freeOffset, offsetTo, PASTE_OFFSET, pasteFragment, type Fragment } from './clipboard.ts';
import { selectedLayers } from './collapsedBlocks.ts';
import { moveNodes, removeElements } from './documentEdits.ts';
import type { FlowNode } from './flowModel.ts';
import { GroupPrompt } from './GroupPrompt.tsx';
import { groupNodes, groupsOf, ungroup } from './grouping.ts';
import { createNudgeBurst, nudgeDelta, nudgeLayers, type NudgeBurst } from './nudge.ts';
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

/** Lays the graph out (in rows where the canvas could not show it readably in one), then fits it to view. */
function layOut(store: EditorStore, fitView: FitView<FlowNode>, canvas: { width: number; height: number }): void {
  void autoLayout(store.getState().document, layoutRoom(canvas.width, canvas.height)).then((positions) => {
    store.edit((document) => moveNodes(document, positions), { layoutOnly: true, label: 'Auto layout' });
    window.setTimeout(() => void fitView({ ...fitViewOptions, duration: 200 }), 50);
  });
}

/** Arrow keys: the selected layers move one grid step (Shift: five); false when nothing is selected. */
function nudge(store: EditorStore, nodes: readonly FlowNode[], event: KeyboardEvent, burst: NudgeBurst): boolean {
  const selected = nodes.filter((node) => node.type !== 'block' && node.selected === true).map((node) => node.id);
  const delta = nudgeDelta(event.key, event.shiftKey);
  if (selected.length === 0 || delta === null) return false;
  const layers = selectedLayers(store.getState().document, selected).size;
  const label = layers === 1 ? 'Move layer' : `Move ${layers} layers`;
  store.edit((document) => nudgeLayers(document, selected, delta), { layoutOnly: true, label, mergeKey: burst.keyFor(selected.join(' '), event.timeStamp) });
  return true;
}

/** Pastes at `at` (else beside the copied layers), moved down into free space; everything pasted ends up selected. */
function pasteInFreeSpace(store: EditorStore, fragment: Fragment, label: string, at: { x: number; y: number } | null): void {
  const { document } = store.getState();
  const pasted = pasteFragment(document, fragment, freeOffset(document, fragment, at === null ? PASTE_OFFSET : offsetTo(fragment, at)));
  store.edit(() => pasted.document, { label });
  store.selectNodes(pasted.nodeIds);
}

/** The canvas's keys: arrows move the selection (one edit per burst), the rest run their command. */
function useCommandKeys(store: EditorStore, run: RefObject<(command: CanvasCommand) => void>): void {
  const { getNodes, getEdges } = useReactFlow<FlowNode>();
  const burst = useMemo(createNudgeBurst, []);
  const keys = useRef<(command: CanvasCommand, event: KeyboardEvent) => boolean>(() => false);
  keys.current = (command, event) => {
    if (command === 'nudge' || command === 'nudgeFar') return nudge(store, getNodes(), event, burst);
    // Escape with nothing selected stays with the page (a prompt, the start page).
    if (command === 'deselect' && !getNodes().some((node) => node.selected === true) && !getEdges().some((edge) => edge.selected === true)) return false;
    run.current(command);
    return true;
  };
  useCanvasKeys(keys);
}

function CanvasButtons({ run }: { run: RefObject<(command: CanvasCommand) => void> }) {
  const isMac = isMacPlatform(navigator.userAgent);
  const keys = (id: Parameters<typeof shortcutKeys>[0]) => shortcutKeys(id, isMac);
  return (
    <Panel position="top-right" className="canvas-actions">
      <button type="button" onClick={() => run.current('group')} title={`Group the selected layers into a named block (${keys('group')})`} data-testid="group">
        Group
      </button>
      <button type="button" onClick={() => run.current('ungroup')} title={`Ungroup the selected layers' blocks (${keys('ungroup')})`} data-testid="ungroup">
        Ungroup
      </button>
      <button type="button" onClick={() => run.current('layout')} title={`Lay the graph out left to right, in rows where it is wider than the canvas (${keys('layout')})`} data-testid="auto-layout">
        Auto layout
      </button>
      <button type="button" onClick={() => run.current('duplicate')} title={`Duplicate the selected layers (${keys('duplicate')}); copy ${keys('copy')}, cut ${keys('cut')}, paste ${keys('paste')}, paste without edges ${keys('pasteWithoutEdges')}; every shortcut: ${keys('shortcuts')}`} data-testid="duplicate">
        Duplicate
      </button>
    </Panel>
  );
}

export function CanvasActions({ store }: { store: EditorStore }) {
  const { getNodes, fitView } = useReactFlow<FlowNode>();
  const flowStore = useStoreApi<FlowNode>();
  /** Where the pointer last was over the canvas, in flow coordinates: pastes land there. */
  const pointer = useFlowPointer();
  const selection = () => copyNodes(store.getState().document, selectionForGrouping(store, getNodes()));
  const paste = (fragment: Fragment, label: string) => pasteInFreeSpace(store, fragment, label, label === 'Paste' ? pointer.current : null);
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
    if (command === 'layout') return layOut(store, fitView, flowStore.getState());
    if (command === 'selectAll') return flowStore.getState().addSelectedNodes(getNodes().filter((node) => node.type !== 'block').map((node) => node.id));
    if (command === 'deselect') return flowStore.getState().unselectNodesAndEdges();
    if (command === 'nudge' || command === 'nudgeFar') return;
    if (command !== 'duplicate') return clipboard(command);
    const fragment = selection();
    if (fragment !== null) paste(fragment, 'Duplicate');
  };
  useCommandKeys(store, run);
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
