// A small line chart for the labs: a few named series against step, in SVG, with a legend.
export interface ChartSeries {
  readonly label: string;
  readonly colour: string;
  readonly steps: readonly number[];
  readonly values: readonly number[];
}

const WIDTH = 360;
const HEIGHT = 150;
const PAD = 28;

function finiteRange(series: readonly ChartSeries[], fixed?: readonly [number, number]): [number, number] {
  if (fixed !== undefined) return [fixed[0], fixed[1]];
  const values = series.flatMap((line) => line.values).filter(Number.isFinite);
  if (values.length === 0) return [0, 1];
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low === high ? [low - 0.5, high + 0.5] : [low, high];
}

export function LineChart({ title, series, range, testId }: { title: string; series: readonly ChartSeries[]; range?: readonly [number, number]; testId?: string }) {
  const steps = series.flatMap((line) => line.steps);
  const [first, last] = steps.length === 0 ? [0, 1] : [Math.min(...steps), Math.max(...steps, Math.min(...steps) + 1)];
  const [low, high] = finiteRange(series, range);
  const x = (step: number) => PAD + ((step - first) / (last - first)) * (WIDTH - PAD - 8);
  const y = (value: number) => 8 + (1 - (Math.min(high, Math.max(low, value)) - low) / (high - low)) * (HEIGHT - PAD);
  return (
    <figure className="learn-line-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={title}>
        <line className="learn-axis" x1={PAD} y1={HEIGHT - PAD + 8} x2={WIDTH - 8} y2={HEIGHT - PAD + 8} />
        <line className="learn-axis" x1={PAD} y1={8} x2={PAD} y2={HEIGHT - PAD + 8} />
        <text className="learn-tick" x={2} y={14}>{high.toFixed(2)}</text>
        <text className="learn-tick" x={2} y={HEIGHT - PAD + 8}>{low.toFixed(2)}</text>
        <text className="learn-tick" x={WIDTH - 70} y={HEIGHT - 4}>step {last}</text>
        {series.map((line) => (
          <polyline
            key={line.label}
            fill="none"
            stroke={line.colour}
            strokeWidth={2}
            points={line.steps.map((step, index) => (Number.isFinite(line.values[index]) ? `${x(step).toFixed(1)},${y(line.values[index]).toFixed(1)}` : '')).join(' ')}
          />
        ))}
      </svg>
      <div className="learn-key-list">
        {series.map((line) => (
          <span key={line.label}>
            <i style={{ background: line.colour }} /> {line.label}
          </span>
        ))}
      </div>
    </figure>
  );
}
