// Generated damaged checkpoints: every header field of a real checkpoint given each kind of bad
// value (its checksum written again, so the field checks are what refuse it), random single bytes
// changed (the checksum refuses them), and files cut short. Each is used to evaluate and to resume.
import { readFileSync } from 'node:fs';
import { checksummed, withHeader } from '../engine/train/checkpointFixture.ts';
import type { CaseRequest } from './caseServer.ts';
import { integer, seededRandom, writeFile } from './workspace.ts';

const BAD_VALUES: readonly unknown[] = [null, -1, 'x', 1e308, 1.5, [], {}];
const TOP_FIELDS = ['format', 'batchSize', 'epoch', 'index', 'steps', 'trainers', 'tensors'];
const TENSOR_FIELDS = ['name', 'dtype', 'shape', 'offset', 'length'];
const TRAINER_FIELDS = ['step', 'learningRateOverride'];

type Header = Record<string, unknown> & { tensors: Record<string, unknown>[]; trainers: Record<string, unknown>[] };

function edits(): [string, (header: Header) => unknown][] {
  const list: [string, (header: Header) => unknown][] = [];
  for (const field of TOP_FIELDS) {
    list.push([`no ${field}`, ({ [field]: _, ...rest }) => rest]);
    for (const value of BAD_VALUES) list.push([`${field} = ${JSON.stringify(value)}`, (header) => ({ ...header, [field]: value })]);
  }
  for (const tensor of [0, 1, 2]) {
    for (const field of TENSOR_FIELDS) {
      for (const value of field === 'name' ? [...BAD_VALUES, 'm0/nowhere'] : BAD_VALUES) {
        list.push([`tensors[${tensor}].${field} = ${JSON.stringify(value)}`, (header) => ({ ...header, tensors: header.tensors.map((entry, index) => (index === tensor ? { ...entry, [field]: value } : entry)) })]);
      }
    }
  }
  for (const field of TRAINER_FIELDS) {
    for (const value of [-1, 'x', {}, [], true, ...(field === 'step' ? [1e308, null] : [])]) list.push([`trainers[0].${field} = ${JSON.stringify(value)}`, (header) => ({ ...header, trainers: [{ ...header.trainers[0], [field]: value }] })]);
  }
  list.push(['header null', () => null], ['header a list', () => []], ['header a number', () => 7]);
  return list;
}

/** Evaluating reads the weights only, so a damaged trainer shows when resuming. */
function command(index: number, graph: string, checkpoint: string, resume = false): string[] {
  return index % 2 === 0 && !resume ? ['eval', graph, '--weights', checkpoint] : ['train', graph, '--resume', checkpoint, '--steps', '1'];
}

/** Damaged copies of `source` (a checkpoint of `graph`): header edits, flipped bytes, cut files. */
export function checkpointCases(graph: string, source: string, flips: number, cuts: number): CaseRequest[] {
  const bytes = new Uint8Array(readFileSync(source));
  const random = seededRandom(19);
  const cases: CaseRequest[] = [];
  edits().forEach(([name, edit], index) => {
    const path = writeFile(`checkpoints/header-${index}.ckpt`, withHeader(bytes, (header) => edit(header as Header)));
    cases.push({ id: `checkpoint ${name}`, argv: command(index, graph, path, name.includes('trainers')) });
  });
  for (let index = 0; index < flips; index++) {
    const damaged = bytes.slice();
    const at = integer(random, 0, bytes.length - 1);
    damaged[at] ^= integer(random, 1, 255);
    cases.push({ id: `checkpoint byte ${at} changed`, argv: command(index, graph, writeFile(`checkpoints/flip-${index}.ckpt`, damaged)) });
  }
  for (let index = 0; index < cuts; index++) {
    const length = integer(random, 0, bytes.length - 1);
    cases.push({ id: `checkpoint cut to ${length} bytes`, argv: command(index, graph, writeFile(`checkpoints/cut-${index}.ckpt`, bytes.subarray(0, length))) });
  }
  cases.push({ id: 'checkpoint with its checksum rewritten over a changed byte', argv: command(0, graph, writeFile('checkpoints/rechecked.ckpt', checksummed(Uint8Array.from(bytes, (value, at) => (at === 7 ? value ^ 0x40 : value))))) });
  return cases;
}
