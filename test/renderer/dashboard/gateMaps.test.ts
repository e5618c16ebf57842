// Gate maps: each gate of a watched LSTM or GRU becomes a labelled time-by-unit heat map on its
// natural range, and the run model keeps the gates that come with a watched or probed node.
import { describe, expect, it } from 'vitest';
import { gateImage, gateMaps } from '../../../renderer/dashboard/gateMaps.ts';
import { magma } from '../../../renderer/dashboard/pixels.ts';
import { initialRun, reduceRun } from '../../../renderer/dashboard/runModel.ts';
import { tensor } from './events.ts';

const pixel = (image: { width: number; pixels: Uint8ClampedArray }, x: number, y: number) => [...image.pixels.slice((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];

describe('gate maps', () => {
  it('draws an LSTM\'s four gates as labelled T-wide, unit-tall maps with what each gate does', () => {
    const gates = ['input', 'forget', 'candidate', 'output'].map((name) => ({ name, tensor: tensor([1, 5, 3], (index) => index / 15) }));
    const maps = gateMaps('LSTM', gates);
    expect(maps.map((map) => map.title)).toEqual(['Input gate i', 'Forget gate f', 'Cell candidate C̃', 'Output gate o']);
    expect(maps.every((map) => map.explanation.length > 20)).toBe(true);
    expect(maps[1].explanation).toMatch(/previous cell state is kept/);
    expect([maps[0].image.width, maps[0].image.height, maps[0].steps, maps[0].units]).toEqual([5, 3, 5, 3]);
    expect(maps[0].caption).toBe('0 to 1 · mean 0.47');
    expect(maps[2].caption).toBe('−1 to 1 · mean 0.47');
  });

  it('colors sigmoid gates on 0 to 1 and candidates on −1 to 1, whatever the values seen', () => {
    // Step 0 unit 0 is 0.5, step 1 unit 0 is 1: on 0..1 the first is mid-ramp, not the darkest.
    const image = gateImage([0.5, 0.5, 1, 1], 2, 2, 0, 1);
    expect(pixel(image, 0, 0)).toEqual([...magma(0.5)]);
    expect(pixel(image, 1, 1)).toEqual([...magma(1)]);
    const candidate = gateMaps('GRU', [{ name: 'candidate', tensor: tensor([1, 1, 2], (index) => (index === 0 ? -1 : 0)) }]);
    expect(pixel(candidate[0].image, 0, 0)).toEqual([...magma(0)]);
    expect(pixel(candidate[0].image, 0, 1)).toEqual([...magma(0.5)]);
  });

  it('names a GRU\'s gates as a GRU\'s, and draws nothing without gates', () => {
    const gates = ['reset', 'update', 'candidate'].map((name) => ({ name, tensor: tensor([1, 4, 2]) }));
    expect(gateMaps('GRU', gates).map((map) => map.title)).toEqual(['Reset gate r', 'Update gate z', 'Candidate n']);
    expect(gateMaps('LSTM', undefined)).toEqual([]);
    expect(gateMaps('LSTM', [{ name: 'input', tensor: { shape: [1, 4, 2], data: new ArrayBuffer(8) } }])).toEqual([]);
  });

  it('the run model keeps the gates of watched and probed nodes', () => {
    const gates = [{ name: 'input', tensor: tensor([1, 4, 2]) }];
    const watched = reduceRun(initialRun(), { type: 'watched', step: 7, nodeId: 'lstm1', sample: 0, tensor: tensor([1, 2]), gates });
    expect(watched.watched.lstm1.gates).toBe(gates);
    const probed = reduceRun(watched, { type: 'probed', requestId: 1, nodeId: 'lstm1', tensor: tensor([1, 2]), gates: [] });
    expect(probed.watched.lstm1.gates).toEqual([]);
  });
});
