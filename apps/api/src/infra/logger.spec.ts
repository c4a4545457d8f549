import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createLogger } from './logger.js';

it('never writes a secret: authorization, cookies, passwords and tokens are redacted wherever they sit', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger('info', sink);
  logger.info({ req: { headers: { authorization: 'Bearer s3cret-bearer', cookie: 'parallax_session=s3cret-cookie' } } }, 'request');
  logger.info({ body: { username: 'ana', password: 's3cret-password' } }, 'login');
  logger.info({ token: 's3cret-token', created: { token: 's3cret-new-token', webhookSecret: 's3cret-hook' } }, 'tokens');
  const out = lines.join('');
  expect(out).not.toMatch(/s3cret/);
  expect(out.match(/\[Redacted\]/g)).toHaveLength(6);
  expect(out).toContain('"username":"ana"');
});
