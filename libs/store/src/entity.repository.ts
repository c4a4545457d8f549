import { DomainError } from '@parallax/domain';
import type { Db } from './database.js';

/** An analyst's own entity: a name and aliases per language, keyed like the gazetteer. */
export interface CustomEntityRecord {
  qid: string;
  name: string;
  aliases: Record<string, string[]>;
  createdAt: string;
}

export class EntityRepository {
  constructor(private readonly db: Db) {}

  list(): CustomEntityRecord[] {
    const rows = this.db.prepare('SELECT qid, name, aliases_json, created_at FROM custom_entities ORDER BY name').all() as {
      qid: string;
      name: string;
      aliases_json: string;
      created_at: string;
    }[];
    return rows.map((r) => ({ qid: r.qid, name: r.name, aliases: JSON.parse(r.aliases_json) as Record<string, string[]>, createdAt: r.created_at }));
  }

  upsert(e: Omit<CustomEntityRecord, 'createdAt'>, now = new Date()): CustomEntityRecord {
    if (!e.name.trim()) throw new DomainError('VALIDATION', 'name must not be empty', { field: 'name' });
    this.db
      .prepare(
        `INSERT INTO custom_entities (qid, name, aliases_json, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (qid) DO UPDATE SET name = excluded.name, aliases_json = excluded.aliases_json`,
      )
      .run(e.qid, e.name, JSON.stringify(e.aliases), now.toISOString());
    return this.list().find((x) => x.qid === e.qid)!;
  }
}
