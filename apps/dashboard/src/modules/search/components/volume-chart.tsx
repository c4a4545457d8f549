import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResponse } from '@parallax/domain';
import { EChart } from '../../ui/echart.js';

/** Volume of the result set over time; the table under it is the same data for screen readers. */
export function VolumeChart({ histogram }: { histogram: SearchResponse['histogram'] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 12, top: 12, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: histogram.map((b) => b.date.slice(0, 10)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('search.volume'), data: histogram.map((b) => b.count), itemStyle: { color: '#3b6fd8' } }],
    }),
    [histogram, t],
  );
  if (histogram.length === 0) return null;
  return (
    <section className="volume" aria-labelledby="volume-title">
      <h2 id="volume-title" className="section-title">
        {t('search.volume')}
      </h2>
      <EChart option={option} label={t('search.volumeChart', { days: histogram.length })} />
      <details className="volume-table">
        <summary>{t('search.volumeTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('search.date')}</th>
              <th scope="col">{t('search.count')}</th>
            </tr>
          </thead>
          <tbody>
            {histogram.map((b) => (
              <tr key={b.date}>
                <td>{b.date.slice(0, 10)}</td>
                <td>{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
