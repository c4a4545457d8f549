/**
 * The structured logger the pipeline writes to: the subset of pino's API it uses, so the API and the CLI
 * pass their pino instance and tests pass a silent one. Fields such as `sourceId` go in the object.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
