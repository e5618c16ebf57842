// Brings the selected layer into view when asked (EditorStore.select with `reveal`: a palette click
// adds a layer right of the network) and it is not wholly on screen: zoomed in,
// the canvas renders only the layers in view, and a user should see what they just added.
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { FlowNode, ShapeFlowEdge } from './flowModel.ts';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Screen pixels kept between a revealed layer and the pane's edge. */
export const REVEAL_MARGIN = 40;

/**
 * The smallest pan (screen pixels) that brings `rect` wholly into the pane with REVEAL_MARGIN to
 * spare, moving the rest of the graph as little as possible; null when it cannot fit at this zoom.
 */
export function panIntoView(rect: Rect, transform: readonly [number, number, number], width: number, height: number): { x: number; y: number } | null {
  const [tx, ty, zoom] = transform;
  const axis = (start: number, size: number, room: number): number | null => {
    if (size + 2 * REVEAL_MARGIN > room) return null;
    if (start < REVEAL_MARGIN) return REVEAL_MARGIN - start;
    if (start + size > room - REVEAL_MARGIN) return room - REVEAL_MARGIN - (start + size);
    return 0;
  };
  const x = axis(rect.x * zoom + tx, rect.width * zoom, width);
  const y = axis(rect.y * zoom + ty, rect.height * zoom, height);
  return x === null || y === null ? null : { x, y };
}

/** A layer's box before the canvas has measured it. */
const UNMEASURED = { width: 150, height: 80 };
/** Frames to wait for a newly selected layer to reach React Flow before giving up. */
const MAX_FRAMES = 30;

/**
 * `frameOf` names the block frame to show instead of the layer (a block added from the palette is
 * shown whole), or null.
 */
export function useRevealSelection(selectedNodeId: string | null, revealSerial: number, frameOf: (nodeId: string) => string | null): void {
  const frameOfLatest = useRef(frameOf);
  frameOfLatest.current = frameOf;
  const flow = useReactFlow<FlowNode, ShapeFlowEdge>();
  const flowStore = useStoreApi<FlowNode, ShapeFlowEdge>();
  const previous = useRef(revealSerial);
  const pending = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (pending.current !== null) cancelAnimationFrame(pending.current);
    },
    [],
  );
  useEffect(() => {
    if (revealSerial === previous.current) return;
    previous.current = revealSerial;
    if (selectedNodeId === null) return;
    // Once React Flow has the node: a layer just added reaches it a render or two later. Not
    // cancelled when this effect runs again for another reason: the request is already taken.
    if (pending.current !== null) cancelAnimationFrame(pending.current);
    const id = selectedNodeId;
    let tries = 0;
    const attempt = () => {
      pending.current = null;
      const frame = frameOfLatest.current(id);
      const targetId = frame !== null && flow.getInternalNode(frame) !== undefined ? frame : id;
      const node = flow.getInternalNode(targetId);
      if (node === undefined) {
        if (++tries < MAX_FRAMES) pending.current = requestAnimationFrame(attempt);
        return;
      }
      const { transform, width, height } = flowStore.getState();
      const rect = {
        ...node.internals.positionAbsolute,
        width: node.measured.width ?? node.width ?? UNMEASURED.width,
        height: node.measured.height ?? node.height ?? UNMEASURED.height,
      };
      if (width === 0 || height === 0) return;
      const pan = panIntoView(rect, transform, width, height);
      // Too big for the pane at this zoom: fitted, zooming out as far as needed.
      if (pan === null) void flow.fitView({ nodes: [{ id: targetId }], maxZoom: transform[2], padding: 0.1, duration: 200 });
      else if (pan.x !== 0 || pan.y !== 0) void flow.setViewport({ x: transform[0] + pan.x, y: transform[1] + pan.y, zoom: transform[2] }, { duration: 200 });
    };
    pending.current = requestAnimationFrame(attempt);
  }, [revealSerial, selectedNodeId, flow, flowStore]);
}
