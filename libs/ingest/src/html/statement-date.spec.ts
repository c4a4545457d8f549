import { describe, expect, it } from 'vitest';
import { monthFromName, parseStatementDate } from './statement-date.js';

describe('parseStatementDate', () => {
  it.each([
    ['2022年2月4日', '2022-02-04T00:00:00.000Z'],
    ['发布时间：2022年02月04日 15:30', '2022-02-04T15:30:00.000Z'],
    ['2022년 2월 4일', '2022-02-04T00:00:00.000Z'],
    ['04.02.2022', '2022-02-04T00:00:00.000Z'],
    ['4.2.2022 10:15', '2022-02-04T10:15:00.000Z'],
    ['2022/02/04', '2022-02-04T00:00:00.000Z'],
    ['04/02/2022', '2022-02-04T00:00:00.000Z'],
    ['02/14/2022', '2022-02-14T00:00:00.000Z'],
    ['4 février 2022', '2022-02-04T00:00:00.000Z'],
    ['1er mars 2022 à 9h05', '2022-03-01T09:05:00.000Z'],
    ['4 févr. 2022', '2022-02-04T00:00:00.000Z'],
    ['4. Februar 2022', '2022-02-04T00:00:00.000Z'],
    ['4 de febrero de 2022', '2022-02-04T00:00:00.000Z'],
    ['4 febbraio 2022', '2022-02-04T00:00:00.000Z'],
    ['4 февраля 2022 г., 12:40', '2022-02-04T12:40:00.000Z'],
    ['4 лютого 2022 року', '2022-02-04T00:00:00.000Z'],
    ['February 4, 2022', '2022-02-04T00:00:00.000Z'],
    ['Published Feb. 4th, 2022', '2022-02-04T00:00:00.000Z'],
    ['2022-02-04T08:00:00+08:00', '2022-02-04T00:00:00.000Z'],
    ['Fri, 04 Feb 2022 08:00:00 GMT', '2022-02-04T08:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseStatementDate(text)).toBe(iso);
  });

  it.each(['', 'no date here', '31.06.2022', '2022年13月4日', '4 Juillembre 2022', '12:30'])('gives null for %o', (text) => {
    expect(parseStatementDate(text)).toBeNull();
  });
});

describe('monthFromName', () => {
  it('takes unambiguous abbreviations and refuses ambiguous ones', () => {
    expect(monthFromName('Sept.')).toBe(9);
    expect(monthFromName('déc')).toBe(12);
    expect(monthFromName('dec')).toBe(12);
    expect(monthFromName('окт.')).toBe(10);
    expect(monthFromName('jui')).toBeNull();
    expect(monthFromName('ma')).toBeNull();
  });
});
