import type { LoggerService } from '@nestjs/common';
import pino from 'pino';

export type AppLogger = pino.Logger;

export function createLogger(level: string): AppLogger {
  return pino({ level, base: { app: 'parallax' }, timestamp: pino.stdTimeFunctions.isoTime });
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
