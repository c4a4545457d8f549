import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DomainError } from '@parallax/domain';
import type { SeedMode } from './seed.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/**
 * Sources polled at once. Fetching waits on the network far more than it computes, and politeness
 * already keeps one request at a time per host, so many hosts are fetched together; polls in flight
 * also reach the store and the story clustering together, in fewer, larger batches (the ingest bench:
 * 8 at once, 440 items/s; 32 at once, 570 items/s and a quarter less CPU per item). Each poll in
 * flight may hold one document of up to MONITOR_FETCH_MAX_BYTES.
 */
export const DEFAULT_POLL_CONCURRENCY = 32;

/** The environment of DESIGN.md, validated once at start into a typed object, for the API and the CLI alike. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  MONITOR_DATA_DIR: z.string().min(1).default('./data'),
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MONITOR_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  MONITOR_ALLOW_PRIVATE_SOURCES: bool.default(false),
  MONITOR_SEED: z
    .string()
    .default('defaults,demo')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['defaults', 'demo', 'none']))),
  /** Turns the poll scheduler off (tests, read-only replicas). */
  MONITOR_SCHEDULER: bool.default(true),
  MONITOR_SEED_DIR: z.string().optional(),
  MONITOR_POLL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(DEFAULT_POLL_CONCURRENCY),
  MONITOR_PER_HOST_GAP_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  MONITOR_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  MONITOR_FETCH_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 ** 3).default(10 * 1024 ** 2),
  MONITOR_INGEST_THREADS: z.coerce.number().int().min(0).max(16).optional(),
  SMTP_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Environment {
  port: number;
  host: string;
  dataDir: string;
  meiliUrl: string | null;
  meiliMasterKey: string | null;
  adminToken: string | null;
  allowPrivateSources: boolean;
  seed: SeedMode[];
  seedDir: string;
  scheduler: boolean;
  pollConcurrency: number;
  perHostGapMs: number;
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  /** Threads that parse and enrich polled documents beside the main thread (0: on the main thread). */
  ingestThreads: number;
  smtpUrl: string | null;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** The built dashboard, served at `/` by the API. */
  dashboardDir: string;
}

/** One preparation thread per core beyond the one the store, clustering and the API share; at most 4. */
export function defaultIngestThreads(): number {
  return Math.min(4, Math.max(0, os.availableParallelism() - 1));
}

/** Repository root, from libs/pipeline/{src,dist}. */
const ROOT = path.resolve(__dirname, '../../..');

/** Reads and validates the environment; a bad value stops start-up with a message naming the variable. */
export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('VALIDATION', `environment variable ${String(issue.path[0])}: ${issue.message}`, { field: String(issue.path[0]) });
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.MONITOR_DATA_DIR),
    meiliUrl: e.MEILI_URL ?? null,
    meiliMasterKey: e.MEILI_MASTER_KEY ?? null,
    adminToken: e.MONITOR_ADMIN_TOKEN ?? null,
    allowPrivateSources: e.MONITOR_ALLOW_PRIVATE_SOURCES,
    seed: e.MONITOR_SEED,
    seedDir: path.resolve(e.MONITOR_SEED_DIR ?? path.join(ROOT, 'seed')),
    scheduler: e.MONITOR_SCHEDULER,
    pollConcurrency: e.MONITOR_POLL_CONCURRENCY,
    perHostGapMs: e.MONITOR_PER_HOST_GAP_MS,
    fetchTimeoutMs: e.MONITOR_FETCH_TIMEOUT_MS,
    fetchMaxBytes: e.MONITOR_FETCH_MAX_BYTES,
    ingestThreads: e.MONITOR_INGEST_THREADS ?? defaultIngestThreads(),
    smtpUrl: e.SMTP_URL ?? null,
    logLevel: e.LOG_LEVEL,
    dashboardDir: path.join(ROOT, 'apps/dashboard/dist'),
  };
}
