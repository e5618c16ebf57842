// The settings chosen with the data: a CSV's label column, the normalization and the validation split.
import { useEffect, useState } from 'react';
import { normalizationOf, type GraphDocument, type Normalization } from '../../engine/graph/document.ts';
import type { DatasetPreviewPayload } from '../../engine/protocol/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { NORMALIZATION_CHOICES, offersNormalization, parseValidationSplit, withLabelColumn, withNormalization, withValidationSplit } from './datasetChoices.ts';

function LabelColumn({ store, document, preview }: { store: EditorStore; document: GraphDocument; preview: DatasetPreviewPayload | null }) {
  const dataset = document.dataset;
  if (dataset?.source !== 'file' || dataset.format !== 'csv' || preview?.table === undefined) return null;
  const choose = (value: string) => store.edit((current) => withLabelColumn(current, value === '' ? undefined : value), { label: 'Set label column' });
  return (
    <label className="dataset-setting">
      Label column
      <select value={dataset.labelColumn ?? ''} onChange={(event) => choose(event.target.value)} data-testid="dataset-label-column">
        <option value="">(none: every column is an input)</option>
        {preview.table.columns.map((column) => (
          <option key={column.name} value={column.name}>
            {column.name} ({column.type})
          </option>
        ))}
      </select>
    </label>
  );
}

function NormalizationChoice({ store, document, preview }: { store: EditorStore; document: GraphDocument; preview: DatasetPreviewPayload | null }) {
  const dataset = document.dataset;
  if (dataset === undefined || !offersNormalization(document, preview?.inputKind ?? null)) return null;
  const choose = (value: Normalization) => store.edit((current) => withNormalization(current, value), { label: 'Set normalization' });
  return (
    <label className="dataset-setting">
      Normalization
      <select value={normalizationOf(dataset)} onChange={(event) => choose(event.target.value as Normalization)} data-testid="dataset-normalization">
        {NORMALIZATION_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <span className="dataset-note">Per feature (per channel for images), fitted on the training split</span>
    </label>
  );
}

function ValidationSplit({ store, document }: { store: EditorStore; document: GraphDocument }) {
  const current = document.training.validationSplit;
  const [text, setText] = useState(String(current));
  useEffect(() => setText(String(current)), [current]);
  const parsed = parseValidationSplit(text);
  const commit = () => {
    if (parsed !== null && parsed !== current) store.edit((next) => withValidationSplit(next, parsed), { label: 'Set validation split' });
  };
  return (
    <label className="dataset-setting">
      Validation split
      <input
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
        aria-invalid={parsed === null}
        data-testid="dataset-validation-split"
      />
      <span className={parsed === null ? 'dataset-error' : 'dataset-note'}>{parsed === null ? 'A fraction from 0 to 0.9 (or 0–90%)' : `${Math.round(parsed * 100)}% held out to validate`}</span>
    </label>
  );
}

export function DatasetSettings({ store, document, preview }: { store: EditorStore; document: GraphDocument; preview: DatasetPreviewPayload | null }) {
  return (
    <div className="dataset-settings">
      <LabelColumn store={store} document={document} preview={preview} />
      <NormalizationChoice store={store} document={document} preview={preview} />
      <ValidationSplit store={store} document={document} />
    </div>
  );
}
