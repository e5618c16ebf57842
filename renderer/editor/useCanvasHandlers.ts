// The canvas's gestures as edits of the store: selecting, dragging, connecting (and saying why a
// connection is refused) and deleting, each a stable callback for React Flow.
import type { Connection, Edge, FinalConnectionState, Node, OnSelectionChangeParams } from '@xyflow/react';
import { useCallback } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { commitDrag, connectFlow } from './canvasEdits.ts';
import { selectedLayers } from './collapsedBlocks.ts';
import { checkConnection, proposedBetween } from './connectionCheck.ts';
import { removeElements } from './documentEdits.ts';
import type { FlowNode, ShapeFlowEdge } from './flowModel.ts';

function useConnectionHandlers(store: EditorStore) {
  const onConnect = useCallback((connection: Connection) => store.edit((document) => connectFlow(document, connection), { label: 'Connect' }), [store]);
  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      const { document, analysis } = store.getState();
      return checkConnection(document, analysis, { source: connection.source, target: connection.target, targetPort: connection.targetHandle ?? null }).ok;
    },
    [store],
  );
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      if (connection.isValid !== false || connection.fromHandle === null || connection.toHandle === null) return;
      const proposed = proposedBetween(connection.fromHandle, connection.toHandle);
      const { document, analysis } = store.getState();
      const verdict = proposed === null ? null : checkConnection(document, analysis, proposed);
      if (verdict !== null && !verdict.ok) store.notify({ kind: 'error', text: `Not connected: ${verdict.reason}` });
    },
    [store],
  );
  return { onConnect, isValidConnection, onConnectEnd };
}

/** React Flow's selection, drag, connection and delete callbacks, spread onto <ReactFlow>. */
export function useCanvasHandlers(store: EditorStore) {
  const onSelectionChange = useCallback(
    ({ nodes }: OnSelectionChangeParams) => store.select(nodes.find((node) => node.type === 'layer')?.id ?? null),
    [store],
  );
  const onNodeDragStop = useCallback((_event: unknown, _node: Node, dragged: Node[]) => store.edit((document) => commitDrag(document, dragged), { layoutOnly: true, label: dragged.length > 1 ? `Move ${dragged.length} layers` : 'Move layer' }), [store]);
  const connection = useConnectionHandlers(store);
  const onDelete = useCallback(
    ({ nodes, edges }: { nodes: FlowNode[]; edges: ShapeFlowEdge[] }) =>
      store.edit((document) => removeElements(document, selectedLayers(document, nodes.filter((node) => node.type !== 'block').map((node) => node.id)), new Set(edges.map((edge) => edge.id))), { label: 'Delete' }),
    [store],
  );
  return { onSelectionChange, onNodeDragStop, ...connection, onDelete };
}

/** The block frame a layer sits in (`group:<name>`), for revealing the layer with its frame. */
export function useFrameOf(store: EditorStore): (nodeId: string) => string | null {
  return useCallback(
    (nodeId: string) => {
      const group = store.getState().document.nodes.find((node) => node.id === nodeId)?.group;
      return group === undefined ? null : `group:${group}`;
    },
    [store],
  );
}
