// One editable param: a number field, checkbox, select or a row of int fields, per its ParamSpec.
// Typed text reaches the document only when it is in range; the doc line is the help text.
import { useRef, useState } from 'react';
import { paramDisplayName } from './nodeSummary.ts';
import { parseListEntry, parseNumber, resizeList, type ParamControl, type Parsed } from './paramEditing.ts';

export interface ParamCommit {
  (value: unknown, mergeKey?: string): void;
}

interface TextFieldProps {
  readonly value: string;
  readonly label: string;
  readonly parse: (text: string) => Parsed<unknown>;
  readonly onCommit: ParamCommit;
  readonly onProblem: (message: string | null) => void;
  readonly bounds?: { readonly min: number; readonly max: number; readonly integer: boolean };
}

/** A number typed digit by digit commits as it goes, as one undo step per focus. */
function NumberText({ value, label, parse, onCommit, onProblem, bounds }: TextFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const focus = useRef(0);
  return (
    <input
      type="number"
      inputMode="decimal"
      aria-label={label}
      value={draft ?? value}
      min={bounds?.min}
      max={bounds?.max}
      step={bounds?.integer === true ? 1 : 'any'}
      onFocus={() => (focus.current += 1)}
      onChange={(event) => {
        setDraft(event.target.value);
        const parsed = parse(event.target.value);
        onProblem(parsed.ok ? null : parsed.message);
        if (parsed.ok) onCommit(parsed.value, `${label}#${focus.current}`);
      }}
      onBlur={() => {
        setDraft(null);
        onProblem(null);
      }}
    />
  );
}

function ListFields({ control, onCommit, onProblem }: { control: Extract<ParamControl, { kind: 'list' }>; onCommit: ParamCommit; onProblem: (message: string | null) => void }) {
  const label = paramDisplayName(control.name);
  const grow = resizeList(control.value, control.value.length + 1, control);
  const shrink = resizeList(control.value, control.value.length - 1, control);
  return (
    <span className="param-list">
      {control.value.map((item, index) => (
        <NumberText key={index} value={String(item)} label={`${label} ${index + 1}`} bounds={{ min: control.min, max: control.max, integer: true }} parse={(text) => parseListEntry(control.value, index, text, control)} onCommit={onCommit} onProblem={onProblem} />
      ))}
      {control.maxLength > 2 && grow !== null && (
        <button type="button" className="param-list-button" onClick={() => onCommit(grow)} aria-label={`Add an entry to ${label}`}>
          +
        </button>
      )}
      {control.maxLength > 2 && shrink !== null && (
        <button type="button" className="param-list-button" onClick={() => onCommit(shrink)} aria-label={`Remove the last entry of ${label}`}>
          −
        </button>
      )}
    </span>
  );
}

function Control({ control, onCommit, onProblem }: { control: ParamControl; onCommit: ParamCommit; onProblem: (message: string | null) => void }) {
  const label = paramDisplayName(control.name);
  switch (control.kind) {
    case 'number':
      return <NumberText value={String(control.value)} label={label} bounds={control} parse={(text) => parseNumber(text, control)} onCommit={onCommit} onProblem={onProblem} />;
    case 'checkbox':
      return <input type="checkbox" aria-label={label} checked={control.value} onChange={(event) => onCommit(event.target.checked)} />;
    case 'select':
      return (
        <select aria-label={label} value={control.value} onChange={(event) => onCommit(event.target.value)}>
          {control.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case 'list':
      return <ListFields control={control} onCommit={onCommit} onProblem={onProblem} />;
  }
}

export function ParamField({ control, problem, onCommit }: { control: ParamControl; problem: string | null; onCommit: ParamCommit }) {
  const [typing, setTyping] = useState<string | null>(null);
  const shown = typing ?? problem;
  return (
    <div className={`param-field ${control.isDefault ? 'is-default' : ''} ${shown !== null ? 'has-error' : ''}`} data-testid="param-field" data-param={control.name}>
      <label className="param-name" title={control.doc}>
        {paramDisplayName(control.name)}
      </label>
      <div className="param-control">
        <Control control={control} onCommit={onCommit} onProblem={setTyping} />
      </div>
      <p className={shown !== null ? 'param-problem' : 'param-doc'}>{shown ?? control.doc}</p>
    </div>
  );
}
