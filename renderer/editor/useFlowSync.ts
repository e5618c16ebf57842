// Keeps React Flow's node and edge lists in step with the document, and its gestures with the store.
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EditorState } from '../document/editorStore.ts';
import { mergeFlowEdges, mergeFlowNodes, toFlowModel, type FlowNode, type MeasuredSize, type ShapeFlowEdge } from './flowModel.ts';
import { updateMeasuredSizes } from './measuredSizes.ts';

export interface FlowSync {
  readonly nodes: FlowNode[];
  readonly edges: ShapeFlowEdge[];
  onNodesChange(changes: NodeChange<FlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<ShapeFlowEdge>[]): void;
}

export function useFlowSync(state: Pick<EditorState, 'document' | 'analysis' | 'selectedNodeId' | 'selectedNodeIds'>): FlowSync {
  const [measured, setMeasured] = useState<ReadonlyMap<string, MeasuredSize>>(() => new Map());
  const model = useMemo(
    () => toFlowModel(state.document, state.analysis, { measured, selectedNodeId: state.selectedNodeId, selectedNodeIds: state.selectedNodeIds }),
    [state.document, state.analysis, state.selectedNodeId, state.selectedNodeIds, measured],
  );
  const [nodes, setNodes] = useState<FlowNode[]>(model.nodes);
  const [edges, setEdges] = useState<ShapeFlowEdge[]>(model.edges);
  const selectedNodeId = state.selectedNodeId;
  useEffect(() => setNodes((previous) => mergeFlowNodes(previous, model.nodes, selectedNodeId)), [model.nodes, selectedNodeId]);
  useEffect(() => setEdges((previous) => mergeFlowEdges(previous, model.edges)), [model.edges]);
  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    setNodes((previous) => applyNodeChanges(changes, previous));
    setMeasured((previous) => updateMeasuredSizes(previous, changes));
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<ShapeFlowEdge>[]) => setEdges((previous) => applyEdgeChanges(changes, previous)), []);
  return { nodes, edges, onNodesChange, onEdgesChange };
}
