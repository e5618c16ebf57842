// The React Flow canvas: renders the document, and turns drags, drops and connections into edits.
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useStore, type ReactFlowProps } from '@xyflow/react';
import { useMemo } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { keyNames } from '../document/shortcuts.ts';
import { useEditorState } from '../document/useEditorState.ts';
import { BlockActionsContext, blockActions } from './blockActions.ts';
import { BlockFrame } from './BlockFrame.tsx';
import { CollapsedBlockNode } from './CollapsedBlockNode.tsx';
import { CanvasActions } from './CanvasActions.tsx';
import { ConnectionHint } from './ConnectionHint.tsx';
import { GRID } from './canvasEdits.ts';
import { FixContext, fixApplier } from './FixButton.tsx';
import type { FlowNode, ShapeFlowEdge } from './flowModel.ts';
import { LayerNode } from './LayerNode.tsx';
import { minimapColor } from './minimapColor.ts';
import { personalLibrary } from './personalLibrary.ts';
import { QuickAdd } from './QuickAdd.tsx';
import { ShapeEdge } from './ShapeEdge.tsx';
import { useCanvasAdding } from './useCanvasAdding.ts';
import { useCanvasHandlers, useFrameOf } from './useCanvasHandlers.ts';
import { useFlowSync } from './useFlowSync.ts';
import { usePanning } from './usePanning.ts';
import { useRevealSelection } from './useRevealSelection.ts';

const minimapStyle = { width: 180, height: 110 };
// Constant objects: React Flow copies these props into its store whenever their identity changes.
const flowOptions = {
  nodeTypes: { layer: LayerNode, block: BlockFrame, collapsed: CollapsedBlockNode },
  edgeTypes: { shape: ShapeEdge },
  deleteKeyCode: keyNames('delete'),
  zoomOnDoubleClick: false,
  colorMode: 'dark',
  snapToGrid: true,
  snapGrid: [GRID, GRID],
  fitView: true,
  fitViewOptions: { padding: 0.12, maxZoom: 1.25 },
  minZoom: 0.2,
  maxZoom: 2.5,
  defaultEdgeOptions: { type: 'shape' },
  proOptions: { hideAttribution: true },
} satisfies ReactFlowProps<FlowNode, ShapeFlowEdge>;

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

  const handlers = useCanvasHandlers(store);
  const adding = useCanvasAdding(store);
  const pan = usePanning();
  const frameOf = useFrameOf(store);
  useRevealSelection(state.selectedNodeId, state.revealSerial, frameOf);
  const className = ['canvas', far ? 'is-far' : '', pan.panning ? 'is-panning' : ''].filter(Boolean).join(' ');

  return (
    <div className={className} data-testid="canvas" onDoubleClick={adding.onDoubleClick} onPointerDownCapture={pan.onPointerDownCapture}>
      <FixContext value={applyFix}>
      <BlockActionsContext value={actions}>
      <ReactFlow<FlowNode, ShapeFlowEdge>
        {...flowOptions}
        {...handlers}
        nodes={flow.nodes}
        edges={flow.edges}
        onNodesChange={flow.onNodesChange}
        onEdgesChange={flow.onEdgesChange}
        onMoveStart={pan.onMoveStart}
        onMoveEnd={pan.onMoveEnd}
        // Zoomed in, only the layers in view are in the DOM: every other layer's details would cost
        // the compositor on each pan frame (500 layers: ~34 -> ~59 fps). Zoomed out they all stay,
        // as titled boxes, so a pan there does not mount and unmount layers at the edges.
        onlyRenderVisibleElements={!far}
        onDragOver={adding.onDragOver}
        onDrop={adding.onDrop}
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
