import { createHash, randomBytes } from 'node:crypto';

/**
 * Session and API-token secrets carry 256 random bits, so a plain SHA-256 is enough to store them: there is
 * nothing to brute-force, unlike a password. Lookups go by digest, so the clear secret is never in the database.
 */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function digestOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
