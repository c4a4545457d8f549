import { DomainError } from '@parallax/domain';
import type { DenialCandidate, DenialLink, DenialLinkOptions, StorySummary } from './denial.js';
import { findOutletMentions } from './outlet-mentions.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Naming an outlet of the story ("the report by the New York Times") is the strongest single sign. */
const OUTLET_NAMED_BOOST = 0.35;

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Links an official denial to the stories it rejects, best first.
 *
 * A story qualifies when it was first reported before the denial, within `windowDays` (a denial answers
 * a claim already out; `clockSkewHours` allows for statement pages dated to the day). It then scores
 * 0.6 × entity overlap + 0.4 × term overlap (both idf-weighted cosines when stats are given), plus a
 * strong boost when the denial names one of the outlets that carried the story, times a factor that
 * prefers denials soon after the first report (1 at once, 3/4 after three days, towards 1/2 later).
 * A story needs a shared entity or a named outlet at all, and `minSharedTerms` shared terms unless
 * an outlet of it is named.
 */
export function linkDenial(denial: DenialCandidate, stories: readonly StorySummary[], options: DenialLinkOptions = {}): DenialLink[] {
  const deniedAt = Date.parse(denial.publishedAt);
  if (Number.isNaN(deniedAt)) throw new DomainError('VALIDATION', `denial ${denial.id}: publishedAt is not an ISO 8601 date`, { field: 'publishedAt' });
  const windowDays = options.windowDays ?? 14;
  const skewMs = (options.clockSkewHours ?? 12) * HOUR_MS;
  const minScore = options.minScore ?? 0.2;
  const stats = options.stats;
  const idf = (k: string): number => (stats ? stats.idf(k) : 1);

  const denialEntities = new Map([...new Set(denial.entities)].map((q) => [q, idf(q)]));
  const denialEntityNorm = norm(denialEntities.values());
  const denialTerms = new Map([...new Set(denial.terms)].map((t) => [t, idf(t)]));
  const denialTermNorm = norm(denialTerms.values());

  const links: DenialLink[] = [];
  for (const story of stories) {
    const first = Date.parse(story.firstReportedAt);
    if (Number.isNaN(first)) continue;
    const lead = deniedAt - first;
    if (lead < -skewMs || lead > windowDays * DAY_MS) continue;

    let dot = 0;
    let storyNorm2 = 0;
    const shared: string[] = [];
    for (const { qid, weight } of story.entities) {
      const w = weight * idf(qid);
      storyNorm2 += w * w;
      const d = denialEntities.get(qid);
      if (d !== undefined) {
        dot += w * d;
        shared.push(qid);
      }
    }
    const entityOverlap = dot > 0 ? dot / (Math.sqrt(storyNorm2) * denialEntityNorm) : 0;

    let tdot = 0;
    let tnorm2 = 0;
    const sharedTerms: string[] = [];
    for (const t of new Set(story.terms)) {
      const w = idf(t);
      tnorm2 += w * w;
      const d = denialTerms.get(t);
      if (d !== undefined) {
        tdot += w * d;
        sharedTerms.push(t);
      }
    }
    const termOverlap = tdot > 0 ? tdot / (Math.sqrt(tnorm2) * denialTermNorm) : 0;

    const named = findOutletMentions(denial.text, story.outlets, options.outletAliases);
    if (shared.length === 0 && named.length === 0) continue;
    if (named.length === 0 && sharedTerms.length < (options.minSharedTerms ?? 0)) continue;

    const leadDays = Math.max(0, lead) / DAY_MS;
    const timeFactor = 0.5 + 0.5 * Math.pow(0.5, leadDays / 3);
    const content = 0.6 * entityOverlap + 0.4 * termOverlap + (named.length > 0 ? OUTLET_NAMED_BOOST : 0);
    const score = Math.min(1, content) * timeFactor;
    if (score < minScore) continue;

    const reasons: string[] = [];
    if (named.length > 0) reasons.push(`names ${named.map((n) => (n.alias === n.outlet ? n.outlet : `${n.outlet} (as "${n.alias}")`)).join(', ')}`);
    reasons.push(shared.length > 0 ? `shared entities: ${shared.join(', ')} (overlap ${round(entityOverlap)})` : 'no shared entities');
    if (sharedTerms.length > 0) reasons.push(`shared terms: ${sharedTerms.slice(0, 12).join(', ')} (overlap ${round(termOverlap)})`);
    reasons.push(lead >= 0 ? `first reported ${round(lead / HOUR_MS)} h before the denial` : `first reported ${round(-lead / HOUR_MS)} h after the denial's date (within the clock skew)`);
    links.push({ storyId: story.storyId, score: round(score), reasons });
  }
  return links.sort((a, b) => b.score - a.score || a.storyId - b.storyId);
}

function norm(ws: Iterable<number>): number {
  let s = 0;
  for (const w of ws) s += w * w;
  return Math.sqrt(s);
}
