import { describe, expect, it } from 'vitest';
import { parseSearchState, searchStateToParams, toAlertQuery, toggleFacet, toSearchParams } from './search-state.js';

describe('search state in the URL', () => {
  it('round-trips every field through the query string', () => {
    const url = 'q=%22fake+news%22+OR+%E4%B8%AD%E4%BF%84&entity=Q148&entity=Q159&outlet=New+York+Times&lang=zh&kind=official&from=2022-02-01&to=2022-02-28&sort=newest&page=3';
    const state = parseSearchState(new URLSearchParams(url));
    expect(state).toEqual({
      q: '"fake news" OR 中俄',
      entity: ['Q148', 'Q159'],
      outlet: ['New York Times'],
      lang: ['zh'],
      kind: ['official'],
      from: '2022-02-01',
      to: '2022-02-28',
      sort: 'newest',
      page: 3,
    });
    expect(parseSearchState(searchStateToParams(state))).toEqual(state);
  });

  it('drops values it cannot use instead of sending them to the API', () => {
    const state = parseSearchState(new URLSearchParams('kind=blog&from=yesterday&sort=random&page=-2&lang=&lang=en&lang=en'));
    expect(state).toMatchObject({ kind: [], from: '', sort: 'relevance', page: 1, lang: ['en'] });
    expect(searchStateToParams(state).toString()).toBe('lang=en');
  });

  it('toggles a facet value and goes back to page 1', () => {
    const s = parseSearchState(new URLSearchParams('outlet=TASS&page=4'));
    const added = toggleFacet(s, 'outlet', 'Xinhua');
    expect(added.outlet).toEqual(['TASS', 'Xinhua']);
    expect(added.page).toBe(1);
    expect(toggleFacet(added, 'outlet', 'TASS').outlet).toEqual(['Xinhua']);
  });

  it('turns days into whole-day UTC bounds and pages into offsets', () => {
    const p = toSearchParams(parseSearchState(new URLSearchParams('from=2022-02-04&to=2022-02-04&page=2')));
    expect(p).toMatchObject({ from: '2022-02-04T00:00:00.000Z', to: '2022-02-04T23:59:59.999Z', limit: 20, offset: 20, facets: true });
  });
});

describe('toAlertQuery', () => {
  it('writes facet filters in the query language, quoting names with spaces', () => {
    const s = parseSearchState(new URLSearchParams('q=Olympics&entity=Q148&outlet=New+York+Times&outlet=TASS&kind=official'));
    expect(toAlertQuery(s)).toBe('Olympics entity:Q148 (outlet:"New York Times" OR outlet:TASS) kind:official');
  });

  it('groups a top-level OR so the filters apply to both sides', () => {
    const s = parseSearchState(new URLSearchParams('q=Olympics+OR+Beijing&lang=ru'));
    expect(toAlertQuery(s)).toBe('(Olympics OR Beijing) lang:ru');
  });

  it('is empty for an empty search', () => {
    expect(toAlertQuery(parseSearchState(new URLSearchParams('from=2022-01-01')))).toBe('');
  });
});
