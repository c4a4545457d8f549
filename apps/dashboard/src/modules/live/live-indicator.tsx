import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLiveEvents } from './hooks/use-live-events.js';
import type { SseEvent } from './utils/sse-parser.js';

/** The live stream's state in the header, with a count of items and alerts since the page opened. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [counts, setCounts] = useState({ item: 0, alert: 0 });
  const onEvent = useCallback(
    (e: SseEvent) => {
      if (e.event === 'item') setCounts((c) => ({ ...c, item: c.item + 1 }));
      else if (e.event === 'alert') {
        setCounts((c) => ({ ...c, alert: c.alert + 1 }));
        void client.invalidateQueries({ queryKey: ['alert-matches'] });
      } else if (e.event === 'source') void client.invalidateQueries({ queryKey: ['sources'] });
    },
    [client],
  );
  const status = useLiveEvents(onEvent);
  return (
    <p className={`live live-${status}`} role="status" aria-live="polite">
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${status}`)}
      {counts.item > 0 ? <span> · {t('live.items', { count: counts.item })}</span> : null}
      {counts.alert > 0 ? <span> · {t('live.alerts', { count: counts.alert })}</span> : null}
    </p>
  );
}
