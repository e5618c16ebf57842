// The run settings as typed, starting from the graph's training settings and following them when
// the graph changes them; and the backend to train on, kept between sessions like the other
// preferences (it applies from the next Train, no reload).
import { useState } from 'react';
import type { TrainingSettings } from '../../engine/graph/index.ts';
import type { BackendName } from '../../engine/protocol/index.ts';
import { createLocalTextSlot, type TextSlot } from '../platform/blockLibraryStorage.ts';
import { BACKEND_CHOICE_KEY, backendSetting, effectiveChoice, parseBackendChoice, type BackendChoice } from './backendChoice.ts';
import { draftFrom, parseDraft, SETTING_FIELDS, type SettingField, type SettingsDraft } from './runSettings.ts';

let backendSlot: TextSlot | null = null;

function storedBackend(): TextSlot {
  backendSlot ??= createLocalTextSlot(BACKEND_CHOICE_KEY);
  return backendSlot;
}

/** `available`: the backends the engine lists (its `hello`); a stored choice it lacks trains on Automatic. */
export function useSettingsDraft(training: TrainingSettings, fields: readonly SettingField[] = SETTING_FIELDS, available: readonly BackendName[] = []) {
  const base = draftFrom(training);
  const baseKey = JSON.stringify(base);
  const [state, setState] = useState({ baseKey, draft: base });
  const [chosenBackend, setChosenBackend] = useState(() => parseBackendChoice(storedBackend().read()));
  let current = state;
  if (state.baseKey !== baseKey) {
    // The graph's settings changed: adjust during render (React's pattern for derived state).
    current = { baseKey, draft: base };
    setState(current);
  }
  const change = (field: SettingField, text: string) => setState((previous) => ({ ...previous, draft: { ...previous.draft, [field]: text } }));
  const changeBackend = (choice: BackendChoice) => {
    storedBackend().write(choice);
    setChosenBackend(choice);
  };
  const backend = effectiveChoice(chosenBackend, available);
  const parsed = parseDraft(current.draft, fields);
  return { draft: current.draft as SettingsDraft, errors: parsed.errors, settings: { ...parsed.settings, ...backendSetting(backend) }, change, backend, changeBackend };
}
