// A classifier's pictures: the confusion matrix, the clicked cell's examples and the most wrong.
// Closing the examples puts focus back on the cell that opened them.
import { useCallback, useRef } from 'react';
import { ConfusionExamples } from './ConfusionExamples.tsx';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { MostWrong } from './MostWrong.tsx';
import type { ConfusionExamples as Examples } from './useConfusionExamples.ts';

export interface ClassifierViewsProps {
  readonly matrix: readonly (readonly number[])[];
  readonly epoch: number;
  readonly examples: Examples;
  onCellClick?(truth: number, predicted: number): void;
}

export function ClassifierViews({ matrix, epoch, examples, onCellClick }: ClassifierViewsProps) {
  const matrixBox = useRef<HTMLDivElement>(null);
  const query = examples.cell.query;
  const selected = query?.kind === 'cell' ? query : null;
  const { closeCell } = examples;
  const close = useCallback(() => {
    if (selected !== null) matrixBox.current?.querySelector<HTMLButtonElement>(`[data-truth="${selected.truth}"][data-predicted="${selected.predicted}"]`)?.focus();
    closeCell();
  }, [selected, closeCell]);
  const open = (truth: number, predicted: number) => {
    examples.openCell(truth, predicted);
    onCellClick?.(truth, predicted);
  };
  return (
    <>
      <div ref={matrixBox} className="confusion-box">
        <ConfusionMatrix matrix={matrix} epoch={epoch} classNames={examples.classNames} selected={selected} onCellClick={open} />
      </div>
      <ConfusionExamples examples={examples.cell} classNames={examples.classNames} matrixCount={selected === null ? undefined : matrix[selected.truth]?.[selected.predicted]} onClose={close} />
      <MostWrong examples={examples.mostWrong} onRefresh={examples.refreshMostWrong} />
    </>
  );
}
