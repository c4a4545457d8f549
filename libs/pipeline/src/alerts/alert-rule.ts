import { DomainError, type DenialRule } from '@parallax/domain';
import { bindQuery, parseQuery, type BoundQuery, type EntityResolver, type QueryNode } from '@parallax/query';

/** An alert's query compiled for the matcher: bound once, tested against every new item. */
export interface CompiledRule {
  query: BoundQuery;
  /** "A new official denial about entity X": only items the stance detector flagged as denials. */
  requireDenial: boolean;
}

const QID = /^Q[1-9][0-9]*$/i;

/**
 * Compiles an alert with the query language of search (same parser, same entity resolver), so a rule
 * fires for exactly what a search for its query lists. A denial rule adds `kind:official` and the
 * entity to the query. Bad input throws DomainError: `QUERY_SYNTAX` with the position, or `VALIDATION`.
 */
export function compileAlertRule(rule: { query: string; denial: DenialRule | null }, resolveEntity: EntityResolver): CompiledRule {
  const text = rule.query.trim();
  if (!text && !rule.denial) throw new DomainError('VALIDATION', 'query: must not be empty (or give a denial rule)', { field: 'query' });
  const parts: QueryNode[] = [];
  if (text) parts.push(parseQuery(text, { resolveEntity }));
  if (rule.denial) {
    const name = rule.denial.entity.trim();
    const values = QID.test(name) ? [name.toUpperCase()] : resolveEntity(name).map((q) => q.toUpperCase());
    if (values.length === 0) throw new DomainError('VALIDATION', `denial.entity: unknown entity '${name}'`, { field: 'denial.entity' });
    parts.push({ type: 'field', field: 'kind', value: 'official', values: ['official'], position: 0 });
    parts.push({ type: 'field', field: 'entity', value: name, values, position: 0 });
  }
  const node: QueryNode = parts.length === 1 ? parts[0]! : { type: 'and', children: parts };
  return { query: bindQuery(node), requireDenial: rule.denial !== null };
}
