import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type Alert, type CreateAlert, type TestAlert, type UpdateAlert } from '@parallax/domain';
import { compileAlertRule, renderAlertFeed, Runtime } from '@parallax/pipeline';
import { SEARCH_INDEX, type SearchIndex } from '@parallax/search';
import type { AlertRecord } from '@parallax/store';
import { AuthenticationService } from '../accounts/authentication.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { canAccessOwned, type Principal } from '../core/principal.js';
import { refusePrivateUrl } from '../core/private-address.policy.js';

/** Matches listed in an alert's Atom feed: the newest. */
const FEED_ENTRIES = 100;
/** What "test this query" looks back over. */
const TEST_WINDOW_MS = 7 * 86_400_000;
const TEST_LIMIT = 100;

/**
 * Keyword alerts over HTTP: a thin layer over libs/pipeline's Alerts (rules, match log, deliveries, feed).
 * An alert and its matches are its owner's and the admins': anyone else is told it does not exist (404).
 */
@Injectable()
export class AlertsService {
  constructor(
    @Inject(Runtime) private readonly runtime: Runtime,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    @Inject(AuthenticationService) private readonly auth: AuthenticationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(p: Principal): Alert[] {
    return this.runtime.alerts.repo.list(p.role === 'admin' ? undefined : p.username).map(toAlert);
  }

  get(p: Principal, id: number): Alert {
    return toAlert(this.owned(p, id));
  }

  create(p: Principal, input: CreateAlert): Alert {
    if (input.channels.webhookUrl) refusePrivateUrl(input.channels.webhookUrl, this.config.allowPrivateSources, 'channels.webhookUrl');
    return toAlert(this.runtime.alerts.create(input, p.username));
  }

  update(p: Principal, id: number, patch: UpdateAlert): Alert {
    this.owned(p, id);
    if (patch.channels?.webhookUrl) refusePrivateUrl(patch.channels.webhookUrl, this.config.allowPrivateSources, 'channels.webhookUrl');
    return toAlert(this.runtime.alerts.update(id, patch));
  }

  remove(p: Principal, id: number): { deleted: number } {
    this.owned(p, id);
    this.runtime.alerts.delete(id);
    return { deleted: id };
  }

  matches(p: Principal, id: number, limit: number, offset: number) {
    this.owned(p, id);
    return this.runtime.alerts.repo.matches(id, limit, offset);
  }

  deliveries(p: Principal, id: number) {
    this.owned(p, id);
    return { items: this.runtime.alerts.repo.deliveries(id) };
  }

  /** The alert when the caller may see it; otherwise the same 404 as a missing one, so ids reveal nothing. */
  private owned(p: Principal, id: number): AlertRecord {
    const alert = this.runtime.alerts.get(id);
    if (!canAccessOwned(p, alert.owner)) throw new DomainError('NOT_FOUND', `alert ${id} does not exist`, { field: 'id' });
    return alert;
  }

  /**
   * The alert's matches as Atom. Feed readers cannot send headers, so the feed's own token in the URL
   * opens it (compared in constant time); a bearer token of the owner or an admin works too.
   */
  feed(id: number, token: string | undefined, bearer: string | undefined, origin: string): string {
    let alert: AlertRecord | null = null;
    try {
      alert = this.runtime.alerts.get(id);
    } catch {
      // An unknown alert answers like a wrong token: the feed URL reveals nothing about which ids exist.
    }
    const byToken = alert !== null && token !== undefined && sameSecret(token, alert.feedToken);
    const caller = bearer !== undefined ? this.auth.byToken(bearer) : null;
    const byBearer = alert !== null && caller !== null && canAccessOwned(caller, alert.owner);
    if (!byToken && !byBearer) throw new DomainError('UNAUTHORIZED', 'this feed needs its token: use the feed URL of the alert (…/feed.atom?token=…)', { field: 'token' });
    if (!alert) throw new DomainError('NOT_FOUND', `alert ${id} does not exist`, { field: 'id' });
    const { items } = this.runtime.alerts.repo.matches(id, FEED_ENTRIES, 0);
    return renderAlertFeed(alert, items, { self: `${origin}${feedPath(alert)}`, alternate: `${origin}/alerts` });
  }

  /** What a rule would have matched over the last 7 days: the search index with the same query and the date range. */
  async test(input: TestAlert, now = new Date()) {
    const rule = { query: input.query, denial: input.denial ?? null };
    compileAlertRule(rule, (n) => this.runtime.enricher.resolveEntity(n));
    const from = new Date(now.getTime() - TEST_WINDOW_MS).toISOString();
    const to = now.toISOString();
    const entity = input.denial ? compileDenialEntity(input.denial.entity, (n) => this.runtime.enricher.resolveEntity(n)) : undefined;
    const res = await this.index.search({
      q: input.query,
      entity,
      kind: input.denial ? ['official'] : undefined,
      from,
      to,
      sort: 'newest',
      limit: TEST_LIMIT,
      offset: 0,
      facets: false,
    });
    // Alerts never fire for syndicated copies, nor a denial rule for an item that is not a denial.
    const hits = res.hits.filter((h) => h.duplicateOf === null && (!input.denial || h.denial));
    return { from, to, total: hits.length, truncated: res.total > TEST_LIMIT, hits };
  }
}

function compileDenialEntity(name: string, resolve: (n: string) => string[]): string[] {
  return /^Q[1-9][0-9]*$/i.test(name.trim()) ? [name.trim().toUpperCase()] : resolve(name.trim());
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function feedPath(a: AlertRecord): string {
  return `/api/alerts/${a.id}/feed.atom?token=${encodeURIComponent(a.feedToken)}`;
}

function toAlert(a: AlertRecord): Alert {
  return {
    id: a.id,
    name: a.name,
    query: a.query,
    mode: a.mode,
    channels: a.channels,
    muted: a.muted,
    snoozedUntil: a.snoozedUntil,
    denial: a.denial,
    spike: a.spike,
    owner: a.owner,
    webhookSecret: a.webhookSecret,
    feedUrl: feedPath(a),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
