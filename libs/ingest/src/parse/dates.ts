/**
 * Feed dates to ISO 8601 UTC. Feeds use RFC 822/2822 in RSS (often broken: two-digit years, no
 * seconds, wrong or missing day names, zone names, commas in odd places), RFC 3339 / W3C-DTF in Atom
 * and Dublin Core (sometimes with reduced precision: `2003-12`, `2003`), asctime, and SQL-style
 * `2004-07-08 23:56:58`. A string with no zone is read as UTC. Anything else gives null, as does a
 * date that does not exist (`31 Jun`).
 */
export function parseFeedDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const s = input.trim();
  if (!s) return null;
  const ms = parseIso(s) ?? parseLoose(s);
  if (ms === null || !Number.isFinite(ms)) return null;
  return new Date(ms).toISOString();
}

/** RFC 3339 §5.6 and the reduced precisions of W3C-DTF (YYYY, YYYY-MM, YYYY-MM-DD, …). */
const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[Tt ]\s*(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

function parseIso(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const millis = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return build(Number(y), mo ? Number(mo) : 1, d ? Number(d) : 1, h ? Number(h) : 0, mi ? Number(mi) : 0, sec ? Number(sec) : 0, millis, zone ? offsetOf(zone) : 0);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * Zone names seen in feeds, in minutes east of UTC. RFC 822 §5.1 defines UT, GMT and the North
 * American zones; the rest are common in the wild. Single military letters other than Z carry no
 * reliable offset (RFC 1123 §5.2.14 notes RFC 822 got their signs wrong; RFC 2822 §4.3 reads them as
 * -0000), so they count as UTC.
 */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, 'etc/gmt': 0, 'etc/utc': 0, wet: 0,
  est: -300, edt: -240, et: -300, cst: -360, cdt: -300, ct: -360, mst: -420, mdt: -360, mt: -420,
  pst: -480, pdt: -420, pt: -480, ast: -240, adt: -180, at: -240, akst: -540, akdt: -480, hst: -600,
  nst: -210, ndt: -150,
  met: 60, mest: 120, cet: 60, cest: 120, bst: 60, west: 60, eet: 120, eest: 180, msk: 180,
  ist: 330, jst: 540, kst: 540, hkt: 480, sgt: 480, awst: 480, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

function zoneByName(token: string): number | undefined {
  const lower = token.toLowerCase();
  if (lower in ZONES) return ZONES[lower];
  if (/^[a-ik-y]$/.test(lower)) return 0;
  return undefined;
}

/** `+0200`, `-01:01`, `+10`, `Z`, optionally after `GMT`/`UTC` (`GMT-01:01`). */
function offsetOf(zone: string): number {
  if (/^[Zz]$/.test(zone)) return 0;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** Token-by-token reading of RFC 822-like, asctime and JavaScript `Date#toString` forms. */
function parseLoose(s: string): number | null {
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let time: [number, number, number] | undefined;
  let offset: number | undefined;
  let pm: boolean | undefined;

  for (const token of s.replace(/,/g, ' ').split(/\s+/).filter(Boolean)) {
    let m: RegExpExecArray | null;
    if ((m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?$/.exec(token))) {
      if (time) return null;
      time = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    } else if ((m = /^(?:(?:gmt|utc|ut)(?=[+-]))?([+-]\d{1,2}(?::?\d{2})?)$/i.exec(token)) && m[1]) {
      if (offset !== undefined && offset !== 0) return null;
      offset = offsetOf(m[1]);
    } else if ((m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(token))) {
      [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    } else if (/^\d{4}$/.test(token)) {
      if (year !== undefined) return null;
      year = Number(token);
    } else if (/^\d{1,2}$/.test(token)) {
      if (day === undefined) day = Number(token);
      else if (year === undefined) year = twoDigitYear(Number(token));
      else return null;
    } else if (/^[a-z/]+\.?$/i.test(token)) {
      const word = token.toLowerCase().replace(/\.$/, '');
      const monthIndex = word.length >= 3 ? MONTHS.findIndex((name) => name.startsWith(word)) : -1;
      const zone = zoneByName(word);
      if (monthIndex >= 0 && month === undefined) month = monthIndex + 1;
      else if (word.length >= 3 && DAYS.some((name) => name.startsWith(word))) continue;
      else if (word === 'am' || word === 'pm') pm = word === 'pm';
      else if (zone !== undefined && offset === undefined) offset = zone;
      else return null;
    } else {
      return null;
    }
  }
  if (year === undefined || month === undefined || day === undefined) return null;
  const [hour, mi, sec] = time ?? [0, 0, 0];
  let h = hour;
  if (pm !== undefined) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (pm ? 12 : 0);
  }
  return build(year, month, day, h, mi, sec, 0, offset ?? 0);
}

/** RFC 2822 §4.3: a two-digit year below 50 is 20xx, otherwise 19xx. */
const twoDigitYear = (y: number): number => (y < 50 ? 2000 + y : 1900 + y);

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): number | null {
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  // A leap second (:60) and 24:00 are valid in RFC 3339; Date.UTC rolls them over to the next minute/day.
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
}
