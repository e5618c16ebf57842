// The preview before training: what the data implies for the graph (input shape, classes), the
// class counts with imbalance flagged, and a look at the examples (images, rows or text).
import type { DatasetPreviewPayload } from '../../engine/protocol/index.ts';
import { formatShape } from './datasetChoices.ts';
import { PreviewImages } from './PreviewImages.tsx';

function Implied({ preview }: { preview: DatasetPreviewPayload }) {
  return (
    <dl className="dataset-facts" data-testid="dataset-facts">
      <dt>Examples</dt>
      <dd data-testid="dataset-count">{preview.count.toLocaleString('en-US')}</dd>
      <dt>Input shape</dt>
      <dd data-testid="dataset-shape">{formatShape(preview.inputDims)}</dd>
      <dt>{preview.targetKind === 'token' ? 'Vocabulary' : 'Classes'}</dt>
      <dd data-testid="dataset-classes">{preview.classes ?? (preview.targetKind === 'value' ? 'none (values)' : 'none')}</dd>
    </dl>
  );
}

function ClassCounts({ preview }: { preview: DatasetPreviewPayload }) {
  const counts = preview.classCounts;
  const names = preview.classNames;
  if (counts === undefined || names === undefined) return null;
  const largest = Math.max(1, ...counts);
  const imbalance = preview.imbalance;
  return (
    <section className="dataset-counts" data-testid="dataset-counts">
      <h3>Examples per class</h3>
      {imbalance?.flagged === true && (
        <p className="dataset-warning" data-testid="dataset-imbalance">
          Imbalanced: the largest class has {Number.isFinite(imbalance.ratio) ? `${imbalance.ratio.toFixed(1)}×` : 'examples where another has none, infinitely'} the examples of the smallest. Accuracy can look good by always guessing the large class.
        </p>
      )}
      <ul>
        {names.map((name, index) => (
          <li key={name}>
            <span className="dataset-count-name">{name}</span>
            <span className="dataset-count-bar" style={{ width: `${(100 * counts[index]) / largest}%` }} />
            <span className="dataset-count-value">{counts[index].toLocaleString('en-US')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Table({ table }: { table: NonNullable<DatasetPreviewPayload['table']> }) {
  return (
    <div className="dataset-table-scroll">
      <table className="dataset-table" data-testid="dataset-table">
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.name} className={`role-${column.role}`}>
                {column.name}
                <span className="dataset-column-type">
                  {column.type}
                  {column.role === 'input' ? '' : ` · ${column.role}`}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((value, column) => (
                <td key={column}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DatasetPreview({ preview }: { preview: DatasetPreviewPayload }) {
  return (
    <div className="dataset-preview" data-testid="dataset-preview">
      <Implied preview={preview} />
      {preview.images !== undefined && <PreviewImages images={preview.images} />}
      {preview.table !== undefined && <Table table={preview.table} />}
      {preview.text !== undefined && <pre className="dataset-text">{preview.text}</pre>}
      <ClassCounts preview={preview} />
    </div>
  );
}
