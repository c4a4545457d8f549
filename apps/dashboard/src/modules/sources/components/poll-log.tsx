import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { formatDateTime, formatNumber } from '../../ui/format.js';
import { ErrorState, Loading } from '../../ui/status-states.js';
import { listPolls } from '../api/sources.api.js';

const TONE = { ok: 'ok', unchanged: 'neutral', error: 'danger' } as const satisfies Record<string, BadgeTone>;

/** The recent polls of one source, newest first: when, the HTTP answer, what it gave, how long it took. */
export function PollLog({ sourceId, name }: { sourceId: number; name: string }) {
  const { t, i18n } = useTranslation();
  const polls = useQuery({ queryKey: ['source-polls', sourceId], queryFn: () => listPolls(sourceId) });
  const n = (x: number) => formatNumber(x, i18n.language);
  return (
    <section className="poll-log" aria-label={t('sources.polls.title', { name })}>
      {polls.isPending ? <Loading /> : null}
      {polls.isError ? <ErrorState error={polls.error} onRetry={() => void polls.refetch()} /> : null}
      {polls.data?.length === 0 ? <p className="muted">{t('sources.polls.empty')}</p> : null}
      {polls.data && polls.data.length > 0 ? (
        <table>
          <caption className="visually-hidden">{t('sources.polls.title', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sources.polls.time')}</th>
              <th scope="col">{t('sources.status')}</th>
              <th scope="col">{t('sources.polls.http')}</th>
              <th scope="col">{t('sources.polls.result')}</th>
              <th scope="col">{t('sources.polls.duration')}</th>
              <th scope="col">{t('sources.lastError')}</th>
            </tr>
          </thead>
          <tbody>
            {polls.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <time dateTime={p.startedAt}>{formatDateTime(p.startedAt, i18n.language)}</time>
                </td>
                <td>
                  <Badge tone={TONE[p.status]}>{t(`sources.statusName.${p.status}`)}</Badge>
                </td>
                <td className="num">{p.httpStatus ?? '—'}</td>
                <td>{t('sources.polled', { fetched: n(p.fetched), new: n(p.new), duplicates: n(p.duplicates), errors: n(p.errors) })}</td>
                <td className="num">{t('sources.polls.ms', { ms: n(p.durationMs) })}</td>
                <td className="error-cell">{p.error ? <span className="text-danger">{p.error}</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
