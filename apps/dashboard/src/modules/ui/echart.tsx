import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * A small ECharts wrapper: loads the library on first use (its own chunk), renders on a canvas,
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
      c.setOption(option, true);
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
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={el} className="echart" style={{ height }} role="img" aria-label={label} />;
}

async function loadECharts() {
  return (await import('./echarts-setup.js')).echarts;
}
