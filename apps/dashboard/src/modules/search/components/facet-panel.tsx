import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacetBucket, SearchResponse } from '@parallax/domain';
import { formatNumber, languageName } from '../../ui/format.js';
import type { FacetField, SearchState } from '../utils/search-state.js';
import { useEntityLabels } from '../../entities/hooks/use-entity-labels.js';

interface Props {
  state: SearchState;
  facets: SearchResponse['facets'] | undefined;
  /** The counts come from a sample of the newest matches (a broad query over a large archive). */
  sampled?: boolean;
  onToggle: (field: FacetField, value: string) => void;
  onDates: (from: string, to: string) => void;
}

const RESPONSE_KEY: Record<FacetField, keyof SearchResponse['facets']> = { entity: 'entity', outlet: 'outlet', lang: 'language', kind: 'kind' };

/** Facets of the result set: entity (by name), outlet, language, kind, and the date range. */
export function FacetPanel({ state, facets, sampled, onToggle, onDates }: Props) {
  const { t, i18n } = useTranslation();
  const entityLabel = useEntityLabels();
  const fromId = useId();
  const toId = useId();
  const label = (field: FacetField, b: FacetBucket): string => {
    if (field === 'lang') return languageName(b.value, i18n.language);
    if (field === 'kind') return t(`kind.${b.value}`, { defaultValue: b.label || b.value });
    if (field === 'entity') return entityLabel(b.value, b.label || b.value);
    return b.label || b.value;
  };
  return (
    <aside className="facets" aria-label={t('search.facets')}>
      {sampled ? <p className="facets-note">{t('search.facetsSampled')}</p> : null}
      {(['entity', 'outlet', 'lang', 'kind'] as const).map((field) => {
        const selected: readonly string[] = state[field];
        const buckets = withSelected(facets?.[RESPONSE_KEY[field]] ?? [], selected);
        return (
          <fieldset key={field} className="facet">
            <legend>{t(`search.facet.${field}`)}</legend>
            {buckets.length === 0 ? <p className="muted">{t('search.facetEmpty')}</p> : null}
            <ul>
              {buckets.map((b) => (
                <li key={b.value}>
                  <label>
                    <input type="checkbox" checked={selected.includes(b.value)} onChange={() => onToggle(field, b.value)} />
                    <span className="facet-label">{label(field, b)}</span>
                    <span className="facet-count" aria-label={t('search.countLabel', { count: b.count })}>
                      {formatNumber(b.count, i18n.language)}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      <fieldset className="facet">
        <legend>{t('search.facet.dates')}</legend>
        <label htmlFor={fromId}>{t('search.from')}</label>
        <input id={fromId} type="date" value={state.from} max={state.to || undefined} onChange={(e) => onDates(e.target.value, state.to)} />
        <label htmlFor={toId}>{t('search.to')}</label>
        <input id={toId} type="date" value={state.to} min={state.from || undefined} onChange={(e) => onDates(state.from, e.target.value)} />
      </fieldset>
    </aside>
  );
}

/** A selected value stays visible (count 0) even when the current result set has no bucket for it. */
function withSelected(buckets: FacetBucket[], selected: readonly string[]): FacetBucket[] {
  const missing = selected.filter((v) => !buckets.some((b) => b.value === v)).map((value) => ({ value, label: value, count: 0 }));
  return [...buckets, ...missing];
}
