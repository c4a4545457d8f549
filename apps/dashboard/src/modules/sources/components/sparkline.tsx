import { useTranslation } from 'react-i18next';
import type { DailyCount } from '../api/sources.api.js';

const WIDTH = 84;
const HEIGHT = 22;
const PAD = 2;

/** Items per day as a tiny line; a screen reader hears the total over the days shown instead. */
export function Sparkline({ days }: { days: readonly DailyCount[] }) {
  const { t } = useTranslation();
  const total = days.reduce((n, d) => n + d.count, 0);
  const label = t('sources.spark.label', { count: total, days: days.length });
  if (days.length === 0) return <span className="muted">{t('sources.spark.none')}</span>;
  const max = Math.max(1, ...days.map((d) => d.count));
  const step = days.length > 1 ? (WIDTH - 2 * PAD) / (days.length - 1) : 0;
  const points = days.map((d, i) => `${(PAD + i * step).toFixed(1)},${(HEIGHT - PAD - (d.count / max) * (HEIGHT - 2 * PAD)).toFixed(1)}`).join(' ');
  const last = days[days.length - 1];
  return (
    <svg className="sparkline" role="img" aria-label={label} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
      <title>{label}</title>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      {last ? <circle cx={PAD + (days.length - 1) * step} cy={HEIGHT - PAD - (last.count / max) * (HEIGHT - 2 * PAD)} r="2" fill="currentColor" /> : null}
    </svg>
  );
}
