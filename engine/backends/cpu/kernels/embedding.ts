// embedding: output[..., :] = table[id, :] for each i32 id; embeddingBackward scatter-adds the
// gradient rows into a zeroed table gradient (an id seen twice gets both).
import type { OpOf } from '../../../ir/index.ts';
import { expectRank, expectShape, floats, integers, type CpuTensor } from '../tensor.ts';

function checkId(id: number, vocabulary: number, position: number): void {
  if (id < 0 || id >= vocabulary) throw new RangeError(`embedding: id ${id} at position ${position} is outside the vocabulary of ${vocabulary} (ids run 0 to ${vocabulary - 1}).`);
}

export function embedding(_op: OpOf<'embedding'>, [idTensor, tableTensor]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  expectRank(tableTensor, 2, 'embedding table');
  const [vocabulary, dimension] = tableTensor.shape;
  expectShape(output, [...idTensor.shape, dimension], 'embedding output');
  const [ids, table, y] = [integers(idTensor, 'embedding ids'), floats(tableTensor, 'embedding table'), floats(output, 'embedding output')];
  for (let position = 0; position < ids.length; position++) {
    const id = ids[position];
    checkId(id, vocabulary, position);
    for (let feature = 0; feature < dimension; feature++) y[position * dimension + feature] = table[id * dimension + feature];
  }
}

export function embeddingBackward(_op: OpOf<'embeddingBackward'>, [idTensor, dOutput]: readonly CpuTensor[], [dTable]: readonly CpuTensor[]): void {
  expectRank(dTable, 2, 'embeddingBackward dTable');
  const [vocabulary, dimension] = dTable.shape;
  expectShape(dOutput, [...idTensor.shape, dimension], 'embeddingBackward dOutput');
  const [ids, dy, dt] = [integers(idTensor, 'embeddingBackward ids'), floats(dOutput, 'embeddingBackward dOutput'), floats(dTable, 'embeddingBackward dTable')];
  dt.fill(0);
  for (let position = 0; position < ids.length; position++) {
    const id = ids[position];
    checkId(id, vocabulary, position);
    for (let feature = 0; feature < dimension; feature++) dt[id * dimension + feature] += dy[position * dimension + feature];
  }
}
