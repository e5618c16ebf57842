// A small React wrapper over uPlot: created on mount (and when its options change), updated with
// setData, resized with its box, destroyed on unmount. Drag to zoom; double-click resets, and
// while zoomed new data does not reset the view.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UPlotChartProps {
  /** Everything but the size; a new object rebuilds the chart, so memoize it. */
  readonly options: Omit<uPlot.Options, 'width' | 'height'>;
  readonly data: uPlot.AlignedData;
  readonly height: number;
  readonly className?: string;
  readonly testId?: string;
}

export function UPlotChart({ options, data, height, className, testId }: UPlotChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef(data);
  const zoomed = useRef(false);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const markZoom = (plot: uPlot) => {
      if (plot.select.width > 0) zoomed.current = true;
    };
    const hooks = { ...options.hooks, setSelect: [...(options.hooks?.setSelect ?? []), markZoom] };
    const plot = new uPlot({ ...options, hooks, width: Math.max(120, element.clientWidth), height }, latest.current, element);
    chart.current = plot;
    zoomed.current = false;
    const unzoom = () => (zoomed.current = false);
    element.addEventListener('dblclick', unzoom);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(120, element.clientWidth), height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      element.removeEventListener('dblclick', unzoom);
      plot.destroy();
      chart.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    latest.current = data;
    chart.current?.setData(data, !zoomed.current);
  }, [data]);

  return <div ref={container} className={className ?? 'uplot-host'} data-testid={testId} />;
}
