// The React Flow canvas: renders the document, and turns drags, drops and connections into edits.
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Node, type OnSelectionChangeParams } from '@xyflow/react';
import { useCallback, useMemo, type DragEvent } from 'react';
import type { EditorStore } from '../shell/editorStore.ts';
import { useEditorState } from '../shell/useEditorState.ts';
import { BlockFrame } from './BlockFrame.tsx';
import { CanvasActions } from './CanvasActions.tsx';
import { commitDrag, connectFlow, GRID, placeEntry } from './canvasEdits.ts';
import { removeElements } from './documentEdits.ts';
import { FixContext, fixApplier } from './FixButton.tsx';
import { isLayerNode, type FlowNode, type ShapeFlowEdge } from './flowModel.ts';
import { LayerNode } from './LayerNode.tsx';
import { minimapColor } from './minimapColor.ts';
import { decodePaletteEntry, PALETTE_MIME } from './paletteModel.ts';
import { ShapeEdge } from './ShapeEdge.tsx';
import { useFlowSync } from './useFlowSync.ts';

const nodeTypes = { layer: LayerNode, block: BlockFrame };
const edgeTypes = { shape: ShapeEdge };
const snapGrid: [number, number] = [GRID, GRID];
const fitViewOptions = { padding: 0.12, maxZoom: 1.25 };
const deleteKeys = ['Backspace', 'Delete'];
const minimapStyle = { width: 180, height: 110 };
// Constant objects: React Flow copies these props into its store whenever their identity changes.
const defaultEdgeOptions = { type: 'shape' };
const proOptions = { hideAttribution: true };

export function Canvas({ store }: { store: EditorStore }) {
  const state = useEditorState(store);
  const flow = useFlowSync(state);
  const { screenToFlowPosition } = useReactFlow();
  const applyFix = useMemo(() => fixApplier(store), [store]);

  const onSelectionChange = useCallback(
    ({ nodes }: OnSelectionChangeParams) => store.select(nodes.find((node) => node.type === 'layer')?.id ?? null),
    [store],
  );
  const onNodeDragStop = useCallback((_event: unknown, _node: Node, dragged: Node[]) => store.edit((document) => commitDrag(document, dragged), { layoutOnly: true, label: dragged.length > 1 ? `Move ${dragged.length} layers` : 'Move layer' }), [store]);
  const onConnect = useCallback((connection: Connection) => store.edit((document) => connectFlow(document, connection), { label: 'Connect' }), [store]);
  const onDelete = useCallback(
    ({ nodes, edges }: { nodes: FlowNode[]; edges: ShapeFlowEdge[] }) =>
      store.edit((document) => removeElements(document, new Set(nodes.filter(isLayerNode).map((node) => node.id)), new Set(edges.map((edge) => edge.id))), { label: 'Delete' }),
    [store],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const entry = decodePaletteEntry(event.dataTransfer.getData(PALETTE_MIME));
      if (entry === null) return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const placed = placeEntry(store.getState().document, entry, position);
      if (placed === null) return;
      store.edit(() => placed.document, { label: `Add ${entry.name}` });
      store.select(placed.nodeId);
    },
    [store, screenToFlowPosition],
  );

  return (
    <div className="canvas" data-testid="canvas">
      <FixContext value={applyFix}>
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
        onDelete={onDelete}
        deleteKeyCode={deleteKeys}
        onDragOver={onDragOver}
        onDrop={onDrop}
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
      </ReactFlow>
      </FixContext>
    </div>
  );
}
