import { describe, expect, it } from 'vitest';
import { layerCatalog, type ParamSpec } from '../../../engine/graph/index.ts';
import { paramControl, parseListEntry, parseNumber, resizeList, shareOfNetwork } from '../../../renderer/editor/paramEditing.ts';

function spec(type: string, name: string): ParamSpec {
  const param = layerCatalog.get(type)?.params[name];
  if (param === undefined) throw new Error(`${type} has no ${name}`);
  return param;
}

describe('param editing', () => {
  it('picks the control for each ParamSpec kind, with doc and bounds', () => {
    const units = paramControl('units', spec('Dense', 'units'), { units: 10 });
    expect(units).toMatchObject({ kind: 'number', value: 10, integer: true, isDefault: false });
    expect(units.doc).not.toBe('');
    expect(paramControl('kernelSize', spec('Conv2D', 'kernelSize'), {})).toMatchObject({ kind: 'list', value: [3, 3], isDefault: true, minLength: 1, maxLength: 2 });
    expect(paramControl('padding', spec('Conv2D', 'padding'), { padding: 'same' })).toMatchObject({ kind: 'select', value: 'same' });
    expect(paramControl('useBias', spec('Dense', 'useBias'), { useBias: false })).toMatchObject({ kind: 'checkbox', value: false });
    expect(paramControl('rate', spec('Dropout', 'rate'), {})).toMatchObject({ kind: 'number', integer: false });
  });

  it('shows the default for a stored value the spec rejects', () => {
    expect(paramControl('units', spec('Dense', 'units'), { units: -4 })).toMatchObject({ kind: 'number', value: spec('Dense', 'units').default, isDefault: false });
  });

  it('enforces min, max and whole numbers on typed text', () => {
    const bounds = { min: 1, max: 100, integer: true };
    expect(parseNumber(' 42 ', bounds)).toEqual({ ok: true, value: 42 });
    expect(parseNumber('0', bounds)).toMatchObject({ ok: false, message: expect.stringContaining('between 1 and 100') as string });
    expect(parseNumber('101', bounds).ok).toBe(false);
    expect(parseNumber('2.5', bounds)).toMatchObject({ ok: false, message: expect.stringContaining('whole') as string });
    expect(parseNumber('', bounds).ok).toBe(false);
    expect(parseNumber('abc', bounds).ok).toBe(false);
    expect(parseNumber('0.25', { min: 0, max: 1, integer: false })).toEqual({ ok: true, value: 0.25 });
  });

  it('edits one entry of an int list, and resizes it within its lengths', () => {
    expect(parseListEntry([3, 3], 1, '5', { min: 1, max: 11 })).toEqual({ ok: true, value: [3, 5] });
    expect(parseListEntry([3, 3], 0, '12', { min: 1, max: 11 }).ok).toBe(false);
    expect(resizeList([3], 2, { minLength: 1, maxLength: 2 })).toEqual([3, 3]);
    expect(resizeList([3, 4], 1, { minLength: 1, maxLength: 2 })).toEqual([3]);
    expect(resizeList([3, 4], 3, { minLength: 1, maxLength: 2 })).toBeNull();
  });

  it('says a layer\'s share of the network\'s parameters', () => {
    expect(shareOfNetwork(1234, 10000)).toBe('1,234 of 10,000 (12%)');
    expect(shareOfNetwork(5, 10000)).toBe('5 of 10,000 (0.05%)');
    expect(shareOfNetwork(0, 0)).toBe('0');
  });
});
