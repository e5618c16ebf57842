// A function and its derivative on [-6, 6], with the regions where the gradient vanishes or is zero
// shaded; optionally a histogram of a real layer's inputs drawn under the curves.
import type { ActivationInputStats } from '../../engine/protocol/index.ts';
import { activation, gradientRegions, type ActivationName } from './activations.ts';

const WIDTH = 560;
const HEIGHT = 300;
const FROM = -6;
const TO = 6;

function path(values: (x: number) => number, low: number, high: number): string {
  const points: string[] = [];
  for (let index = 0; index <= 240; index++) {
    const x = FROM + ((TO - FROM) * index) / 240;
    const y = Math.min(high, Math.max(low, values(x)));
    points.push(`${index === 0 ? 'M' : 'L'}${(((x - FROM) / (TO - FROM)) * WIDTH).toFixed(1)},${(HEIGHT - ((y - low) / (high - low)) * HEIGHT).toFixed(1)}`);
  }
  return points.join(' ');
}

function xPixel(x: number): number {
  return ((x - FROM) / (TO - FROM)) * WIDTH;
}

/** Bars of the inputs' histogram from the bottom, the fullest bin half the plot's height. */
function HistogramBars({ stats }: { stats: ActivationInputStats }) {
  const { counts, min, max } = stats.histogram;
  const largest = Math.max(1, ...counts);
  const width = (xPixel(max) - xPixel(min)) / counts.length;
  return (
    <g data-testid="activation-histogram">
      {counts.map((count, index) => {
        const height = (count / largest) * HEIGHT * 0.5;
        return <rect key={index} className="learn-histogram-bar" x={xPixel(min) + index * width + 0.5} y={HEIGHT - height} width={Math.max(0.5, width - 1)} height={height} data-count={count} />;
      })}
    </g>
  );
}

export function ActivationPlot({ name, inputs }: { name: ActivationName; inputs?: ActivationInputStats }) {
  const entry = activation(name);
  const [low, high] = name === 'linear' || name === 'relu' || name === 'leakyRelu' || name === 'gelu' ? [-2, 6] : [-1.2, 1.2];
  const zeroY = HEIGHT - ((0 - low) / (high - low)) * HEIGHT;
  return (
    <svg className="learn-plot" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${entry.label} and its derivative`} data-testid="activation-plot">
      {gradientRegions(name).map((region) => (
        <rect key={`${region.kind}${region.from}`} className={`learn-region-${region.kind}`} x={xPixel(region.from)} y={0} width={Math.max(1, xPixel(region.to) - xPixel(region.from))} height={HEIGHT} data-region={region.kind} />
      ))}
      {inputs !== undefined && <HistogramBars stats={inputs} />}
      <line className="learn-axis" x1={0} x2={WIDTH} y1={zeroY} y2={zeroY} />
      <line className="learn-axis" x1={xPixel(0)} x2={xPixel(0)} y1={0} y2={HEIGHT} />
      <path className="learn-curve" d={path(entry.value, low, high)} />
      <path className="learn-derivative" d={path(entry.derivative, low, high)} />
      {[-6, -3, 0, 3, 6].map((x) => (
        <text key={x} className="learn-tick" x={Math.min(WIDTH - 12, Math.max(2, xPixel(x) - 4))} y={Math.min(HEIGHT - 4, zeroY + 14)}>
          {x}
        </text>
      ))}
    </svg>
  );
}
