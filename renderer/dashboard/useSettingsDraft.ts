// The run settings as typed, starting from the graph's training settings and following them when
// the graph changes them.
import { useState } from 'react';
import type { TrainingSettings } from '../../engine/graph/index.ts';
import { draftFrom, parseDraft, SETTING_FIELDS, type SettingField, type SettingsDraft } from './runSettings.ts';

export function useSettingsDraft(training: TrainingSettings, fields: readonly SettingField[] = SETTING_FIELDS) {
  const base = draftFrom(training);
  const baseKey = JSON.stringify(base);
  const [state, setState] = useState({ baseKey, draft: base });
  let current = state;
  if (state.baseKey !== baseKey) {
    // The graph's settings changed: adjust during render (React's pattern for derived state).
    current = { baseKey, draft: base };
    setState(current);
  }
  const change = (field: SettingField, text: string) => setState((previous) => ({ ...previous, draft: { ...previous.draft, [field]: text } }));
  const parsed = parseDraft(current.draft, fields);
  return { draft: current.draft as SettingsDraft, errors: parsed.errors, settings: parsed.settings, change };
}
