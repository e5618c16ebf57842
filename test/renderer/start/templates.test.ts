import { describe, expect, it } from 'vitest';
import { loadTemplates, orderTemplates, TEMPLATE_ORDER } from '../../../renderer/start/templates.ts';

describe('start page templates', () => {
  it('lists every example in course order, each with what it teaches and a picture of its layers', async () => {
    const templates = await loadTemplates();
    expect(templates.map((template) => template.name)).toEqual(TEMPLATE_ORDER);
    for (const template of templates) {
      expect(template.description.length).toBeGreaterThan(20);
      expect(template.thumbnail.boxes).toHaveLength(template.layerCount);
    }
    expect(templates[0]).toMatchObject({ name: 'xo-cnn', title: 'X vs O CNN', layerCount: 7 });
  });

  it('puts examples it does not know after the known ones, by name', () => {
    expect(orderTemplates(['zeta', 'lenet5', 'alpha', 'xo-cnn'])).toEqual(['xo-cnn', 'lenet5', 'alpha', 'zeta']);
  });
});
