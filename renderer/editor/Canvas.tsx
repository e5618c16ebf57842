// The React Flow canvas: renders the document, and turns drags, drops and connections into edits.
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useStore, type Connection, type Edge, type FinalConnectionState, type Node, type OnSelectionChangeParams } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { useEditorState } from '../document/useEditorState.ts';
import { BlockActionsContext, blockActions } from './blockActions.ts';
import { BlockFrame } from './BlockFrame.tsx';
import { CollapsedBlockNode } from './CollapsedBlockNode.tsx';
import { CanvasActions } from './CanvasActions.tsx';
import { checkConnection, proposedBetween } from './connectionCheck.ts';
import { ConnectionHint } from './ConnectionHint.tsx';
import { commitDrag, connectFlow, GRID } from './canvasEdits.ts';
import { removeElements } from './documentEdits.ts';
import { FixContext, fixApplier } from './FixButton.tsx';
import { selectedLayers } from './collapsedBlocks.ts';
import type { FlowNode, ShapeFlowEdge } from './flowModel.ts';
import { LayerNode } from './LayerNode.tsx';
import { minimapColor } from './minimapColor.ts';
import { personalLibrary } from './personalLibrary.ts';
import { QuickAdd } from './QuickAdd.tsx';
import { ShapeEdge } from './ShapeEdge.tsx';
import { useCanvasAdding } from './useCanvasAdding.ts';
import { useFlowSync } from './useFlowSync.ts';
import { usePanning } from './usePanning.ts';
import { useRevealSelection } from './useRevealSelection.ts';

const nodeTypes = { layer: LayerNode, block: BlockFrame, collapsed: CollapsedBlockNode };
const edgeTypes = { shape: ShapeEdge };
const snapGrid: [number, number] = [GRID, GRID];
const fitViewOptions = { padding: 0.12, maxZoom: 1.25 };
const deleteKeys = ['Backspace', 'Delete'];
const minimapStyle = { width: 180, height: 110 };
// Constant objects: React Flow copies these props into its store whenever their identity changes.
const defaultEdgeOptions = { type: 'shape' };
const proOptions = { hideAttribution: true };

/**
 * Below this zoom a layer's params, shape, ports and the edges' shape labels are too small to read
 * (under ~5 px), so the canvas draws layers as titled boxes, without grid dots: a 500-node graph in
 * view pans at ~59 fps instead of ~30 (bench/uiFrames.ts).
 */
export const FAR_ZOOM = 0.45;

export function Canvas({ store }: { store: EditorStore }) {
  const far = useStore((flowState) => flowState.transform[2] < FAR_ZOOM);
  const state = useEditorState(store);
  const flow = useFlowSync(state);
  const applyFix = useMemo(() => fixApplier(store), [store]);
  const actions = useMemo(() => blockActions(store, personalLibrary()), [store]);

  const onSelectionChange = useCallback(
    ({ nodes }: OnSelectionChangeParams) => store.select(nodes.find((node) => node.type === 'layer')?.id ?? null),
    [store],
  );
  const onNodeDragStop = useCallback((_event: unknown, _node: Node, dragged: Node[]) => store.edit((document) => commitDrag(document, dragged), { layoutOnly: true, label: dragged.length > 1 ? `Move ${dragged.length} layers` : 'Move layer' }), [store]);
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
  const onDelete = useCallback(
    ({ nodes, edges }: { nodes: FlowNode[]; edges: ShapeFlowEdge[] }) =>
      store.edit((document) => removeElements(document, selectedLayers(document, nodes.filter((node) => node.type !== 'block').map((node) => node.id)), new Set(edges.map((edge) => edge.id))), { label: 'Delete' }),
    [store],
  );
  const adding = useCanvasAdding(store);
  const pan = usePanning();
  const frameOf = useCallback(
    (nodeId: string) => {
      const group = store.getState().document.nodes.find((node) => node.id === nodeId)?.group;
      return group === undefined ? null : `group:${group}`;
    },
    [store],
  );
  useRevealSelection(state.selectedNodeId, state.revealSerial, frameOf);
  const className = ['canvas', far ? 'is-far' : '', pan.panning ? 'is-panning' : ''].filter(Boolean).join(' ');

  return (
    <div className={className} data-testid="canvas" onDoubleClick={adding.onDoubleClick} onPointerDownCapture={pan.onPointerDownCapture}>
      <FixContext value={applyFix}>
      <BlockActionsContext value={actions}>
      <ReactFlow<FlowNode, ShapeFlowEdge>
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={flow.onNodesChange}
        onEdgesChange={flow.onEdgesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onConnectEnd={onConnectEnd}
        onDelete={onDelete}
        onMoveStart={pan.onMoveStart}
        onMoveEnd={pan.onMoveEnd}
        // Zoomed in, only the layers in view are in the DOM: every other layer's details would cost
        // the compositor on each pan frame (500 layers: ~34 -> ~59 fps). Zoomed out they all stay,
        // as titled boxes, so a pan there does not mount and unmount layers at the edges.
        onlyRenderVisibleElements={!far}
        deleteKeyCode={deleteKeys}
        onDragOver={adding.onDragOver}
        onDrop={adding.onDrop}
        zoomOnDoubleClick={false}
        colorMode="dark"
        snapToGrid
        snapGrid={snapGrid}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.2}
        maxZoom={2.5}
        defaultEdgeOptions={defaultEdgeOptions}
        proOptions={proOptions}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
        <MiniMap pannable zoomable style={minimapStyle} nodeColor={minimapColor} nodeStrokeWidth={0} maskColor="rgba(8, 10, 14, 0.72)" />
        <Controls showInteractive={false} />
        <CanvasActions store={store} />
        <ConnectionHint store={store} />
      </ReactFlow>
      </BlockActionsContext>
      </FixContext>
      {adding.quickAdd !== null && <QuickAdd left={adding.quickAdd.left} top={adding.quickAdd.top} onPick={adding.pickQuickAdd} onClose={adding.closeQuickAdd} />}
    </div>
  );
}
