import { errorMessage } from '@parallax/domain';
import { createTransport, type Transporter } from 'nodemailer';
import type { AlertMessage } from '@parallax/domain';

export interface EmailOutcome {
  /** The SMTP reply code of the accepted message (RFC 5321 §4.2), or null when none came. */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Sends alert e-mails through the SMTP server of `SMTP_URL` (`smtp://user:pass@host:587`, or `smtps://`).
 * A `from` query parameter sets the sender address.
 */
export class EmailSender {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(smtpUrl: string) {
    const url = new URL(smtpUrl);
    this.from = url.searchParams.get('from') ?? 'Parallax <parallax@localhost>';
    url.searchParams.delete('from');
    this.transport = createTransport(url.toString());
  }

  async send(to: string, message: AlertMessage): Promise<EmailOutcome> {
    const started = performance.now();
    try {
      const info = (await this.transport.sendMail({
        from: this.from,
        to,
        subject: emailSubject(message),
        text: emailText(message),
        headers: { 'X-Parallax-Delivery': message.key },
      })) as { response?: string };
      const code = /^(\d{3})/.exec(info.response ?? '')?.[1];
      return { statusCode: code ? Number(code) : null, error: null, durationMs: performance.now() - started };
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      return { statusCode: code ?? null, error: errorMessage(err), durationMs: performance.now() - started };
    }
  }

  close(): void {
    this.transport.close();
  }
}

export function emailSubject(m: AlertMessage): string {
  switch (m.kind) {
    case 'match':
      return `[Parallax] ${m.alertName}: ${m.item?.title ?? ''}`.slice(0, 250);
    case 'digest':
      return `[Parallax] ${m.alertName}: ${m.matches.length} new match${m.matches.length === 1 ? '' : 'es'}`;
    case 'spike':
      return `[Parallax] ${m.alertName}: volume spike (${m.spike?.lastHour ?? 0} in the last hour)`;
  }
}

/** A plain-text body: one block per matched item, with why it matched. */
export function emailText(m: AlertMessage): string {
  const head =
    m.kind === 'spike'
      ? `Volume spike for "${m.alertName}" (${m.query}): ${m.spike?.lastHour ?? 0} matches in the last hour, hourly baseline ${(m.spike?.baseline ?? 0).toFixed(2)}.`
      : m.kind === 'digest'
        ? `${m.matches.length} new matches for "${m.alertName}" (${m.query}) from ${m.period?.from ?? ''} to ${m.period?.to ?? ''}.`
        : `New match for "${m.alertName}" (${m.query}).`;
  const blocks = m.matches.map((x) => [`* ${x.title}`, `  ${x.outlet} · ${x.language} · ${x.publishedAt}`, x.url ? `  ${x.url}` : null, `  matched: ${x.reason}`].filter(Boolean).join('\n'));
  return [head, '', ...blocks, ''].join('\n');
}
