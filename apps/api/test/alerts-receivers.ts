import { createHmac } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** One request a webhook receiver got, and what it answered. */
export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  answered: number | 'hang';
}

/**
 * A loopback webhook receiver. Each path answers from its plan, one status per request (the last
 * one repeating); `hang` accepts the request and never answers.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly plans = new Map<string, (number | 'hang')[]>();
  private readonly hanging = new Set<http.ServerResponse>();
  private server: http.Server | null = null;
  url = '';

  plan(path: string, answers: (number | 'hang')[]): void {
    this.plans.set(path, [...answers]);
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const plan = this.plans.get(path) ?? [200];
        const answer = plan.length > 1 ? plan.shift()! : (plan[0] ?? 200);
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered: answer });
        if (answer === 'hang') {
          this.hanging.add(res);
          return;
        }
        res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** True when the signature header is the HMAC-SHA256 of the raw body with the alert's secret. */
export function signatureValid(r: ReceivedWebhook, secret: string): boolean {
  return r.headers['x-parallax-signature'] === `sha256=${createHmac('sha256', secret).update(r.body).digest('hex')}`;
}

/** A message the SMTP server accepted: the envelope and the DATA as sent. */
export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/**
 * A loopback SMTP server speaking just enough of RFC 5321 for one client: greeting, EHLO/HELO,
 * MAIL, RCPT, DATA (dot-terminated, dot-stuffing undone), RSET, NOOP, QUIT. No extensions offered,
 * so the client sends plain text without STARTTLS or AUTH.
 */
export class SmtpServer {
  readonly mails: ReceivedMail[] = [];
  private server: net.Server | null = null;
  port = 0;

  async start(): Promise<this> {
    this.server = net.createServer((socket) => {
      let buffer = '';
      let inData = false;
      let mail: ReceivedMail = { from: '', to: [], data: '' };
      const reply = (line: string) => socket.write(`${line}\r\n`);
      reply('220 localhost test SMTP ready');
      socket.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
          const line = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (inData) {
            if (line === '.') {
              inData = false;
              this.mails.push(mail);
              mail = { from: '', to: [], data: '' };
              reply('250 2.0.0 queued');
            } else {
              mail.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
            }
            continue;
          }
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') reply('250 localhost');
          else if (verb === 'MAIL') {
            mail.from = line.slice(10).trim();
            reply('250 2.1.0 ok');
          } else if (verb === 'RCPT') {
            mail.to.push(line.slice(8).trim());
            reply('250 2.1.5 ok');
          } else if (verb === 'DATA') {
            inData = true;
            reply('354 end data with <CR><LF>.<CR><LF>');
          } else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok');
          else if (verb === 'QUIT') {
            reply('221 bye');
            socket.end();
          } else reply('502 command not implemented');
        }
      });
      socket.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** One server-sent event. */
export interface SseMessage {
  event: string;
  id: string | null;
  data: string;
}

/** A client of `GET /api/stream` collecting events (HTML Living Standard §9.2.6 parsing, the parts we send). */
export class SseClient {
  readonly events: SseMessage[] = [];
  private readonly controller = new AbortController();
  private reading: Promise<void> | null = null;

  async open(url: string, token: string): Promise<this> {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: this.controller.signal });
    if (res.status !== 200 || !res.body) throw new Error(`stream answered ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    this.reading = (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const msg: SseMessage = { event: 'message', id: null, data: '' };
            const data: string[] = [];
            for (const line of block.split('\n')) {
              const colon = line.indexOf(':');
              if (colon === 0) continue;
              const field = colon < 0 ? line : line.slice(0, colon);
              const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'event') msg.event = value;
              else if (field === 'id') msg.id = value;
              else if (field === 'data') data.push(value);
            }
            msg.data = data.join('\n');
            this.events.push(msg);
          }
        }
      } catch {
        // Closed by close(): the stream ends with an abort.
      }
    })();
    return this;
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.reading;
  }
}

/** Polls `check` until it returns something truthy, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
