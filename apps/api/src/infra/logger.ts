import type { LoggerService } from '@nestjs/common';
import pino from 'pino';

export type AppLogger = pino.Logger;

/**
 * Fields that may carry a secret, wherever they appear one or two levels down (a request's headers, a
 * login body, a token answer): pino writes `[Redacted]` instead of the value.
 */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'secret',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.secret',
  '*.webhookSecret',
  '*.csrfToken',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["x-csrf-token"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): AppLogger {
  const options: pino.LoggerOptions = { level, base: { app: 'parallax' }, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: REDACTED_PATHS } };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's own messages (bootstrap, route mapping, errors) go through the same structured logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}
  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
