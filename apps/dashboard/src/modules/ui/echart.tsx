import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * A small ECharts wrapper: loads the library on first use (its own chunk), renders SVG without animation,
 * follows the container's size. Charts are decoration for sighted readers; callers give a table
 * or summary as the accessible equivalent.
 */
export function EChart({ option, height = 220, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<{ setOption: (o: EChartsCoreOption, notMerge?: boolean) => void; resize: () => void; dispose: () => void } | null>(null);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    // jsdom has no layout: skip drawing there; the accessible equivalent still renders.
    if (typeof ResizeObserver === 'undefined' || !el.current) return;
    void loadECharts().then((echarts) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current, undefined, { renderer: 'svg' });
      chart.current = c;
      c.setOption(still(option), true);
      observer = new ResizeObserver(() => c.resize());
      observer.observe(el.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart is created once; option changes are applied by the effect below.
  }, []);

  useEffect(() => {
    chart.current?.setOption(still(option), true);
  }, [option]);

  return <div ref={el} className="echart" style={{ height }} role="img" aria-label={label} />;
}

/**
 * Without ECharts' animations: the volume chart is redrawn for every search, and animating up to a
 * few hundred SVG bars kept the page busy while the results came in. On 100,000 items in headless
 * Chromium (bench/dashboard.bench.mjs, with and without, alternately), Enter to results on screen
 * went from a median of 170–215 ms to 139–162 ms, and from a p95 of 322–422 ms to 185–214 ms.
 */
function still(option: EChartsCoreOption): EChartsCoreOption {
  return { animation: false, ...option };
}

async function loadECharts() {
  return (await import('./echarts-setup.js')).echarts;
}
