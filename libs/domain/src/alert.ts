import { z } from 'zod';
import { HttpUrlSchema } from './source.js';

/** `instant` delivers each match as it happens; `hourly`/`daily` send one digest per period (UTC). */
export const ALERT_MODES = ['instant', 'hourly', 'daily'] as const;
export type AlertMode = (typeof ALERT_MODES)[number];

/** Where an alert is delivered. The live stream (SSE) and the Atom feed need no configuration. */
export const ALERT_CHANNELS = ['sse', 'webhook', 'email'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export const AlertChannelsSchema = z
  .object({
    webhookUrl: HttpUrlSchema.optional(),
    email: z.email().max(320).optional(),
  })
  .strict();
export type AlertChannels = z.infer<typeof AlertChannelsSchema>;

/** "A new official denial about entity X": official items flagged as denials that name the entity. */
export const DenialRuleSchema = z.object({ entity: z.string().trim().min(1).max(200) }).strict();
export type DenialRule = z.infer<typeof DenialRuleSchema>;

/**
 * "Volume spike": fires when the matches of the last hour exceed `factor` times the hourly baseline of
 * the past 14 days, and are at least `minMatches` (so a rule with no history does not fire on one item).
 */
export const SpikeRuleSchema = z
  .object({
    factor: z.number().min(1.1).max(1000),
    minMatches: z.number().int().min(1).max(100_000).default(5),
  })
  .strict();
export type SpikeRule = z.infer<typeof SpikeRuleSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

const alertFields = {
  name: z.string().trim().min(1).max(200),
  /** In the analyst query language (DESIGN.md); may be empty only with a denial rule. */
  query: z.string().trim().max(1000),
  mode: z.enum(ALERT_MODES),
  channels: AlertChannelsSchema,
  muted: z.boolean(),
  /** Matches are logged but not delivered until this time (ISO 8601). */
  snoozedUntil: isoDateTime.nullable(),
  denial: DenialRuleSchema.nullable(),
  spike: SpikeRuleSchema.nullable(),
};

export const CreateAlertSchema = z
  .object({
    name: alertFields.name,
    query: alertFields.query.default(''),
    mode: alertFields.mode.default('instant'),
    channels: alertFields.channels.default({}),
    muted: alertFields.muted.default(false),
    snoozedUntil: alertFields.snoozedUntil.optional(),
    denial: alertFields.denial.optional(),
    spike: alertFields.spike.optional(),
  })
  .strict();
export type CreateAlert = z.infer<typeof CreateAlertSchema>;

export const UpdateAlertSchema = z
  .object({
    name: alertFields.name.optional(),
    query: alertFields.query.optional(),
    mode: alertFields.mode.optional(),
    channels: alertFields.channels.optional(),
    muted: alertFields.muted.optional(),
    snoozedUntil: alertFields.snoozedUntil.optional(),
    denial: alertFields.denial.optional(),
    spike: alertFields.spike.optional(),
  })
  .strict();
export type UpdateAlert = z.infer<typeof UpdateAlertSchema>;

/** A keyword alert (DESIGN.md, HTTP contract `/api/alerts`). */
export interface Alert {
  id: number;
  name: string;
  query: string;
  mode: AlertMode;
  channels: AlertChannels;
  muted: boolean;
  snoozedUntil: string | null;
  denial: DenialRule | null;
  spike: SpikeRule | null;
  /** Accounts come later: every alert belongs to "admin" for now. */
  owner: string;
  /** Key of the HMAC-SHA256 `X-Parallax-Signature` of webhook bodies. */
  webhookSecret: string;
  /** The Atom feed of the matches, with its own token in the URL: feed readers cannot send headers. */
  feedUrl: string;
  createdAt: string;
  updatedAt: string;
}

/** One entry of the match log: the durable record of what an alert matched, and why. */
export interface AlertMatch {
  itemId: number;
  title: string;
  url: string | null;
  outlet: string;
  language: string;
  publishedAt: string;
  matchedAt: string;
  /** Which terms, phrases and entities matched (`"Olympics" in title; entity:Q148`). */
  reason: string;
}

export const AlertMatchesQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const TestAlertSchema = z
  .object({
    query: z.string().trim().max(1000),
    denial: DenialRuleSchema.nullable().optional(),
  })
  .strict();
export type TestAlert = z.infer<typeof TestAlertSchema>;

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One attempt at one delivery: the HTTP status (webhook), the SMTP answer (e-mail) or the error. */
export interface DeliveryAttempt {
  attemptedAt: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** One message to one channel: a match (instant), a digest or a spike notice. */
export interface AlertDelivery {
  id: number;
  /** `alertId:itemId:channel` for a match; unique, sent to receivers as an idempotency key. */
  key: string;
  alertId: number;
  channel: AlertChannel;
  kind: 'match' | 'digest' | 'spike';
  itemIds: number[];
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastError: string | null;
}

/** What a delivery carries: the JSON body of the webhook, the data of the SSE `alert` event. */
export interface AlertMessage {
  key: string;
  kind: 'match' | 'digest' | 'spike';
  alertId: number;
  alertName: string;
  query: string;
  /** The first (for `match`, the only) matched item: what the live stream shows. */
  item: AlertMatch | null;
  matches: AlertMatch[];
  /** Digest period or spike hour, ISO 8601. */
  period: { from: string; to: string } | null;
  /** Spike figures: matches in the last hour and the hourly baseline. */
  spike: { lastHour: number; baseline: number } | null;
  createdAt: string;
}
