import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../../ui/badge.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeader } from '../../ui/page-header.js';
import { EmptyState, ErrorState, Loading } from '../../ui/status-states.js';
import { listDenials } from '../api/denials.api.js';
import { CoverageChart } from './coverage-chart.js';

export default function DenialsPage() {
  const { t, i18n } = useTranslation();
  const denials = useQuery({ queryKey: ['denials'], queryFn: listDenials });
  return (
    <>
      <PageHeader title={t('denials.title')} />
      {denials.isPending ? <Loading /> : null}
      {denials.isError ? <ErrorState error={denials.error} onRetry={() => void denials.refetch()} missingIsPending /> : null}
      {denials.data?.length === 0 ? <EmptyState title={t('denials.empty')} /> : null}
      <ul className="card-list">
        {denials.data?.map((d) => {
          const rejects = d.stories.flatMap((s) => s.rejects);
          const coverage = d.stories.map((s) => s.coverage);
          const carried = [...new Set(coverage.flatMap((c) => c.denialOutlets))];
          const silent = [...new Set(coverage.flatMap((c) => c.silentAfterDenial))];
          const after = coverage.reduce((n, c) => n + c.afterDenial.items, 0);
          const claimOutlets = [...new Set(coverage.flatMap((c) => c.claimOutlets))];
          // The best-linked story (the API lists them by score) gives the first report and the chart.
          const main = d.stories[0];
          return (
            <li key={d.id} className="card">
              <h2 className="card-title">
                <Badge tone="danger">{t('badge.denial')}</Badge> <Link to={`/items/${d.id}`}>{d.title}</Link>
              </h2>
              <p className="muted">
                {d.outlet} <time dateTime={d.publishedAt}>{formatDateTime(d.publishedAt, i18n.language)}</time>
              </p>
              <dl className="meta-list">
                <dt>{t('denials.rejects')}</dt>
                <dd>
                  {[...d.stories.map((s) => ({ to: `/stories/${s.id}`, label: s.title || `#${s.id}` })), ...rejects.map((r) => ({ to: `/items/${r.id}`, label: r.title }))].map((l, i) => (
                    <span key={l.to}>
                      {i > 0 ? ', ' : ''}
                      <Link to={l.to}>{l.label}</Link>
                    </span>
                  ))}
                  {d.stories.length === 0 ? t('denials.none') : null}
                </dd>
                {main ? (
                  <>
                    <dt>{t('denials.firstReport')}</dt>
                    <dd>
                      {main.coverage.firstReportedAt ? (
                        <>
                          <time dateTime={main.coverage.firstReportedAt}>{formatDateTime(main.coverage.firstReportedAt, i18n.language)}</time>
                          {main.coverage.firstReportedBy.length ? ` · ${main.coverage.firstReportedBy.join(', ')}` : ''}
                        </>
                      ) : (
                        t('denials.none')
                      )}
                    </dd>
                    <dt>{t('denials.timeToDenial')}</dt>
                    <dd>{main.coverage.hoursToDenial !== null ? t('denials.hours', { count: Math.round(main.coverage.hoursToDenial) }) : '—'}</dd>
                    <dt>{t('denials.claimOutlets')}</dt>
                    <dd>{claimOutlets.length ? claimOutlets.join(', ') : t('denials.none')}</dd>
                  </>
                ) : null}
                {d.stories.length > 0 ? (
                  <>
                    <dt>{t('denials.before')}</dt>
                    <dd>{rejects.length}</dd>
                    <dt>{t('denials.after')}</dt>
                    <dd>{after}</dd>
                  </>
                ) : null}
                <dt>{t('denials.carriedBy')}</dt>
                <dd>{carried.length ? carried.join(', ') : t('denials.none')}</dd>
                <dt>{t('denials.notCarried')}</dt>
                <dd>{silent.length ? silent.join(', ') : t('denials.none')}</dd>
              </dl>
              {main && main.coverage.timeline.length > 0 ? <CoverageChart coverage={main.coverage} /> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
