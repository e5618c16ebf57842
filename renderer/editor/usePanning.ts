// Keeps panning a large graph cheap for the browser. Three costs per pointer move, measured on a
// 500-node graph (bench/uiFrames.ts, Chrome trace): hit testing every node and edge to find the
// pointer's target, text-selection tracking for the drag, and re-rasterizing the graph whenever the
// viewport's compositor layer comes and goes between drags.
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

/** How long the viewport keeps its compositor layer after a pan ends, so the next drag starts warm. */
export const PAN_LINGER_MS = 700;

/** A pan gesture starts on the empty pane (not on a node, edge, handle or control). */
function isPaneTarget(target: EventTarget | null): target is Element {
  return typeof Element !== 'undefined' && target instanceof Element && target.classList.contains('react-flow__pane');
}

/** Whether a viewport move was started by a pointer drag (not the wheel, keys or the fit button). */
function isDragMove(event: Event | { type: string } | null): boolean {
  return event !== null && /^(mouse|pointer|touch)/.test(event.type);
}

export interface Panning {
  /** True while the pane is dragged, and PAN_LINGER_MS after. */
  readonly panning: boolean;
  readonly onPointerDownCapture: (event: ReactPointerEvent) => void;
  readonly onMoveStart: (event: MouseEvent | TouchEvent | null) => void;
  readonly onMoveEnd: (event: MouseEvent | TouchEvent | null) => void;
}

export function usePanning(): Panning {
  const [panning, setPanning] = useState(false);
  const linger = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopLinger = () => {
    if (linger.current !== null) clearTimeout(linger.current);
    linger.current = null;
  };
  useEffect(() => stopLinger, []);

  // Captured, the pointer's moves go straight to the pane: the browser stops hit testing the graph
  // under the pointer on every move (a third of the main thread during a pan).
  const onPointerDownCapture = useCallback((event: ReactPointerEvent) => {
    if (event.button === 0 && isPaneTarget(event.target) && !event.shiftKey) event.target.setPointerCapture(event.pointerId);
  }, []);
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    stopLinger();
    // A wheel zoom must not keep the layer: a composited layer keeps the raster scale it was made
    // at, so text would stay blurred after zooming in.
    setPanning(isDragMove(event));
  }, []);
  const onMoveEnd = useCallback((event: MouseEvent | TouchEvent | null) => {
    stopLinger();
    if (!isDragMove(event)) {
      setPanning(false);
      return;
    }
    linger.current = setTimeout(() => {
      linger.current = null;
      setPanning(false);
    }, PAN_LINGER_MS);
  }, []);
  return { panning, onPointerDownCapture, onMoveStart, onMoveEnd };
}
