import type { Item, SearchDocument } from '@parallax/domain';
import { RuleIndex, documentFields, type EntityResolver } from '@parallax/query';
import { OUTBOX_MATCH_TOPIC, toSearchDocument, type AlertRecord, type AlertRepository, type NewDelivery, type NewMatch, type Store } from '@parallax/store';
import { BatchPacer, yieldToEventLoop } from '../batch-pacer.js';
import type { Logger } from '../logger.js';
import type { AnalysedFieldsCache } from '../preparation/analysed-fields-cache.js';
import { channelsOf, deliveriesFor, isSnoozed, matchOf } from './alert-message.js';
import { compileAlertRule, type CompiledRule } from './alert-rule.js';
import { VolumeSpikes } from './volume-spikes.js';

export interface AlertMatcherOptions {
  store: Store;
  repo: AlertRepository;
  resolveEntity: EntityResolver;
  logger: Logger;
  emailEnabled: boolean;
  now?: () => Date;
  /** Most items matched in one transaction (default 200); fewer when matching them would hold the main thread longer than its budget ({@link BatchPacer}). */
  batchSize?: number;
  /** Fields the preparation threads analysed: the rules need not analyse those items again. */
  analysed?: AnalysedFieldsCache;
}

/**
 * A batch of matches may hold the main thread longer than the other drains' (DEFAULT_BATCH_BUDGET_MS):
 * its commit rewrites the match log's and the deliveries' hot pages whatever the batch's size, and a
 * backlog with many matches per item (10,000 rules, 7 matches an item) went through 30% faster with
 * batches of 50 ms than of 20 ms. While polls run, batches are small anyway: items arrive a poll at a time.
 */
const MATCH_BATCH_BUDGET_MS = 50;

/**
 * Drains the `match` outbox: each new item is tested against every active rule through the rule
 * index, and its matches, their deliveries and the ack of the outbox entry are written in one
 * transaction. Syndicated copies (`duplicateOf`) never fire; re-polls never get here (not inserted).
 */
export class AlertMatcher {
  private readonly index = new RuleIndex<number>();
  private readonly rules = new Map<number, { alert: AlertRecord; rule: CompiledRule }>();
  private readonly spikes: VolumeSpikes;
  private running: Promise<number> | null = null;
  private again = false;
  private readonly now: () => Date;
  private readonly pacer: BatchPacer;

  constructor(private readonly o: AlertMatcherOptions) {
    this.now = o.now ?? (() => new Date());
    this.pacer = new BatchPacer(o.batchSize ?? 200, MATCH_BATCH_BUDGET_MS);
    this.spikes = new VolumeSpikes(o.repo, o.emailEnabled);
    this.reload();
  }

  /** Rebuilds the rule index from the store: at start-up and when entity names change (custom entities). */
  reload(): void {
    this.index.clear();
    this.rules.clear();
    for (const alert of this.o.repo.list()) this.file(alert);
  }

  /**
   * Re-files one alert after it was created, changed (`alert`) or deleted (null); the other rules stay
   * filed, so saving one alert costs one rule, not a rebuild of ten thousand.
   */
  refile(id: number, alert: AlertRecord | null): void {
    this.index.delete(id);
    this.rules.delete(id);
    if (alert) this.file(alert);
  }

  private file(alert: AlertRecord): void {
    if (alert.muted) return;
    try {
      const rule = compileAlertRule(alert, this.o.resolveEntity);
      this.rules.set(alert.id, { alert, rule });
      this.index.set(alert.id, rule.query);
    } catch (err) {
      // A rule that no longer compiles (a custom entity removed) is skipped, not fatal to the others.
      this.o.logger.warn({ alertId: alert.id, err: String(err) }, 'alert rule skipped');
    }
  }

  get ruleCount(): number {
    return this.rules.size;
  }

  /** Drains everything due; concurrent calls join the run under way. Returns the entries processed. */
  drain(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let n = 0;
      do {
        this.again = false;
        // A backlog (after a restart, or a burst of new items) is matched a paced batch at a time, so
        // that the API and the live alerts are served in between.
        for (let done = this.matchBatch(); done > 0; done = this.matchBatch()) {
          n += done;
          await yieldToEventLoop();
        }
      } while (this.again);
      return n;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  pending(): number {
    return this.o.store.outbox.pending([OUTBOX_MATCH_TOPIC]);
  }

  /** Tests one item against the rules: the alert ids it matches, with the reasons. For the benchmark and tests. */
  test(item: Item): { alertId: number; reasons: string[] }[] {
    return this.testDocument(toSearchDocument(item));
  }

  private testDocument(doc: SearchDocument): { alertId: number; reasons: string[] }[] {
    return this.index
      .match(doc, this.o.analysed?.get(doc.id) ?? documentFields(doc))
      .filter((h) => !this.rules.get(h.id)?.rule.requireDenial || doc.denial)
      .map((h) => ({ alertId: h.id, reasons: h.reasons }));
  }

  /** Matches one batch of due items, its size set by the pacer. Returns the entries processed (0: none due). */
  private matchBatch(): number {
    const batch = this.o.store.outbox.due([OUTBOX_MATCH_TOPIC], this.pacer.size(), this.now());
    if (batch.length === 0) return 0;
    if (this.rules.size === 0) {
      // No rule to test against (a fresh install, or every alert muted): nothing can match, so the items are not read.
      this.o.store.outbox.ack(batch.map((e) => e.id));
      return batch.length;
    }
    this.pacer.run(batch.length, () => {
      const items = new Map(this.o.store.items.searchDocuments([...new Set(batch.map((e) => e.refId))]).map((d) => [d.id, d]));
      const now = this.now();
      const matches: NewMatch[] = [];
      const deliveries: NewDelivery[] = [];
      const spiking = new Set<number>();
      for (const entry of batch) this.matchItem(items.get(entry.refId), now, matches, deliveries, spiking);
      // One transaction for the batch: its matches, their deliveries and the acks commit together.
      this.o.repo.recordMatches(
        batch.map((e) => e.id),
        matches,
        deliveries,
        now,
      );
      for (const id of spiking) this.spikes.check(this.o.repo.get(id), now);
    });
    return batch.length;
  }

  private matchItem(item: SearchDocument | undefined, now: Date, matches: NewMatch[], deliveries: NewDelivery[], spiking: Set<number>): void {
    // A deleted item, or a syndicated copy of one already matched, fires nothing: its entry is just acked.
    if (!item || item.duplicateOf !== null) return;
    const at = now.toISOString();
    for (const hit of this.testDocument(item)) {
      const entry = this.rules.get(hit.alertId);
      if (!entry) continue;
      const { alert } = entry;
      const reason = hit.reasons.join('; ');
      matches.push({ alertId: alert.id, itemId: item.id, reason });
      if (alert.spike) {
        spiking.add(alert.id);
        continue;
      }
      if (alert.mode !== 'instant' || isSnoozed(alert, now)) continue;
      const match = matchOf(item, reason, at);
      deliveries.push(
        ...deliveriesFor(alert, channelsOf(alert, this.o.emailEnabled), `${alert.id}:${item.id}`, {
          kind: 'match',
          item: match,
          matches: [match],
          period: null,
          spike: null,
          createdAt: at,
        }),
      );
    }
  }
}
