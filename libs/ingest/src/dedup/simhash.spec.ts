import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.js';
import { EMPTY_SIMHASH, hammingDistance, simhash64 } from './simhash.js';

// Invented wire copy (not a real report), long enough to look like a syndicated story.
const WIRE_BODY = [
  'Officials in the capital on Thursday outlined a plan to rebuild the northern rail corridor after',
  'last winter floods washed away two bridges and several kilometres of track near the river delta.',
  'The transport ministry said the first trains could run again by the autumn, although engineers',
  'warned that the soft ground along the embankment would need months of work before heavy freight',
  'traffic returns. Local councils welcomed the announcement but asked for a clearer timetable and for',
  'compensation for farmers whose fields were used as temporary storage yards during the emergency.',
  'The plan also includes new drainage channels, a second road bridge and a warning system that sends',
  'text messages to residents when water levels rise above a set mark. Opposition lawmakers said the',
  'budget was too small and that the same promises had been made after the previous floods.',
].join(' ');

const ORIGINAL = `NORTHPORT, March 3 (Tidewire) - ${WIRE_BODY} Reporting by Ana Ruiz; editing by Tom Bell.`;
const RESYNDICATED = `By Staff and wire reports | SOUTHBAY - ${WIRE_BODY} Copyright Tidewire news agency.`;

const OTHER_STORY = [
  'The national football team lost two goals to one in a friendly match on Saturday evening, with the',
  'coach blaming a tired midfield and a wet pitch. Supporters booed at half time, and the captain said',
  'after the final whistle that the squad owed the fans a better performance in the qualifiers next',
  'month. Two young strikers made their debut and one of them scored a late header from a corner kick.',
].join(' ');

const ZH_WIRE = '新华社北京二月四日电 记者报道，北方铁路走廊修复计划周四公布，交通部门表示首批列车有望在秋季恢复运行，但工程师提醒路基松软，重型货运恢复前仍需数月加固。地方政府欢迎这一安排，同时要求公布更清晰的时间表，并对临时占用农田的农户给予补偿。计划还包括新的排水渠、第二座公路桥以及水位超过警戒线时向居民发送短信的预警系统。' +
  '反对派议员则批评预算过少，称上一次洪灾之后政府也作过同样的承诺，却迟迟没有兑现。沿线居民表示，他们最关心的是通勤时间，目前绕行公路单程需要多花一个多小时，冬季路况更差。铁路部门称将在夏季前公布详细的施工分段和临时接驳巴士安排，并邀请独立专家评估路基加固方案。';
const ZH_COPY = ZH_WIRE.replace('新华社北京二月四日电 记者报道，', '本报综合消息，');
const ZH_OTHER = '国家足球队周六晚在一场热身赛中以一比二告负，主教练认为中场体能不足且场地湿滑。球迷在半场时发出嘘声，队长赛后表示，球队下个月的预选赛必须拿出更好的表现来回报支持者。两名年轻前锋首次登场，其中一人在比赛末段头球破门。';

describe('simhash64', () => {
  it('gives 16 lower-case hex digits', () => {
    expect(simhash64(ORIGINAL)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps a wire copy with another dateline and byline within 3 bits', () => {
    expect(hammingDistance(simhash64(ORIGINAL), simhash64(RESYNDICATED))).toBeLessThanOrEqual(3);
  });

  it('puts a different story far away', () => {
    expect(hammingDistance(simhash64(ORIGINAL), simhash64(OTHER_STORY))).toBeGreaterThan(12);
  });

  it('ignores case, punctuation, spacing and full-width forms', () => {
    const noisy = ORIGINAL.toUpperCase().replace(/ /g, '  ').replace(/,/g, ' ,');
    expect(simhash64(noisy)).toBe(simhash64(ORIGINAL));
    expect(simhash64('Ｏｌｙｍｐｉｃｓ ２０２２')).toBe(simhash64('olympics 2022'));
  });

  it('handles Chinese text by character n-grams: a copy is near, another story is far', () => {
    expect(simhash64(ZH_WIRE)).not.toBe(EMPTY_SIMHASH);
    expect(hammingDistance(simhash64(ZH_WIRE), simhash64(ZH_COPY))).toBeLessThanOrEqual(3);
    expect(hammingDistance(simhash64(ZH_WIRE), simhash64(ZH_OTHER))).toBeGreaterThan(12);
  });

  it('gives the empty fingerprint to text without words', () => {
    expect(simhash64('')).toBe(EMPTY_SIMHASH);
    expect(simhash64(' — … !! ')).toBe(EMPTY_SIMHASH);
  });

  it('fingerprints a text shorter than one shingle', () => {
    expect(simhash64('Olympics')).not.toBe(EMPTY_SIMHASH);
    expect(simhash64('Olympics')).not.toBe(simhash64('Ukraine'));
  });

  it('never throws and stays deterministic on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const h = simhash64(text);
        expect(h).toMatch(/^[0-9a-f]{16}$/);
        expect(simhash64(text)).toBe(h);
        expect(contentHash(text)).toMatch(/^[0-9a-f]{64}$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingDistance('00000000000000FF', '00000000000000f0')).toBe(4);
  });

  it('is a metric on fingerprints: zero on itself, symmetric, triangle inequality', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
    fc.assert(
      fc.property(hex, hex, hex, (a, b, c) => {
        expect(hammingDistance(a, a)).toBe(0);
        expect(hammingDistance(a, b)).toBe(hammingDistance(b, a));
        expect(hammingDistance(a, c)).toBeLessThanOrEqual(hammingDistance(a, b) + hammingDistance(b, c));
      }),
    );
  });

  it('refuses anything but 16 hex digits', () => {
    expect(() => hammingDistance('abc', '0000000000000000')).toThrow(/16 hex digits/);
    expect(() => hammingDistance('000000000000000g', '0000000000000000')).toThrow(/16 hex digits/);
  });
});
