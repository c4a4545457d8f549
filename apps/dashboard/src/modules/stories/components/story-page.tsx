import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Badge } from '../../ui/badge.js';
import { EChart } from '../../ui/echart.js';
import { formatDateTime } from '../../ui/format.js';
import { PageHeader } from '../../ui/page-header.js';
import { ErrorState, Loading } from '../../ui/status-states.js';
import { getStory, type StoryDetail } from '../api/stories.api.js';

export default function StoryPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const story = useQuery({ queryKey: ['story', id], queryFn: () => getStory(id) });
  if (story.isPending) return <Loading />;
  if (story.isError) return <ErrorState error={story.error} onRetry={() => void story.refetch()} missingIsPending />;
  return <StoryView story={story.data} title={story.data.title || t('stories.title') + ` #${id}`} />;
}

function StoryView({ story, title }: { story: StoryDetail; title: string }) {
  const { t, i18n } = useTranslation();
  const groups = story.outlets;
  const option = useMemo(() => {
    const outlets = groups.map((g) => g.outlet);
    const denialTimes = story.denials.map((d) => d.publishedAt);
    const denialLabel = t('badge.denial');
    const dayLabel = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    return {
      grid: { left: 140, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'item' },
      // Day and month in the interface language (UTC, as the API's time buckets); ECharts alone prints bare day numbers.
      xAxis: { type: 'time', axisLabel: { formatter: (v: number) => dayLabel.format(v), hideOverlap: true } },
      yAxis: { type: 'category', data: outlets },
      series: [
        {
          type: 'scatter',
          symbolSize: 10,
          data: groups.flatMap((g) => g.items.map((it) => ({ value: [it.publishedAt, g.outlet], name: it.title, itemStyle: { color: it.denial ? '#c0392b' : it.mentionsDenial ? '#d68910' : '#3b6fd8' } }))),
          markLine: {
            symbol: 'none',
            lineStyle: { color: '#c0392b', type: 'dashed' },
            label: { show: true, position: 'insideEndTop', color: '#c0392b', formatter: denialLabel },
            data: denialTimes.map((x) => ({ xAxis: x })),
          },
        },
      ],
    };
  }, [groups, story.denials, t, i18n.language]);
  return (
    <>
      <PageHeader title={title}>
        <Link to={`/compare?story=${story.id}`}>{t('stories.compare')}</Link>
      </PageHeader>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="section-title">
          {t('stories.timeline')}
        </h2>
        {groups.length > 0 ? <EChart option={option} height={Math.max(160, groups.length * 36 + 60)} label={t('stories.timelineChart')} /> : null}
      </section>
      <section aria-labelledby="denials-title">
        <h2 id="denials-title" className="section-title">
          {t('stories.denials')}
        </h2>
        {story.denials.length ? (
          <ul>
            {story.denials.map((d) => (
              <li key={d.id}>
                <Badge tone="danger">{t('badge.denial')}</Badge> <Link to={`/items/${d.id}`}>{d.title}</Link> <span className="muted">{d.outlet}</span>{' '}
                <time dateTime={d.publishedAt}>{formatDateTime(d.publishedAt, i18n.language)}</time>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('stories.noDenials')}</p>
        )}
      </section>
      <section aria-labelledby="outlets-title">
        <h2 id="outlets-title" className="section-title">
          {t('stories.byOutlet')}
        </h2>
        <div className="outlet-columns">
          {groups.map((g) => (
            <section key={g.outlet} className="card" aria-label={g.outlet}>
              <h3 className="card-title">{g.outlet}</h3>
              <ol className="timeline">
                {[...g.items]
                  .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
                  .map((it) => (
                    <li key={it.id}>
                      <time dateTime={it.publishedAt}>{formatDateTime(it.publishedAt, i18n.language)}</time> <Link to={`/items/${it.id}`}>{it.title}</Link>{' '}
                      {it.denial ? <Badge tone="danger">{t('badge.denial')}</Badge> : null}
                      {it.mentionsDenial ? <Badge tone="warn">{t('badge.mentionsDenial')}</Badge> : null}
                    </li>
                  ))}
              </ol>
            </section>
          ))}
        </div>
      </section>
    </>
  );
}
