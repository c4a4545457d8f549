import { describe, expect, it } from 'vitest';
import { scrapeStatementList } from './scrape-statement-list.js';

const MFA_PAGE = `<!doctype html><html><head><title>外交部发言人答记者问</title></head><body>
<nav><a href="/">首页</a></nav>
<ul class="list1">
  <li><a href="./202202/t20220204_10638950.shtml">2022年2月4日外交部发言人汪文斌主持例行记者会</a><span>2022-02-04</span></li>
  <li><a href="202202/t20220203_10638472.shtml">外交部发言人就有关报道答记者问</a><span>2022年2月3日</span></li>
  <li><a href="javascript:void(0)">无链接</a><span>2022-02-02</span></li>
  <li><a href="./202202/t20220204_10638950.shtml">重复</a><span>2022-02-04</span></li>
</ul></body></html>`;

describe('scrapeStatementList', () => {
  it('reads links, titles and dates with the source selectors, resolving relative links', () => {
    const entries = scrapeStatementList(MFA_PAGE, 'https://www.mfa.gov.cn/web/fyrbt_673021/', { list: 'ul.list1 li', link: 'a', date: 'span' });
    expect(entries).toEqual([
      {
        title: '2022年2月4日外交部发言人汪文斌主持例行记者会',
        link: 'https://www.mfa.gov.cn/web/fyrbt_673021/202202/t20220204_10638950.shtml',
        guid: 'https://www.mfa.gov.cn/web/fyrbt_673021/202202/t20220204_10638950.shtml',
        publishedAt: '2022-02-04T00:00:00.000Z',
        author: null,
        summary: null,
        content: null,
      },
      {
        title: '外交部发言人就有关报道答记者问',
        link: 'https://www.mfa.gov.cn/web/fyrbt_673021/202202/t20220203_10638472.shtml',
        guid: 'https://www.mfa.gov.cn/web/fyrbt_673021/202202/t20220203_10638472.shtml',
        publishedAt: '2022-02-03T00:00:00.000Z',
        author: null,
        summary: null,
        content: null,
      },
    ]);
  });

  it('uses a title selector, <base href>, datetime attributes and list elements that are themselves links', () => {
    const html = `<html><head><base href="https://www.diplomatie.gouv.fr/fr/"></head><body>
      <div class="news">
        <a class="card" href="salle-de-presse/declaration-1"><h3>  Déclaration   du porte-parole </h3><time datetime="2022-02-04T09:30:00+01:00">4 février 2022</time></a>
        <a class="card" href="salle-de-presse/declaration-2"><h3>Communiqué</h3><p class="d">1er mars 2022</p></a>
      </div></body></html>`;
    const withSelectors = scrapeStatementList(html, 'https://example.org/ignored', { list: '.news a.card', link: 'a.card', title: 'h3', date: 'time, p.d' });
    expect(withSelectors.map((e) => [e.title, e.link, e.publishedAt])).toEqual([
      ['Déclaration du porte-parole', 'https://www.diplomatie.gouv.fr/fr/salle-de-presse/declaration-1', '2022-02-04T08:30:00.000Z'],
      ['Communiqué', 'https://www.diplomatie.gouv.fr/fr/salle-de-presse/declaration-2', '2022-03-01T00:00:00.000Z'],
    ]);
    const withoutDateSelector = scrapeStatementList(html, 'https://example.org/', { list: '.news a.card', link: 'a.card', title: 'h3' });
    expect(withoutDateSelector.map((e) => e.publishedAt)).toEqual(['2022-02-04T08:30:00.000Z', null]);
  });

  it('gives no entries when the list selector matches nothing', () => {
    expect(scrapeStatementList(MFA_PAGE, 'https://www.mfa.gov.cn/', { list: '.missing', link: 'a' })).toEqual([]);
  });
});
