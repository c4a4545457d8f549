import { errorMessage } from '@parallax/domain';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { guardedLookup } from '@parallax/ingest';

export interface WebhookRequest {
  url: string;
  /** The per-alert key of the HMAC. */
  secret: string;
  /** The raw JSON body: the signature covers exactly these bytes. */
  body: string;
  /** Idempotency key: a receiver that sees it twice has seen the same message. */
  deliveryKey: string;
  event: string;
}

/** What the receiver answered: a status code, or the error that stood in for one. */
export interface WebhookOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookSenderOptions {
  /** Loopback and private receivers allowed (MONITOR_ALLOW_PRIVATE_SOURCES, tests). */
  allowPrivate: boolean;
  timeoutMs?: number;
}

/** `sha256=<hex>`: HMAC-SHA256 (RFC 2104) of the raw body with the alert's secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * POSTs alert messages to webhook receivers. The receiver's address goes through the same guard as
 * sources (checked after DNS), redirects are not followed (a 3xx is a failure), and only a 2xx counts
 * as an acknowledgement.
 */
export class WebhookSender {
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly options: WebhookSenderOptions) {}

  async send(req: WebhookRequest, signal?: AbortSignal): Promise<WebhookOutcome> {
    const started = performance.now();
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort);
    this.inFlight.add(controller);
    try {
      const statusCode = await this.post(req, controller.signal);
      const ok = statusCode >= 200 && statusCode < 300;
      return { statusCode, error: ok ? null : `receiver answered HTTP ${statusCode}`, durationMs: performance.now() - started };
    } catch (err) {
      return { statusCode: null, error: errorMessage(err), durationMs: performance.now() - started };
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.inFlight.delete(controller);
    }
  }

  /** Aborts every request under way (shutdown): their deliveries stay pending. */
  abortAll(): void {
    for (const c of this.inFlight) c.abort();
  }

  private post(req: WebhookRequest, signal: AbortSignal): Promise<number> {
    const url = new URL(req.url);
    const client = url.protocol === 'https:' ? https : http;
    const body = Buffer.from(req.body, 'utf8');
    return new Promise<number>((resolve, reject) => {
      const r = client.request(
        url,
        {
          method: 'POST',
          signal,
          timeout: this.options.timeoutMs ?? 10_000,
          lookup: this.options.allowPrivate ? undefined : guardedLookup,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'content-length': body.length,
            'user-agent': 'Parallax/0.1 (alert webhook)',
            'x-parallax-event': req.event,
            'x-parallax-delivery': req.deliveryKey,
            'x-parallax-timestamp': String(Math.floor(Date.now() / 1000)),
            'x-parallax-signature': webhookSignature(req.secret, req.body),
          },
        },
        (res) => {
          // The answer's body is not needed: read and drop it so the socket is freed.
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      r.on('timeout', () => r.destroy(new Error('receiver did not answer in time')));
      r.on('error', reject);
      r.end(body);
    });
  }
}
