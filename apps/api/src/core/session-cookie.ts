import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'parallax_session';
export const SESSION_TTL_MS = 7 * 86_400_000;

/** The session secret from the Cookie header (RFC 6265 §4.2), or undefined. */
export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = pair.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * httpOnly keeps the secret from scripts; SameSite=Lax keeps it off cross-site subresource requests and
 * cross-site POSTs (RFC 6265bis §8.8); Secure when the request came over TLS (behind a proxy: `trust proxy`).
 */
export function writeSessionCookie(req: Request, res: Response, secret: string): void {
  res.cookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: SESSION_TTL_MS });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}
