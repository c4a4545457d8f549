import { parseFeedDate } from '../parse/dates.js';

/**
 * Month names as official statement pages write them, by month number. Slavic languages inflect the
 * month after a day number (4 февраля, 4 лютого), so both the nominative and the genitive are listed.
 * Abbreviations (févr., Feb, окт.) are matched as unambiguous prefixes of these names.
 */
const MONTH_NAMES: Record<number, string[]> = {
  1: ['january', 'janvier', 'januar', 'enero', 'gennaio', 'janeiro', 'januari', 'январь', 'января', 'січень', 'січня'],
  2: ['february', 'février', 'februar', 'febrero', 'febbraio', 'fevereiro', 'februari', 'февраль', 'февраля', 'лютий', 'лютого'],
  3: ['march', 'mars', 'märz', 'marzo', 'março', 'maart', 'март', 'марта', 'березень', 'березня'],
  4: ['april', 'avril', 'abril', 'aprile', 'апрель', 'апреля', 'квітень', 'квітня'],
  5: ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'май', 'мая', 'травень', 'травня'],
  6: ['june', 'juin', 'juni', 'junio', 'giugno', 'junho', 'июнь', 'июня', 'червень', 'червня'],
  7: ['july', 'juillet', 'juli', 'julio', 'luglio', 'julho', 'июль', 'июля', 'липень', 'липня'],
  8: ['august', 'août', 'agosto', 'augustus', 'август', 'августа', 'серпень', 'серпня'],
  9: ['september', 'septembre', 'septiembre', 'settembre', 'setembro', 'сентябрь', 'сентября', 'вересень', 'вересня'],
  10: ['october', 'octobre', 'oktober', 'octubre', 'ottobre', 'outubro', 'октябрь', 'октября', 'жовтень', 'жовтня'],
  11: ['november', 'novembre', 'noviembre', 'novembro', 'ноябрь', 'ноября', 'листопад', 'листопада'],
  12: ['december', 'décembre', 'dezember', 'diciembre', 'dicembre', 'dezembro', 'декабрь', 'декабря', 'грудень', 'грудня'],
};

const MONTH_INDEX: [string, number][] = Object.entries(MONTH_NAMES).flatMap(([n, names]) =>
  names.flatMap((name) => {
    const plain = stripAccents(name);
    return plain === name ? [[name, Number(n)] as [string, number]] : [[name, Number(n)] as [string, number], [plain, Number(n)] as [string, number]];
  }),
);

/** The month a name or abbreviation stands for, when exactly one month starts with it. */
export function monthFromName(token: string): number | null {
  const t = stripAccents(token.toLowerCase().replace(/\.$/, ''));
  if (t.length < 3) return null;
  const months = new Set(MONTH_INDEX.filter(([name]) => name.startsWith(t)).map(([, n]) => n));
  const [only] = months;
  return months.size === 1 && only !== undefined ? only : null;
}

const L = '\\p{L}';
const CJK = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/u;
const YMD = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/u;
const DMY_DOTS = /(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/u;
const DMY_SLASH = /(?<!\d)(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?!\d)/u;
const DAY_MONTH_YEAR = new RegExp(`(?<!\\d)(\\d{1,2})(?:er|st|nd|rd|th|\\.|º)?\\s+(?:de\\s+)?(${L}+\\.?)\\s+(?:de\\s+)?(\\d{4})(?!\\d)`, 'u');
const MONTH_DAY_YEAR = new RegExp(`(${L}+\\.?)\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'u');
const TIME = /(?<!\d)([01]?\d|2[0-3])[:：h](\d{2})(?::(\d{2}))?(?!\d)/u;

/**
 * A date as statement pages print it, to ISO 8601 UTC, or null. First the feed date parser
 * (RFC 822, ISO 8601 and their variants, when the text is just a date); then the forms of ministry
 * pages found anywhere in the text: `2022年2月4日`, `2022년 2월 4일`, `04.02.2022`, `2022/02/04`,
 * `4 février 2022`, `4 de febrero de 2022`, `4 февраля 2022 г.`, `February 4, 2022`, each with an
 * optional `HH:MM` nearby. Pages rarely state a zone, so the time is read as UTC: off by the
 * ministry's offset at worst, never by a day for a date-only stamp. `04/02/2022` is read day first
 * (the order of most countries that publish without feeds) unless the numbers rule that out.
 */
export function parseStatementDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = text.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const direct = parseFeedDate(s);
  if (direct) return direct;
  const ymd = findDate(s);
  if (!ymd) return null;
  const time = TIME.exec(s);
  const [hh, mm, ss] = time ? [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)] : [0, 0, 0];
  return utc(ymd.year, ymd.month, ymd.day, hh, mm, ss);
}

function findDate(s: string): { year: number; month: number; day: number } | null {
  let m = CJK.exec(s) ?? YMD.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = DMY_DOTS.exec(s);
  if (m) return { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  m = DMY_SLASH.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return b > 12 && a <= 12 ? { year: Number(m[3]), month: a, day: b } : { year: Number(m[3]), month: b, day: a };
  }
  m = DAY_MONTH_YEAR.exec(s);
  const dayFirstMonth = m?.[2] ? monthFromName(m[2]) : null;
  if (m && dayFirstMonth) return { year: Number(m[3]), month: dayFirstMonth, day: Number(m[1]) };
  m = MONTH_DAY_YEAR.exec(s);
  const monthFirst = m?.[1] ? monthFromName(m[1]) : null;
  if (m && monthFirst) return { year: Number(m[3]), month: monthFirst, day: Number(m[2]) };
  return null;
}

/** ISO string for a calendar date that exists (no 31 June) in a plausible range, else null. */
function utc(year: number, month: number, day: number, h: number, mi: number, s: number): string | null {
  if (year < 1970 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month - 1, day, h, mi, s));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString();
}

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}
