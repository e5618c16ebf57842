import { describe, expect, it } from 'vitest';
import { inspectNode } from '../../../renderer/editor/inspectorModel.ts';
import { denseOnImage, example } from '../documents.ts';

describe('inspectNode', () => {
  const { document, analysis } = example('xo-cnn');

  it('describes a layer: type, category, shapes, count, concept', () => {
    const conv = inspectNode(document, analysis, 'conv2d1');
    expect(conv).toMatchObject({
      id: 'conv2d1',
      type: 'Conv2D',
      category: 'Convolution',
      inputShapes: [{ port: 'in', shape: '9×9×1' }],
      outputShape: '7×7×4',
      parameterCount: 40,
      groupName: null,
      problems: [],
    });
    expect(conv?.concept).toMatch(/filter/);
  });

  it('lists every param, marking the ones left at their default', () => {
    const params = inspectNode(document, analysis, 'conv2d1')?.params ?? [];
    expect(params.find((param) => param.name === 'filters')).toMatchObject({ displayName: 'filters', value: '4', isDefault: false, problem: null });
    expect(params.find((param) => param.name === 'stride')).toMatchObject({ value: '1×1', isDefault: true });
    expect(params.every((param) => param.doc.length > 0)).toBe(true);
  });

  it("shows a node's problems", () => {
    const broken = denseOnImage();
    const dense = inspectNode(broken.document, broken.analysis, 'dense1');
    expect(dense?.problems.map((problem) => problem.message)).toContain('Dense expects a vector, but receives an image (28×28×1).');
    expect(dense?.outputShape).toBeNull();
  });

  it('returns null for a node that is not there', () => {
    expect(inspectNode(document, analysis, 'nothing')).toBeNull();
  });
});
