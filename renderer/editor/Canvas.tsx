// The React Flow canvas: renders the document, and turns drags, drops and connections into edits.
import { Background, BackgroundVariant, ControlButton, Controls, MiniMap, ReactFlow, useStore, type ReactFlowProps } from '@xyflow/react';
import { useMemo, useState } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { keyNames } from '../document/shortcuts.ts';
import { useEditorState } from '../document/useEditorState.ts';
import { BlockActionsContext, blockActions } from './blockActions.ts';
import { BlockFrame } from './BlockFrame.tsx';
import { CollapsedBlockNode } from './CollapsedBlockNode.tsx';
import { CanvasActions } from './CanvasActions.tsx';
import { boundsOf, clearOfNodes, fitViewOptions, graphOutOfView, MINIMAP, minimapBox, minimapFits } from './canvasView.ts';
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

const minimapStyle = { width: MINIMAP.width, height: MINIMAP.height };
const MINIMAP_KEY = 'netloom.canvas.minimap';
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
  fitViewOptions,
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

/**
 * The minimap: shown while part of the graph is out of view (with all of it in view the map tells
 * nothing) on a canvas with room for it, and only while no layer is under its corner, unless the
 * user hid it (remembered).
 */
function useMinimap(): { shown: boolean; hidden: boolean; toggle: () => void } {
  const fits = useStore((flowState) => {
    const { width, height, transform, nodeLookup } = flowState;
    if (!minimapFits(width, height) || !graphOutOfView(boundsOf(nodeLookup.values()), transform, width, height)) return false;
    return clearOfNodes(minimapBox(width, height), nodeLookup.values(), transform);
  });
  const [hidden, setHidden] = useState(() => localStorage.getItem(MINIMAP_KEY) === 'hidden');
  const toggle = () => {
    localStorage.setItem(MINIMAP_KEY, hidden ? 'shown' : 'hidden');
    setHidden(!hidden);
  };
  return { shown: fits && !hidden, hidden, toggle };
}

/** Zoom, Fit View (never past the readable zoom) and the minimap with its show/hide button. */
function ViewControls() {
  const minimap = useMinimap();
  const label = minimap.hidden ? 'Show the minimap' : 'Hide the minimap';
  return (
    <>
      {minimap.shown && <MiniMap pannable zoomable style={minimapStyle} nodeColor={minimapColor} nodeStrokeWidth={0} maskColor="rgba(8, 10, 14, 0.72)" />}
      <Controls showInteractive={false} fitViewOptions={fitViewOptions}>
        <ControlButton onClick={minimap.toggle} title={label} aria-label={label} aria-pressed={!minimap.hidden} data-testid="minimap-toggle">
          ▭
        </ControlButton>
      </Controls>
    </>
  );
}

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
        <ViewControls />
        <CanvasActions store={store} />
        <ConnectionHint store={store} />
      </ReactFlow>
      </BlockActionsContext>
      </FixContext>
      {adding.quickAdd !== null && <QuickAdd left={adding.quickAdd.left} top={adding.quickAdd.top} onPick={adding.pickQuickAdd} onClose={adding.closeQuickAdd} />}
    </div>
  );
}
