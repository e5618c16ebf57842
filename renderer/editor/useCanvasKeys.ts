// The canvas's pointer and keys: where the pointer is over the canvas (pastes land there), and the
// canvas commands' keys (canvasShortcuts.ts) outside text fields.
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, type RefObject } from 'react';
import { isMacPlatform, isTextTarget } from '../document/shortcuts.ts';
import { canvasCommand, type CanvasCommand } from './canvasShortcuts.ts';
import type { FlowNode } from './flowModel.ts';
import type { ClipboardCommand } from './useClipboardEvents.ts';

export type FlowPoint = { x: number; y: number };

/** Where the pointer last was over the canvas, in flow coordinates; null when it is elsewhere. */
export function useFlowPointer(): RefObject<FlowPoint | null> {
  const { screenToFlowPosition } = useReactFlow<FlowNode>();
  const pointer = useRef<FlowPoint | null>(null);
  useEffect(() => {
    function onPointerMove(event: PointerEvent) {
      const over = event.target instanceof Element && event.target.closest('.react-flow') !== null;
      pointer.current = over ? screenToFlowPosition({ x: event.clientX, y: event.clientY }) : null;
    }
    window.addEventListener('pointermove', onPointerMove, { passive: true });
    return () => window.removeEventListener('pointermove', onPointerMove);
  }, [screenToFlowPosition]);
  return pointer;
}

function isClipboardCommand(command: CanvasCommand): command is ClipboardCommand {
  return command === 'copy' || command === 'cut' || command === 'paste' || command === 'pasteWithoutEdges';
}

/** Keys React Flow would also answer on a focused layer (arrows move it, Escape toggles it): the canvas takes them first. */
function isSelectionKey(command: CanvasCommand): boolean {
  return command === 'nudge' || command === 'nudgeFar' || command === 'deselect' || command === 'selectAll';
}

/**
 * Runs `run.current` for each canvas key pressed outside a text field; it returns false when the
 * key had nothing to act on (an arrow with nothing selected), which leaves the key to the page.
 */
export function useCanvasKeys(run: RefObject<(command: CanvasCommand, event: KeyboardEvent) => boolean>): void {
  useEffect(() => {
    const isMac = isMacPlatform(navigator.userAgent);
    function onKeyDown(event: KeyboardEvent) {
      const command = canvasCommand(event, isMac);
      if (command === null || isTextTarget(event.target)) return;
      // Copying text the user selected on the page stays the browser's.
      if (command === 'copy' && (window.getSelection()?.toString() ?? '') !== '') return;
      // A dialog (the shortcut sheet) keeps its keys.
      if (event.target instanceof Element && event.target.closest('[role="dialog"]') !== null) return;
      if (!run.current(command, event)) return;
      // Clipboard keys keep their default action: it raises the copy/cut/paste event that
      // carries the layers through the system clipboard.
      if (!isClipboardCommand(command)) event.preventDefault();
      if (isSelectionKey(command)) event.stopPropagation();
    }
    // Capture: React Flow's own arrow and Escape handling on a focused layer never sees the key.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
