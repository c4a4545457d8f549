/**
 * The CSRF token of the browser's login session. The session itself is an httpOnly cookie that scripts
 * never see; writes made with it must echo this token in `X-CSRF-Token`. Kept in sessionStorage (per
 * tab) so a reload keeps it; it is useless without the cookie, which another site cannot read.
 */
const KEY = 'parallax.csrfToken';

let csrf: string | null = read();

function read(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(KEY) ?? null;
  } catch {
    // Storage disabled: the token is learnt again from /api/auth/me when a write needs it.
    return null;
  }
}

export const sessionStore = {
  csrfToken: (): string | null => csrf,
  set(token: string | null): void {
    csrf = token;
    try {
      if (token) globalThis.sessionStorage?.setItem(KEY, token);
      else globalThis.sessionStorage?.removeItem(KEY);
    } catch {
      // Keep it in memory only.
    }
  },
};
