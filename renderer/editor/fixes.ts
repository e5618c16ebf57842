// One-click fixes: what a diagnostic's `fix` says in a button, and the edit that applies it.
import { formatParamValue, paramDisplayName } from './nodeSummary.ts';
import { type DocumentFix, type Fix, type GraphDocument } from '../../engine/graph/index.ts';
import { removeElements } from './documentEdits.ts';
import { changeType, insertNodeOnEdge, setParam } from './nodeEdits.ts';

/** The button's text: "Insert Flatten", "Use kernel size 4×4", "Set Input to 28×28×1", "Choose a dataset". */
export function fixLabel(fix: Fix): string {
  switch (fix.kind) {
    case 'insertNode':
      return `Insert ${fix.type}`;
    case 'setParam':
      return `Use ${paramDisplayName(fix.field)} ${formatParamValue(fix.value)}`;
    case 'removeEdge':
      return 'Delete the edge';
    case 'changeType':
      return `Change to ${fix.type}`;
    case 'setInputShape':
      return `Set Input to ${fix.dims.join('×')}`;
    case 'setUnits':
      return `Set units to ${fix.units}`;
    case 'chooseDataset':
      return 'Choose a dataset';
  }
}

/** The edit a document fix makes (choosing a dataset is no edit: the shell opens its panel). */
export function applyFix(document: GraphDocument, fix: DocumentFix): GraphDocument {
  switch (fix.kind) {
    case 'insertNode':
      return insertNodeOnEdge(document, fix.edgeId, fix.type, fix.params)?.document ?? document;
    case 'setParam':
      return setParam(document, fix.nodeId, fix.field, fix.value);
    case 'removeEdge':
      return removeElements(document, new Set(), new Set([fix.edgeId]));
    case 'changeType':
      return changeType(document, fix.nodeId, fix.type);
    case 'setInputShape':
      return Object.entries(fix.params).reduce((edited, [field, value]) => setParam(edited, fix.nodeId, field, value), document);
    case 'setUnits':
      return setParam(document, fix.nodeId, 'units', fix.units);
  }
}
