import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../ui/format.js';
import { PageHeader } from '../../ui/page-header.js';
import { EmptyState, ErrorState, Loading } from '../../ui/status-states.js';
import { listStories } from '../api/stories.api.js';
import { useEntityLabels } from '../../entities/hooks/use-entity-labels.js';

export default function StoriesPage() {
  const { t, i18n } = useTranslation();
  const entityLabel = useEntityLabels();
  const stories = useQuery({ queryKey: ['stories'], queryFn: listStories });
  return (
    <>
      <PageHeader title={t('stories.title')} />
      {stories.isPending ? <Loading /> : null}
      {stories.isError ? <ErrorState error={stories.error} onRetry={() => void stories.refetch()} missingIsPending /> : null}
      {stories.data?.length === 0 ? <EmptyState title={t('stories.empty')} /> : null}
      <ul className="card-list">
        {stories.data?.map((s) => (
          <li key={s.id} className="card">
            <h2 className="card-title">
              <Link to={`/stories/${s.id}`}>{s.title || `#${s.id}`}</Link>
            </h2>
            <p className="muted">
              {t('stories.items', { count: s.itemCount })}
              {` · ${t('stories.outlets', { count: s.outletCount })}`}
              {` · ${t('stories.span', { first: formatDateTime(s.firstAt, i18n.language), last: formatDateTime(s.lastAt, i18n.language) })}`}
            </p>
            {s.entities.length ? (
              <ul className="chips">
                {s.entities.map((e) => (
                  <li key={e.qid}>
                    <Link className="chip" to={`/?entity=${encodeURIComponent(e.qid)}`}>
                      {entityLabel(e.qid, e.name)}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
