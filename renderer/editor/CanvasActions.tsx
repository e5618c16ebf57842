// The canvas's own commands: auto layout, copy, cut, paste, duplicate (buttons and keys), each one
// undoable command. Copy, cut and paste go through the system clipboard (useClipboardEvents).
import { Panel, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { EditorStore } from '../shell/editorStore.ts';
import { isMacPlatform, isTextTarget } from '../shell/shortcuts.ts';
import { autoLayout } from './autoLayout.ts';
import { canvasCommand, type CanvasCommand } from './canvasShortcuts.ts';
import { copyNodes, offsetTo, pasteFragment, type Fragment } from './clipboard.ts';
import { moveNodes, removeElements } from './documentEdits.ts';
import type { FlowNode } from './flowModel.ts';
import { useClipboardEvents, type ClipboardCommand } from './useClipboardEvents.ts';

function selectedLayerIds(nodes: readonly FlowNode[], fallback: string | null): Set<string> {
  const selected = nodes.filter((node) => node.type === 'layer' && node.selected === true).map((node) => node.id);
  return new Set(selected.length > 0 ? selected : fallback === null ? [] : [fallback]);
}

function isClipboardCommand(command: CanvasCommand): command is ClipboardCommand {
  return command === 'copy' || command === 'cut' || command === 'paste' || command === 'pasteWithoutEdges';
}

export function CanvasActions({ store }: { store: EditorStore }) {
  const { getNodes, fitView, screenToFlowPosition } = useReactFlow<FlowNode>();
  /** Where the pointer last was over the canvas, in flow coordinates: pastes land there. */
  const pointer = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    function onPointerMove(event: PointerEvent) {
      const over = event.target instanceof Element && event.target.closest('.react-flow') !== null;
      pointer.current = over ? screenToFlowPosition({ x: event.clientX, y: event.clientY }) : null;
    }
    window.addEventListener('pointermove', onPointerMove, { passive: true });
    return () => window.removeEventListener('pointermove', onPointerMove);
  }, [screenToFlowPosition]);
  const selection = () => copyNodes(store.getState().document, selectedLayerIds(getNodes(), store.getState().selectedNodeId));
  const paste = (fragment: Fragment, label: string) => {
    const at = label === 'Paste' ? pointer.current : null;
    const pasted = pasteFragment(store.getState().document, fragment, at === null ? undefined : offsetTo(fragment, at));
    store.edit(() => pasted.document, { label });
    store.select(pasted.nodeIds[0] ?? null);
  };
  const clipboard = useClipboardEvents({
    copy: selection,
    remove: () => {
      const ids = selectedLayerIds(getNodes(), store.getState().selectedNodeId);
      store.edit((document) => removeElements(document, ids, new Set()), { label: 'Cut' });
      store.select(null);
    },
    paste: (fragment) => paste(fragment, 'Paste'),
  });
  const run = useRef<(command: CanvasCommand) => void>(() => undefined);
  run.current = (command) => {
    const state = store.getState();
    if (command === 'layout') {
      void autoLayout(state.document).then((positions) => {
        store.edit((document) => moveNodes(document, positions), { layoutOnly: true, label: 'Auto layout' });
        window.setTimeout(() => void fitView({ padding: 0.12, duration: 200 }), 50);
      });
      return;
    }
    if (command !== 'duplicate') {
      clipboard(command);
      return;
    }
    const fragment = selection();
    if (fragment !== null) paste(fragment, 'Duplicate');
  };
  useEffect(() => {
    const isMac = isMacPlatform(navigator.userAgent);
    function onKeyDown(event: KeyboardEvent) {
      const command = canvasCommand(event, isMac);
      if (command === null || isTextTarget(event.target)) return;
      // Copying text the user selected on the page stays the browser's.
      if (command === 'copy' && (window.getSelection()?.toString() ?? '') !== '') return;
      // Clipboard keys keep their default action: it raises the copy/cut/paste event that
      // carries the layers through the system clipboard.
      if (!isClipboardCommand(command)) event.preventDefault();
      run.current(command);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  const prefix = isMacPlatform(navigator.userAgent) ? '⌘' : 'Ctrl+';
  return (
    <Panel position="top-right" className="canvas-actions">
      <button type="button" onClick={() => run.current('layout')} title="Lay the graph out left to right (Shift+L)" data-testid="auto-layout">
        Auto layout
      </button>
      <button type="button" onClick={() => run.current('duplicate')} title={`Duplicate the selected layers (${prefix}D); copy ${prefix}C, cut ${prefix}X, paste ${prefix}V, paste without edges ${prefix}Shift+V`} data-testid="duplicate">
        Duplicate
      </button>
    </Panel>
  );
}
