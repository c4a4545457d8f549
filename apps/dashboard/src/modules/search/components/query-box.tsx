import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchSort } from '@parallax/domain';
import { isApiError } from '../../api/api-error.js';
import { QueryHelp } from './query-help.js';

interface Props {
  q: string;
  sort: SearchSort;
  error: unknown;
  onSubmit: (q: string) => void;
  onSort: (sort: SearchSort) => void;
}

/** The one query box. A query syntax error from the API is shown under it, pointing at its position. */
export function QueryBox({ q, sort, error, onSubmit, onSort }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(q);
  const inputId = useId();
  const errorId = useId();
  const sortId = useId();
  // Follow the URL when it changes from outside (back button, a shared link, a cleared filter).
  useEffect(() => setDraft(q), [q]);

  const syntaxError = isApiError(error) && error.status === 400 && (error.code === 'QUERY_SYNTAX' || error.field === 'q') ? error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(draft.trim());
  };

  return (
    <form role="search" className="query-box" onSubmit={submit} aria-label={t('search.formLabel')}>
      <label htmlFor={inputId} className="query-label">
        {t('search.queryLabel')}
      </label>
      <div className="query-row">
        <input
          id={inputId}
          type="search"
          name="q"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('search.placeholder')}
          aria-invalid={syntaxError ? true : undefined}
          aria-describedby={syntaxError ? errorId : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <QueryHelp />
        <button type="submit" className="primary">
          {t('search.submit')}
        </button>
      </div>
      <div className="query-options">
        <label htmlFor={sortId}>{t('search.sort')}</label>
        <select id={sortId} value={sort} onChange={(e) => onSort(e.target.value === 'newest' ? 'newest' : 'relevance')}>
          <option value="relevance">{t('search.sortRelevance')}</option>
          <option value="newest">{t('search.sortNewest')}</option>
        </select>
      </div>
      {syntaxError ? (
        <div id={errorId} className="query-error" role="alert">
          {syntaxError.position !== undefined ? (
            <pre className="query-caret" aria-hidden="true">
              {q}
              {'\n'}
              {' '.repeat(Math.max(0, Math.min(syntaxError.position, q.length)))}^
            </pre>
          ) : null}
          <p>
            {syntaxError.position !== undefined ? t('search.syntaxErrorAt', { position: syntaxError.position + 1 }) : t('search.syntaxError')} {syntaxError.message}
          </p>
        </div>
      ) : null}
    </form>
  );
}
