import { COUNTRY_QIDS, ICU_NAME_LANGUAGES, UNVERIFIED_COUNTRY_CODES } from './country-codes.data.js';
import type { CustomEntity, GazetteerEntity } from './entity.js';
import { DEMONYMS } from './demonyms.data.js';
import { COUNTRY_EXTRAS, ORGANISATIONS, PEOPLE } from './gazetteer.data.js';

/** ICU appends qualifiers we do not want as names: "Myanmar (Burma)", "Hong Kong SAR China". */
function cleanIcuName(name: string): string | null {
  const outside = name.normalize('NFKC').replace(/\([^)]*\)/gu, '').trim();
  if (/\b(SAR|RAE|R\.A\.S\.|SRA)\b|特别行政区|特別行政区|Sonderverwaltungsregion/u.test(outside)) return null;
  return outside.length > 0 ? outside : null;
}

/** Country entities: ICU display names for every ISO 3166-1 code we map, plus our extra names. */
function countryEntities(): GazetteerEntity[] {
  const english = new Intl.DisplayNames('en', { type: 'region' });
  const displays = ICU_NAME_LANGUAGES.map((lang) => [lang.startsWith('zh') ? 'zh' : lang, new Intl.DisplayNames(lang, { type: 'region' })] as const);
  return Object.entries(COUNTRY_QIDS).map(([code, qid]) => {
    const aliases: Record<string, string[]> = {};
    for (const [lang, display] of displays) {
      const name = display.of(code);
      const clean = name && name !== code ? cleanIcuName(name) : null;
      if (clean) (aliases[lang] ??= []).push(clean);
    }
    for (const table of [COUNTRY_EXTRAS, DEMONYMS]) for (const [lang, extra] of Object.entries(table[qid] ?? {})) (aliases[lang] ??= []).push(...extra);
    const nisba = (aliases['ar'] ?? []).flatMap(arabicNisba);
    if (nisba.length > 0) (aliases['ar'] ??= []).push(...nisba);
    const entity: GazetteerEntity = { qid, name: english.of(code) ?? code, type: 'country', aliases };
    if (UNVERIFIED_COUNTRY_CODES.has(code)) entity.unverified = true;
    return entity;
  });
}

/**
 * Arabic relative adjectives (nisba) of a one-word country name: مصر → المصري, تركيا → التركية,
 * الأردن → الأردنيون. The final alif or -iya of the name gives way to the suffix -i/-iya/-iyun/-iyin.
 */
export function arabicNisba(name: string): string[] {
  if (/\s/u.test(name.trim()) || !/^\p{Script=Arabic}+$/u.test(name)) return [];
  let stem = name.startsWith('ال') ? name.slice(2) : name;
  if (stem.endsWith('يا')) stem = stem.slice(0, -2);
  else if (stem.endsWith('ا') || stem.endsWith('ة')) stem = stem.slice(0, -1);
  if (stem.length < 2) return [];
  return ['ي', 'ية', 'يون', 'يين'].flatMap((suffix) => [`ال${stem}${suffix}`, `${stem}${suffix}`]);
}

/** Display names the dev set and most English copy use, where ICU's differ. */
const DISPLAY_NAMES: Record<string, string> = { Q43: 'Turkey', Q213: 'Czech Republic' };

let builtIn: GazetteerEntity[] | null = null;

/** The shipped gazetteer: countries and territories, international organisations, leaders. */
export function builtInEntities(): GazetteerEntity[] {
  if (!builtIn) {
    builtIn = [...countryEntities(), ...ORGANISATIONS, ...PEOPLE].map((e) => ({ ...e, name: DISPLAY_NAMES[e.qid] ?? e.name }));
  }
  return builtIn;
}

/** A user's entity as a gazetteer entry; its name counts as an alias in every language. */
export function fromCustomEntity(custom: CustomEntity): GazetteerEntity {
  const qid = (custom.qid ?? custom.id ?? '').trim();
  const name = custom.name.trim();
  if (!qid) throw new Error('custom entity needs a qid or an id');
  if (!name) throw new Error(`custom entity ${qid} needs a name`);
  const aliases: Record<string, string[]> = { '*': [name] };
  for (const [lang, list] of Object.entries(custom.aliases ?? {})) (aliases[lang] ??= []).push(...list.filter((a) => a.trim().length > 0));
  return { qid, name, type: 'custom', aliases };
}
