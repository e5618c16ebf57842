// Train, Pause, Resume, Step and Stop, enabled per run state; the run's settings (epochs, batch,
// seed and validation split before a run, the learning rate before and during one); the backend
// to train on (before a run, or while one is paused: the switch ends it and the next Train goes on
// from its weights).
import type { BackendChoice, BackendOption } from './backendChoice.ts';
import { FIELD_RULES, type Controls, type SettingErrors, type SettingField, type SettingsDraft } from './runSettings.ts';

export interface RunControlsProps {
  readonly controls: Controls;
  /** The settings on show (the temperature for text models only). */
  readonly fields: readonly SettingField[];
  readonly draft: SettingsDraft;
  readonly errors: SettingErrors;
  /** The backend to train on, the choices the engine offers, and what they mean (hover). */
  readonly backend: BackendChoice;
  readonly backendOptions: readonly BackendOption[];
  readonly backendHint: string;
  readonly statusText: string;
  onDraftChange(field: SettingField, text: string): void;
  onBackendChange(choice: BackendChoice): void;
  /** The learning-rate field was committed (Enter or leaving it) during a run. */
  onLearningRateCommit(): void;
  onTrain(): void;
  onPause(): void;
  onResume(): void;
  onStep(): void;
  onStop(): void;
}

export function RunControls(props: RunControlsProps) {
  const { controls, errors } = props;
  const valid = Object.keys(errors).length === 0;
  return (
    <section className="run-controls" data-testid="run-controls">
      <div className="run-buttons">
        <button type="button" className="primary" disabled={!controls.train || !valid} onClick={props.onTrain} data-testid="run-train">
          Train
        </button>
        {controls.resume ? (
          <button type="button" onClick={props.onResume} data-testid="run-resume">
            Resume
          </button>
        ) : (
          <button type="button" disabled={!controls.pause} onClick={props.onPause} data-testid="run-pause">
            Pause
          </button>
        )}
        <button type="button" disabled={!controls.step} onClick={props.onStep} title="One training step (while paused)" data-testid="run-step">
          Step
        </button>
        <button type="button" className="danger" disabled={!controls.stop} onClick={props.onStop} data-testid="run-stop">
          Stop
        </button>
      </div>
      <div className="run-settings">
        {props.fields.map((field) => (
          <SettingInput key={field} field={field} {...props} />
        ))}
        <BackendSelect {...props} />
      </div>
      <div className="run-status">
        <span className="run-state" data-testid="run-state">
          {props.statusText}
        </span>
      </div>
    </section>
  );
}

const FIELD_HINTS: Partial<Record<SettingField, string>> = {
  temperature: 'Sampling temperature of the text generated each epoch: low repeats the likeliest characters, high takes chances',
};

function SettingInput({ field, draft, errors, controls, onDraftChange, onLearningRateCommit }: RunControlsProps & { field: SettingField }) {
  const isRate = field === 'learningRate';
  const editable = isRate ? controls.editLearningRate : controls.editSettings;
  const live = isRate && !controls.editSettings;
  const error = errors[field];
  return (
    <label className={error === undefined ? 'setting' : 'setting setting-invalid'} title={error ?? (live ? 'Press Enter to apply now' : FIELD_HINTS[field])}>
      <span>{FIELD_RULES[field].label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={draft[field]}
        disabled={!editable}
        aria-invalid={error !== undefined}
        data-testid={`setting-${field}`}
        onChange={(event) => onDraftChange(field, event.target.value)}
        onBlur={live ? onLearningRateCommit : undefined}
        onKeyDown={(event) => {
          if (live && event.key === 'Enter') onLearningRateCommit();
        }}
      />
    </label>
  );
}

function BackendSelect({ backend, backendOptions, backendHint, controls, onBackendChange }: RunControlsProps) {
  return (
    <label className="setting setting-backend" title={backendHint}>
      <span>Backend</span>
      <select value={backend} disabled={!controls.editSettings && !controls.resume} data-testid="setting-backend" onChange={(event) => onBackendChange(event.target.value as BackendChoice)}>
        {backendOptions.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled} title={option.hint}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
