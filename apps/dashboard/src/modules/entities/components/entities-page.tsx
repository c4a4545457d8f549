import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../../ui/badge.js';
import { PageHeader } from '../../ui/page-header.js';
import { EmptyState, ErrorState, Loading } from '../../ui/status-states.js';
import { createEntity, flatAliases, listEntities } from '../api/entities.api.js';

export default function EntitiesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const entities = useQuery({ queryKey: ['entities'], queryFn: listEntities });
  const [filter, setFilter] = useState('');
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const ids = { filter: useId(), name: useId(), aliases: useId() };
  const add = useMutation({
    mutationFn: () =>
      createEntity({
        name: name.trim(),
        aliases: aliases
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      }),
    onSuccess: () => {
      setName('');
      setAliases('');
      void client.invalidateQueries({ queryKey: ['entities'] });
    },
  });
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = entities.data ?? [];
    return f ? all.filter((e) => [e.qid, e.name, ...flatAliases(e)].some((s) => s.toLowerCase().includes(f))) : all;
  }, [entities.data, filter]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <>
      <PageHeader title={t('entities.title')} />
      <section className="card" aria-labelledby="add-entity-title">
        <h2 id="add-entity-title" className="section-title">
          {t('entities.add')}
        </h2>
        <form className="form-grid" onSubmit={submit}>
          <div className="field">
            <label htmlFor={ids.name}>{t('entities.name')}</label>
            <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={ids.aliases}>{t('entities.aliases')}</label>
            <input id={ids.aliases} value={aliases} onChange={(e) => setAliases(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={add.isPending}>
              {t('entities.save')}
            </button>
          </div>
        </form>
        {add.isSuccess ? <p role="status">{t('entities.saved')}</p> : null}
        {add.isError ? <ErrorState error={add.error} /> : null}
      </section>
      <div className="field">
        <label htmlFor={ids.filter}>{t('entities.filter')}</label>
        <input id={ids.filter} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {entities.isPending ? <Loading /> : null}
      {entities.isError ? <ErrorState error={entities.error} onRetry={() => void entities.refetch()} missingIsPending /> : null}
      {entities.data && shown.length === 0 ? <EmptyState title={t('entities.empty')} /> : null}
      {shown.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('entities.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('entities.qid')}</th>
                <th scope="col">{t('entities.name')}</th>
                <th scope="col">{t('entities.aliasesCol')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, 500).map((e) => (
                <tr key={e.qid}>
                  <td>
                    <code>{e.qid}</code>
                  </td>
                  <th scope="row">
                    {e.name} {e.custom ? <Badge tone="info">{t('entities.custom')}</Badge> : null}
                  </th>
                  <td className="aliases">{flatAliases(e).join(', ')}</td>
                  <td>
                    <Link to={`/?entity=${encodeURIComponent(e.qid)}`}>{t('entities.search')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
