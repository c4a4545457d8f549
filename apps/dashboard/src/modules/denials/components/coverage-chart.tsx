import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DenialCoverageView } from '@parallax/domain';
import { EChart } from '../../ui/echart.js';

/** Claim and denial items per time bucket around one denial, with the moment of the denial marked. */
export function CoverageChart({ coverage }: { coverage: DenialCoverageView }) {
  const { t, i18n } = useTranslation();
  const option = useMemo(() => {
    const day = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    return {
      grid: { left: 40, right: 16, top: 28, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('denials.claimSeries'), t('denials.denialSeries')] },
      xAxis: { type: 'time', axisLabel: { formatter: (v: number) => day.format(v), hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('denials.claimSeries'), type: 'bar', stack: 'items', itemStyle: { color: '#3b6fd8' }, data: coverage.timeline.map((b) => [b.at, b.claim]) },
        {
          name: t('denials.denialSeries'),
          type: 'bar',
          stack: 'items',
          itemStyle: { color: '#c0392b' },
          data: coverage.timeline.map((b) => [b.at, b.denial]),
          markLine: { symbol: 'none', lineStyle: { color: '#c0392b', type: 'dashed' }, label: { formatter: t('badge.denial'), color: '#c0392b' }, data: [{ xAxis: coverage.deniedAt }] },
        },
      ],
    };
  }, [coverage, t, i18n.language]);
  return <EChart option={option} height={200} label={t('denials.chartLabel', { count: coverage.timeline.length })} />;
}
