/** One term's standing in one group against all the others. */
export interface DistinctiveTerm {
  term: string;
  /** Occurrences in the group. */
  count: number;
  /** Occurrences in all the other groups together. */
  otherCount: number;
  /** Estimated log-odds ratio δ̂ of the term in the group against the rest. */
  logOdds: number;
  /** δ̂ divided by its estimated standard deviation: how sure we are that the group favours the term. */
  zScore: number;
}

export interface DistinctiveTermsOptions {
  /**
   * α₀, the total pseudo-count of the Dirichlet prior. The prior is spread over terms in proportion to
   * their frequency in the whole corpus. Default: the corpus size, i.e. every term's prior equals its
   * corpus count.
   */
  priorStrength?: number;
  /** Terms kept per group, highest z first (default 15). */
  top?: number;
  /** Only terms the group uses at least this often (default 1). */
  minCount?: number;
}

/**
 * Distinctive terms of each group (outlet) against all the other groups, by the log-odds ratio with an
 * informative Dirichlet prior of Monroe, Colaresi & Quinn, "Fightin' Words: Lexical Feature Selection
 * and Evaluation for Identifying the Content of Political Conflict", Political Analysis 16(4), 2008,
 * section 3.5.3.
 *
 * For term w, group i with counts y_w^i of n^i terms, the rest j with y_w^j of n^j, and the prior
 * α_w = α₀ · y_w / n from the whole corpus (y_w of n terms):
 *
 *   δ̂_w = ln[(y_w^i + α_w) / (n^i + α₀ − y_w^i − α_w)] − ln[(y_w^j + α_w) / (n^j + α₀ − y_w^j − α_w)]
 *   σ²(δ̂_w) ≈ 1 / (y_w^i + α_w) + 1 / (y_w^j + α_w)
 *   z_w = δ̂_w / σ(δ̂_w)
 *
 * The prior shrinks the estimate for rare terms towards the corpus rate and the variance term grows as
 * counts shrink, so a word one outlet happened to use once does not outrank one it uses throughout.
 * Only terms with z > 0 (favoured by the group) are returned.
 */
export function distinctiveTerms(countsByGroup: ReadonlyMap<string, ReadonlyMap<string, number>>, options: DistinctiveTermsOptions = {}): Map<string, DistinctiveTerm[]> {
  const top = options.top ?? 15;
  const minCount = options.minCount ?? 1;
  const corpus = new Map<string, number>();
  let n = 0;
  for (const counts of countsByGroup.values()) {
    for (const [term, c] of counts) {
      corpus.set(term, (corpus.get(term) ?? 0) + c);
      n += c;
    }
  }
  const alpha0 = options.priorStrength ?? n;
  const out = new Map<string, DistinctiveTerm[]>();
  for (const [group, counts] of countsByGroup) {
    let ni = 0;
    for (const c of counts.values()) ni += c;
    const nj = n - ni;
    const scored: DistinctiveTerm[] = [];
    for (const [term, yi] of counts) {
      if (yi < minCount) continue;
      const yw = corpus.get(term) ?? yi;
      const yj = yw - yi;
      const aw = n > 0 ? (alpha0 * yw) / n : 0;
      const logOdds = Math.log((yi + aw) / (ni + alpha0 - yi - aw)) - Math.log((yj + aw) / (nj + alpha0 - yj - aw));
      const variance = 1 / (yi + aw) + 1 / (yj + aw);
      const zScore = logOdds / Math.sqrt(variance);
      if (Number.isFinite(zScore) && zScore > 0) scored.push({ term, count: yi, otherCount: yj, logOdds, zScore });
    }
    scored.sort((a, b) => b.zScore - a.zScore || b.count - a.count || (a.term < b.term ? -1 : 1));
    out.set(group, scored.slice(0, top));
  }
  return out;
}
