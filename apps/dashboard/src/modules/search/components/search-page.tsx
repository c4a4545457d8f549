import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.js';
import { Badge } from '../../ui/badge.js';
import { formatNumber, languageName } from '../../ui/format.js';
import { PageHeader } from '../../ui/page-header.js';
import { EmptyState, ErrorState, Loading } from '../../ui/status-states.js';
import { useMediaQuery } from '../../ui/use-media-query.js';
import { useSearch } from '../hooks/use-search.js';
import { useSearchState } from '../hooks/use-search-state.js';
import { foldDuplicates } from '../utils/fold-duplicates.js';
import { FACET_FIELDS, PAGE_SIZE, toggleFacet, type FacetField } from '../utils/search-state.js';
import { FacetPanel } from './facet-panel.js';
import { HitCard } from './hit-card.js';
import { QueryBox } from './query-box.js';
import { SaveAlert } from './save-alert.js';
import { VolumeChart } from './volume-chart.js';

/** Below this width the facets fold into a "Filters" disclosure above the results, so the results come first on a phone. */
const PHONE_QUERY = '(max-width: 699px)';

export default function SearchPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useSearchState();
  const search = useSearch(state);
  const data = search.data;
  const folded = useMemo(() => foldDuplicates(data?.hits ?? []), [data]);
  const isSyntaxError = isApiError(search.error) && search.error.status === 400;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  // Names of selected entities, from the facets or the hits, for the active-filter chips.
  const entityNames = useMemo(() => {
    const m = new Map<string, string>();
    for (const b of data?.facets.entity ?? []) m.set(b.value, b.label);
    for (const h of data?.hits ?? []) for (const e of h.entities) m.set(e.qid, e.name);
    return m;
  }, [data]);
  const filterLabel = (field: FacetField, v: string) =>
    field === 'entity' ? (entityNames.get(v) ?? v) : field === 'lang' ? languageName(v, i18n.language) : field === 'kind' ? t(`kind.${v}`) : v;
  const active = FACET_FIELDS.flatMap((f) => state[f].map((v) => ({ f, v })));
  const phone = useMediaQuery(PHONE_QUERY);
  const activeCount = active.length + (state.from ? 1 : 0) + (state.to ? 1 : 0);
  const facets = (
    <FacetPanel
      state={state}
      facets={data?.facets}
      sampled={data?.facetsApproximate}
      onToggle={(field, value) => setState((s) => toggleFacet(s, field, value))}
      onDates={(from, to) => setState((s) => ({ ...s, from, to, page: 1 }))}
    />
  );

  return (
    <div className="search-page">
      <PageHeader title={t('search.title')} />
      <QueryBox
        q={state.q}
        sort={state.sort}
        error={search.error}
        onSubmit={(q) => setState((s) => ({ ...s, q, page: 1 }))}
        onSort={(sort) => setState((s) => ({ ...s, sort, page: 1 }))}
      />
      <div className="search-layout">
        {phone ? (
          <details className="facets-toggle">
            <summary>{activeCount > 0 ? t('search.filtersActive', { count: activeCount }) : t('search.filters')}</summary>
            {facets}
          </details>
        ) : (
          facets
        )}
        <section className="results" aria-labelledby="results-title" aria-busy={search.isFetching}>
          <div className="results-head">
            <h2 id="results-title" className="section-title" aria-live="polite">
              {data ? t(data.totalApproximate ? 'search.totalAbout' : 'search.total', { count: data.total, formatted: formatNumber(data.total, i18n.language) }) : t('search.results')}
            </h2>
            <SaveAlert state={state} />
          </div>
          {active.length > 0 ? (
            <ul className="chips active-filters" aria-label={t('search.activeFilters')}>
              {active.map(({ f, v }) => (
                <li key={`${f}:${v}`}>
                  <button type="button" className="chip chip-active" onClick={() => setState((s) => toggleFacet(s, f, v))} aria-label={t('search.removeFilter', { name: filterLabel(f, v) })}>
                    <span className="muted">{t(`search.facet.${f}`)}:</span> {filterLabel(f, v)} <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {search.isPending ? <Loading /> : null}
          {search.isError && !isSyntaxError ? <ErrorState error={search.error} onRetry={() => void search.refetch()} /> : null}
          {data ? (
            <>
              <VolumeChart histogram={data.histogram} />
              {data.hits.length === 0 ? (
                <EmptyState title={t('search.empty')}>
                  <p>{t('search.emptyHint')}</p>
                </EmptyState>
              ) : (
                <ol className="hits" start={(state.page - 1) * PAGE_SIZE + 1}>
                  {folded.map(({ hit, copies }) => (
                    <li key={hit.id}>
                      <HitCard hit={hit} copies={copies} onEntity={(qid) => setState((s) => (s.entity.includes(qid) ? s : toggleFacet(s, 'entity', qid)))} />
                    </li>
                  ))}
                </ol>
              )}
              {pages > 1 ? (
                <nav className="pager" aria-label={t('search.pages')}>
                  <button type="button" disabled={state.page <= 1} onClick={() => setState((s) => ({ ...s, page: s.page - 1 }))}>
                    {t('search.prev')}
                  </button>
                  <span aria-current="page">{t('search.pageOf', { page: state.page, pages })}</span>
                  <button type="button" disabled={state.page >= pages} onClick={() => setState((s) => ({ ...s, page: s.page + 1 }))}>
                    {t('search.next')}
                  </button>
                </nav>
              ) : null}
            </>
          ) : null}
          {isSyntaxError ? null : search.isFetching && data ? <Badge>{t('state.updating')}</Badge> : null}
        </section>
      </div>
    </div>
  );
}
