// The canvas's own commands: auto layout, copy, paste, duplicate (buttons and keys), each one
// undoable command.
import { Panel, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { EditorStore } from '../shell/editorStore.ts';
import { isMacPlatform, isTextTarget } from '../shell/shortcuts.ts';
import { autoLayout } from './autoLayout.ts';
import { canvasCommand, type CanvasCommand } from './canvasShortcuts.ts';
import { copyNodes, pasteFragment, type Fragment } from './clipboard.ts';
import { moveNodes } from './documentEdits.ts';
import type { FlowNode } from './flowModel.ts';

function selectedLayerIds(nodes: readonly FlowNode[], fallback: string | null): Set<string> {
  const selected = nodes.filter((node) => node.type === 'layer' && node.selected === true).map((node) => node.id);
  return new Set(selected.length > 0 ? selected : fallback === null ? [] : [fallback]);
}

export function CanvasActions({ store }: { store: EditorStore }) {
  const { getNodes, fitView } = useReactFlow<FlowNode>();
  const clipboard = useRef<Fragment | null>(null);
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
    const fragment = command === 'paste' ? clipboard.current : copyNodes(state.document, selectedLayerIds(getNodes(), state.selectedNodeId));
    if (command === 'copy') clipboard.current = fragment ?? clipboard.current;
    if (command === 'copy' || fragment === null) return;
    const pasted = pasteFragment(state.document, fragment);
    store.edit(() => pasted.document, { label: command === 'paste' ? 'Paste' : 'Duplicate' });
    store.select(pasted.nodeIds[0] ?? null);
  };
  useEffect(() => {
    const isMac = isMacPlatform(navigator.userAgent);
    function onKeyDown(event: KeyboardEvent) {
      const command = canvasCommand(event, isMac);
      if (command === null || isTextTarget(event.target)) return;
      // Copying text the user selected on the page stays the browser's.
      if (command === 'copy' && (window.getSelection()?.toString() ?? '') !== '') return;
      event.preventDefault();
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
      <button type="button" onClick={() => run.current('duplicate')} title={`Duplicate the selected layers (${prefix}D); copy ${prefix}C, paste ${prefix}V`} data-testid="duplicate">
        Duplicate
      </button>
    </Panel>
  );
}
