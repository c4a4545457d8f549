import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../../ui/badge.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeader } from '../../ui/page-header.js';
import { EmptyState, ErrorState, Loading } from '../../ui/status-states.js';
import { listDenials } from '../api/denials.api.js';

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
          const id = d.item?.id ?? d.id;
          const title = d.item?.title ?? d.title ?? `#${id}`;
          const at = d.item?.publishedAt ?? d.publishedAt;
          return (
            <li key={d.id} className="card">
              <h2 className="card-title">
                <Badge tone="danger">{t('badge.denial')}</Badge> <Link to={`/items/${id}`}>{title}</Link>
              </h2>
              <p className="muted">
                {d.item?.outlet ?? d.outlet} {at ? <time dateTime={at}>{formatDateTime(at, i18n.language)}</time> : null}
              </p>
              <dl className="meta-list">
                <dt>{t('denials.rejects')}</dt>
                <dd>
                  {[...(d.stories ?? []).map((s) => ({ to: `/stories/${s.id}`, label: s.title ?? `#${s.id}` })), ...(d.rejects ?? []).map((r) => ({ to: `/items/${r.id}`, label: r.title }))].map((l, i) => (
                    <span key={l.to}>
                      {i > 0 ? ', ' : ''}
                      <Link to={l.to}>{l.label}</Link>
                    </span>
                  ))}
                  {!d.stories?.length && !d.rejects?.length ? t('denials.none') : null}
                </dd>
                {d.coverageBefore !== undefined ? (
                  <>
                    <dt>{t('denials.before')}</dt>
                    <dd>{d.coverageBefore}</dd>
                  </>
                ) : null}
                {d.coverageAfter !== undefined ? (
                  <>
                    <dt>{t('denials.after')}</dt>
                    <dd>{d.coverageAfter}</dd>
                  </>
                ) : null}
                <dt>{t('denials.carriedBy')}</dt>
                <dd>{d.carriedBy?.length ? d.carriedBy.join(', ') : t('denials.none')}</dd>
                {d.notCarriedBy ? (
                  <>
                    <dt>{t('denials.notCarried')}</dt>
                    <dd>{d.notCarriedBy.length ? d.notCarriedBy.join(', ') : t('denials.none')}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          );
        })}
      </ul>
    </>
  );
}
