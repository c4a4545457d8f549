import { DomainError } from '@parallax/domain';

/** An OPML file that cannot be imported: says what is wrong and where (1-based line and column). */
export class OpmlError extends DomainError {
  constructor(
    message: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super('VALIDATION', line !== null ? `OPML line ${line}, column ${column}: ${message}` : `OPML: ${message}`, {
      field: 'opml',
      ...(line !== null ? { line, column } : {}),
    });
    this.name = 'OpmlError';
  }
}
