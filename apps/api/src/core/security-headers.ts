import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers (helmet) with a content security policy (CSP Level 3) that the built dashboard passes:
 * Vite emits only external module scripts and stylesheets, so no inline script or style is allowed.
 * Images are limited to our own origin and data: URLs, so an item's HTML cannot make the reader's browser
 * call an outlet's server. Framing is refused (clickjacking).
 */
const APP_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Swagger UI's page carries inline styles (its scripts are files): only /api/docs gets them. */
const DOCS_POLICY = { ...APP_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] };

const common = {
  // Same-origin API and dashboard: nothing is meant to be embedded elsewhere.
  crossOriginResourcePolicy: { policy: 'same-origin' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
};

export function securityHeaders(): RequestHandler {
  const app = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: APP_POLICY } });
  const docs = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: DOCS_POLICY } });
  return (req, res, next) => (req.path === '/api/docs' || req.path.startsWith('/api/docs/') ? docs(req, res, next) : app(req, res, next));
}
