import { z } from 'zod';

export const SOURCE_KINDS = ['media', 'official'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_TYPES = ['feed', 'html'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** How to read an HTML statement page that has no feed: CSS selectors, evaluated with cheerio. */
export const HtmlSelectorsSchema = z.object({
  /** Selects one element per statement in the listing page. */
  list: z.string().min(1).max(500),
  /** Within a list element: the anchor whose href is the statement URL. */
  link: z.string().min(1).max(500),
  title: z.string().min(1).max(500).optional(),
  date: z.string().min(1).max(500).optional(),
  /** On the statement page itself: the element holding the body (fetched only when given). */
  body: z.string().min(1).max(500).optional(),
});
export type HtmlSelectors = z.infer<typeof HtmlSelectorsSchema>;

/** An absolute http(s) URL: sources, webhooks, previews. */
export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

/** ISO 639-1 (two letters), optionally with a region, as feeds declare it. */
const languageTag = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as "en" or "zh-CN"');

export const CreateSourceSchema = z.object({
  name: z.string().trim().min(1).max(200),
  url: HttpUrlSchema,
  kind: z.enum(SOURCE_KINDS).default('media'),
  type: z.enum(SOURCE_TYPES).default('feed'),
  language: languageTag.nullable().optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "CN"')
    .nullable()
    .optional(),
  pollIntervalSeconds: z.number().int().min(60).max(7 * 86400).default(900),
  enabled: z.boolean().default(true),
  selectors: HtmlSelectorsSchema.nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
});
export type CreateSource = z.infer<typeof CreateSourceSchema>;

export const UpdateSourceSchema = CreateSourceSchema.partial().strict();
export type UpdateSource = z.infer<typeof UpdateSourceSchema>;

/** The health of a source as the scheduler last saw it. */
export type SourceStatus = 'new' | 'ok' | 'unchanged' | 'error' | 'silent' | 'paused';

export interface Source {
  id: number;
  name: string;
  url: string;
  kind: SourceKind;
  type: SourceType;
  language: string | null;
  country: string | null;
  pollIntervalSeconds: number;
  enabled: boolean;
  selectors: HtmlSelectors | null;
  tags: string[];
  /** True for the bundled demo workspace: labelled in the UI and removable in one step. */
  demo: boolean;
  createdAt: string;
  // Health, as DESIGN.md lists it.
  lastPolledAt: string | null;
  lastStatus: SourceStatus;
  lastError: string | null;
  lastNewItemAt: string | null;
  itemCount: number;
  consecutiveFailures: number;
  nextPollAt: string | null;
}

/** One poll of one source, as the poll log keeps it. */
export interface PollResult {
  fetched: number;
  new: number;
  duplicates: number;
  errors: number;
  /** HTTP 304 or identical body: nothing to do. */
  unchanged: boolean;
  error: string | null;
  durationMs: number;
}

export interface PollLogEntry extends PollResult {
  id: number;
  sourceId: number;
  startedAt: string;
  status: 'ok' | 'unchanged' | 'error';
  httpStatus: number | null;
}
