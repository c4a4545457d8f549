import { Controller, Inject, type MessageEvent, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import type { AlertMessage, Item } from '@parallax/domain';
import { PipelineEvents, Runtime, type PipelineEventMap, type Progress } from '@parallax/pipeline';
import { canAccessOwned, CurrentPrincipal, type Principal } from '../core/principal.js';

@ApiTags('stream')
@ApiBearerAuth()
@Controller('api/stream')
export class StreamController {
  constructor(
    @Inject(PipelineEvents) private readonly events: PipelineEvents,
    @Inject(Runtime) private readonly runtime: Runtime,
  ) {}

  /**
   * Server-sent events (HTML Living Standard §9.2): `item` for every newly stored item, `alert` for each alert match, digest or spike, `source` after each
   * poll, `progress` for long work. A heartbeat comment every 25 s keeps proxies from closing the stream.
   */
  @Sse()
  @ApiOperation({ summary: 'Server-sent events: item, alert, source, progress' })
  stream(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      const onItem = (item: Item) =>
        subscriber.next({
          type: 'item',
          id: String(item.id),
          data: { id: item.id, title: item.title, url: item.url, outlet: item.outlet, sourceId: item.sourceId, language: item.language, publishedAt: item.sortAt, entities: item.entities, denial: item.denial, mentionsDenial: item.mentionsDenial },
        });
      const onSource = (e: PipelineEventMap['source'][0]) => subscriber.next({ type: 'source', data: e });
      const onProgress = (p: Progress) => subscriber.next({ type: 'progress', data: p });
      // Live only: a client that was away reads the match log (GET /api/alerts/:id/matches) instead.
      // An alert goes only to its owner and admins, like its match log.
      const onAlert = (m: AlertMessage) => {
        let owner: string;
        try {
          owner = this.runtime.alerts.repo.get(m.alertId).owner;
        } catch {
          return; // deleted since it matched: nobody's to see
        }
        if (canAccessOwned(principal, owner)) subscriber.next({ type: 'alert', id: m.key, data: m });
      };
      this.events.on('item', onItem);
      this.events.on('alert', onAlert);
      this.events.on('source', onSource);
      this.events.on('progress', onProgress);
      const heartbeat = setInterval(() => subscriber.next({ type: 'ping', data: {} }), 25_000);
      return () => {
        clearInterval(heartbeat);
        this.events.off('item', onItem);
        this.events.off('source', onSource);
        this.events.off('progress', onProgress);
        this.events.off('alert', onAlert);
      };
    });
  }
}
