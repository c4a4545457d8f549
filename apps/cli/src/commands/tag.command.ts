import { errorMessage } from '@parallax/domain';
import { createInterface } from 'node:readline';
import type { CliCommand } from './command.js';

interface TagRequest {
  id: string;
  text: string;
  lang?: string;
  sourceKind: 'official' | 'media';
}

/** Validates one input line; returns the request or the reason it is refused (with the id when known). */
function parseLine(line: string): TagRequest | { id: string | null; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { id: null, error: `not JSON: ${errorMessage(err)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { id: null, error: 'expected a JSON object' };
  const o = value as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : null;
  if (id === null) return { id: null, error: 'field "id": required, a string or number' };
  if (typeof o.text !== 'string') return { id, error: 'field "text": required, a string' };
  if (o.lang !== undefined && o.lang !== null && typeof o.lang !== 'string') return { id, error: 'field "lang": must be a string' };
  if (o.sourceKind !== undefined && o.sourceKind !== 'official' && o.sourceKind !== 'media') {
    return { id, error: 'field "sourceKind": must be "official" or "media"' };
  }
  const request: TagRequest = { id, text: o.text, sourceKind: o.sourceKind === 'official' ? 'official' : 'media' };
  if (typeof o.lang === 'string') request.lang = o.lang;
  return request;
}

/**
 * `tag`: reads JSON Lines `{"id","text","lang"?,"sourceKind"?}` on stdin and writes one line per input:
 * `{"id","lang","entities":[{"qid","name"}],"denial","mentionsDenial"}` (DESIGN.md, CLI contract).
 * A line that does not validate gives an error line on stderr for that id and the run goes on.
 */
export const tagCommand: CliCommand = {
  async run(): Promise<number> {
    const { Enricher } = await import('@parallax/enrich');
    const enricher = await Enricher.create();
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      const request = parseLine(line);
      if ('error' in request) {
        process.stderr.write(`${JSON.stringify({ id: request.id, line: lineNo, error: request.error })}\n`);
        continue;
      }
      const result = enricher.enrich({ title: request.text, declaredLanguage: request.lang ?? null, sourceKind: request.sourceKind });
      const out = { id: request.id, lang: result.language, entities: result.entities.map((e) => ({ qid: e.qid, name: e.name })), denial: result.denial, mentionsDenial: result.mentionsDenial };
      if (!process.stdout.write(`${JSON.stringify(out)}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
    return 0;
  },
};
