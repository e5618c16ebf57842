// One chart of the gradient lab: each network's norms relative to the one nearest the loss, on a
// log scale, with the same networks at the study's first report faint and dashed beneath.
import type { GradientCurve } from '../../engine/protocol/index.ts';
import { Subscripted } from './Subscripted.tsx';
import { curvePath, decadeRange, decadeTicks, indexX, logY, relativeNorms, type ChartBox } from './gradientStudy.ts';

const BOX: ChartBox = { width: 560, height: 300, left: 52, top: 12, bottom: 38 };

/** A network's colour class, by its name. */
export function curveClass(name: string): string {
  return `learn-net-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

function xLabels(count: number, kind: GradientCurve['kind']): number[] {
  if (kind === 'depth') return Array.from({ length: count }, (_, index) => index);
  return Array.from({ length: count }, (_, index) => index).filter((index) => index === 0 || (index + 1) % 5 === 0);
}

export function GradientChart({ title, curves, start, testId }: { title: string; curves: readonly GradientCurve[]; start: readonly GradientCurve[]; testId: string }) {
  const relative = curves.map((curve) => relativeNorms(curve.norms));
  const initial = start.map((curve) => relativeNorms(curve.norms));
  const decades = decadeRange([...relative.flat(), ...initial.flat()]);
  const count = curves[0]?.norms.length ?? start[0]?.norms.length ?? 0;
  const kind = curves[0]?.kind ?? 'time';
  const plotBottom = BOX.height - BOX.bottom;
  return (
    <figure className="learn-chart" data-testid={testId}>
      <figcaption>
        <Subscripted text={title} />
      </figcaption>
      <svg className="learn-plot learn-gradient-plot" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={title}>
        {decadeTicks(decades).map((exponent) => {
          const y = logY(10 ** exponent, decades, BOX);
          return (
            <g key={exponent}>
              <line className={exponent === 0 ? 'learn-axis' : 'learn-gridline'} x1={BOX.left} x2={BOX.width - 4} y1={y} y2={y} />
              <text className="learn-tick" x={4} y={y + 4}>
                {exponent === 0 ? '1' : `10${superscript(exponent)}`}
              </text>
            </g>
          );
        })}
        <line className="learn-axis" x1={BOX.left} x2={BOX.left} y1={BOX.top} y2={plotBottom} />
        {xLabels(count, kind).map((index) => (
          <text key={index} className="learn-tick" x={indexX(index, count, BOX)} y={plotBottom + 16} textAnchor="middle">
            {index + 1}
          </text>
        ))}
        <text className="learn-tick" x={BOX.width - 8} y={BOX.height - 3} textAnchor="end">
          {kind === 'time' ? 'time step t →' : 'layer →'}
        </text>
        {start.map((curve, index) => (
          <path key={`start-${curve.name}`} className={`learn-gradient-start ${curveClass(curve.name)}`} d={curvePath(initial[index], decades, BOX)} />
        ))}
        {curves.map((curve, index) => (
          <path key={curve.name} className={`learn-gradient-curve ${curveClass(curve.name)}`} d={curvePath(relative[index], decades, BOX)} data-curve={curve.name} data-first={relative[index][0]} />
        ))}
      </svg>
    </figure>
  );
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(exponent: number): string {
  const digits = String(Math.abs(exponent))
    .split('')
    .map((digit) => SUPERSCRIPTS[Number(digit)])
    .join('');
  return `${exponent < 0 ? '⁻' : ''}${digits}`;
}
