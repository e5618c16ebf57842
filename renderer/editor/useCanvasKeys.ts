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

/** Runs `run.current` for each canvas key pressed outside a text field. */
export function useCanvasKeys(run: RefObject<(command: CanvasCommand) => void>): void {
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
}
