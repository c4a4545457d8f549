import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/page-header.js';
import { EmptyState, ErrorState, Loading } from '../../ui/status-states.js';
import { deleteSource, listSources } from '../api/sources.api.js';
import { OpmlTransfer } from './opml-transfer.js';
import { SourceForm } from './source-form.js';
import { SourceRow } from './source-row.js';

export default function SourcesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const sources = useQuery({ queryKey: ['sources'], queryFn: listSources, refetchInterval: 30_000 });
  const demo = (sources.data ?? []).filter((s) => s.demo);
  const removeDemo = useMutation({
    mutationFn: async () => {
      for (const s of demo) await deleteSource(s.id);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['sources'] }),
  });

  return (
    <>
      <PageHeader title={t('sources.title')}>
        {demo.length > 0 ? (
          <button type="button" className="danger" disabled={removeDemo.isPending} onClick={() => window.confirm(t('sources.confirmRemoveDemo', { count: demo.length })) && removeDemo.mutate()}>
            {t('sources.removeDemo')}
          </button>
        ) : null}
      </PageHeader>
      {removeDemo.isError ? <ErrorState error={removeDemo.error} /> : null}
      <section className="card" aria-labelledby="add-source-title">
        <h2 id="add-source-title" className="section-title">
          {t('sources.add')}
        </h2>
        <SourceForm />
      </section>
      <OpmlTransfer />
      <section aria-labelledby="health-title">
        <h2 id="health-title" className="section-title">
          {t('sources.health')}
        </h2>
        {sources.isPending ? <Loading /> : null}
        {sources.isError ? <ErrorState error={sources.error} onRetry={() => void sources.refetch()} missingIsPending /> : null}
        {sources.data && sources.data.length === 0 ? (
          <EmptyState title={t('sources.empty')}>
            <p>{t('sources.emptyHint')}</p>
          </EmptyState>
        ) : null}
        {sources.data && sources.data.length > 0 ? (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="health-title">
            <table className="sources-table">
              <thead>
                <tr>
                  <th scope="col">{t('sources.name')}</th>
                  <th scope="col">{t('sources.status')}</th>
                  <th scope="col">{t('sources.lastPoll')}</th>
                  <th scope="col">{t('sources.items')}</th>
                  <th scope="col">{t('sources.perDay')}</th>
                  <th scope="col">{t('sources.lastError')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sources.data.map((s) => (
                  <SourceRow key={s.id} source={s} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
