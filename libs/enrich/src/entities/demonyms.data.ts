/**
 * Demonyms, adjectives and short forms ICU does not give, for the languages we monitor, merged with
 * COUNTRY_EXTRAS by QID. Romance and Slavic adjectives inflect for gender and number, so each is written
 * as a stem with its endings (`brasileñ{o|a|os|as}`, `brazylijsk~`). Arabic nisba adjectives (المصري,
 * التركية) are derived from the ICU names in gazetteer.ts and need no entry here. Written by us.
 */
export const DEMONYMS: Record<string, Record<string, string[]>> = {
  Q148: { tr: ['Çinli'] },
  Q212: { tr: ['Ukraynalı'], it: ['ucrain{o|a|i|e}'] },
  Q30: { tr: ['ABD', 'Amerikan', 'Amerika'], it: ['Stati Uniti'], pt: ['Estados Unidos', 'norte-american{o|a|os|as}'] },
  Q865: { it: ['taiwanes{e|i}'], pt: ['taiwanês', 'taiwanes{a|es|as}'], pl: ['tajwańsk~'] },
  Q184: { it: ['bieloruss{o|a|i|e}'], pt: ['bielorruss{o|a|os|as}'], pl: ['białorusk~'], tr: ['Belaruslu'] },
  Q858: { it: ['sirian{o|a|i|e}'], pt: ['síri{o|a|os|as}'], pl: ['syryjsk~'], tr: ['Suriyeli'] },
  Q423: {
    it: ['nordcorean{o|a|i|e}'], pt: ['norte-corean{o|a|os|as}'], pl: ['północnokoreańsk~'], tr: ['Kuzey Koreli'], ko: ['북한'],
  },
  Q884: {
    fr: ['sud-coréen{|ne|s|nes}'], es: ['surcorean{o|a|os|as}'], it: ['sudcorean{o|a|i|e}'], pt: ['sul-corean{o|a|os|as}'],
    pl: ['południowokoreańsk~'], uk: ['південнокорейськ~', 'Південн{а|ої|у|ій} Коре{я|ї|ю|єю}'], tr: ['Güney Koreli'], ko: ['한국', '남한'],
  },
  Q183: {
    it: ['tedesc{o|a|hi|he}'], pt: ['alemão', 'alemã', 'alemães'], pl: ['niemieck~', 'Niem{cy|iec|com|cami|czech}'], tr: ['Alman'],
  },
  Q142: { it: ['frances{e|i}'], pt: ['francês', 'frances{a|es|as}'], pl: ['francusk~'], tr: ['Fransız'] },
  Q145: {
    it: ['britannic{o|a|i|he}'], pt: ['britânic{o|a|os|as}', 'Reino Unido'], pl: ['brytyjsk~', 'Wielk{a|iej|ą} Brytani{a|i|ę|ą}'], tr: ['İngiltere', 'İngiliz'],
  },
  Q17: { it: ['giappones{e|i}'], pt: ['japonês', 'japones{a|es|as}'], pl: ['japońsk~'], tr: ['Japon'] },
  Q668: { it: ['indian{o|a|i|e}'], pt: ['indian{o|a|os|as}'], pl: ['indyjsk~'], tr: ['Hint'] },
  Q794: { it: ['iranian{o|a|i|e}'], pt: ['iranian{o|a|os|as}'], pl: ['irańsk~'], tr: ['İranlı'] },
  Q801: { it: ['israelian{o|a|i|e}'], pt: ['israelense', 'israelenses'], pl: ['izraelsk~'], tr: ['İsrailli'] },
  Q36: { it: ['polacc{o|a|hi|he}'], pt: ['polonês', 'polones{a|es|as}', 'polac{o|a|os|as}'], tr: ['Polonyalı'] },
  Q43: { it: ['turc{o|a|hi|he}'], pt: ['turc{o|a|os|as}'], pl: ['tureck~', 'Turcj{a|i|ę|ą}'], tr: ['Türk'], ko: ['터키'] },
  Q38: { pt: ['italian{o|a|os|as}'], pl: ['włosk~', 'Włoch{|y|om|ami}'], uk: ['італійськ~'], tr: ['İtalyan'] },
  Q29: { it: ['spagnol{o|a|i|e}'], pt: ['espanhol', 'espanhol{a|as}', 'espanhóis'], pl: ['hiszpańsk~'], uk: ['іспанськ~'], tr: ['İspanyol'] },
  Q45: {
    fr: ['portugais{|e|es}'], de: ['portugiesisch~'], es: ['portugués', 'portugues{a|es|as}'], it: ['portoghes{e|i}'], pl: ['portugalsk~'],
    ru: ['португальск~'], uk: ['португальськ~'],
  },
  Q155: {
    en: ['Brazilian', 'Brazilians'], fr: ['brésilien{|ne|s|nes}'], de: ['brasilianisch~'], es: ['brasileñ{o|a|os|as}'], it: ['brasilian{o|a|i|e}'],
    pt: ['brasileir{o|a|os|as}'], pl: ['brazylijsk~'], ru: ['бразильск~'], uk: ['бразильськ~'], tr: ['Brezilyalı'],
  },
  Q16: {
    en: ['Canadian', 'Canadians'], fr: ['canadien{|ne|s|nes}'], de: ['kanadisch~'], es: ['canadiense', 'canadienses'], it: ['canades{e|i}'],
    pt: ['canadense', 'canadenses'], pl: ['kanadyjsk~'], ru: ['канадск~'], uk: ['канадськ~'],
  },
  Q408: {
    en: ['Australian', 'Australians'], fr: ['australien{|ne|s|nes}'], de: ['australisch~'], es: ['australian{o|a|os|as}'], it: ['australian{o|a|i|e}'],
    pt: ['australian{o|a|os|as}'], pl: ['australijsk~'], ru: ['австралийск~'], uk: ['австралійськ~'],
  },
  Q664: {
    en: ['New Zealander', 'New Zealanders'], fr: ['néo-zélandais{|e|es}'], de: ['neuseeländisch~'], es: ['neozelandés', 'neozelandes{a|es|as}'],
    it: ['neozelandes{e|i}'], pt: ['neozelandês', 'neozelandes{a|es|as}'], pl: ['nowozelandzk~'], ru: ['новозеландск~'], uk: ['новозеландськ~'],
  },
  Q810: {
    en: ['Jordanian', 'Jordanians'], fr: ['jordanien{|ne|s|nes}'], de: ['jordanisch~'], es: ['jordan{o|a|os|as}'], it: ['giordan{o|a|i|e}'],
    pt: ['jordanian{o|a|os|as}'], pl: ['jordańsk~'], ru: ['иорданск~'], uk: ['йорданськ~'],
  },
  Q657: {
    en: ['Chadian', 'Chadians'], fr: ['tchadien{|ne|s|nes}'], de: ['tschadisch~'], es: ['chadian{o|a|os|as}'], it: ['ciadian{o|a|i|e}'],
    pt: ['chadian{o|a|os|as}'], ru: ['чадск~'], uk: ['чадськ~'],
  },
  Q1032: { en: ['Nigerien', 'Nigeriens'], fr: ['nigérien{|ne|s|nes}'], de: ['nigrisch~'], es: ['nigerin{o|a|os|as}'], ru: ['нигерск~'] },
  Q79: {
    en: ['Egyptian', 'Egyptians'], fr: ['égyptien{|ne|s|nes}'], de: ['ägyptisch~'], es: ['egipci{o|a|os|as}'], it: ['egizian{o|a|i|e}'],
    pt: ['egípci{o|a|os|as}'], pl: ['egipsk~'], ru: ['египетск~'], uk: ['єгипетськ~'], tr: ['Mısırlı'],
  },
  Q796: {
    en: ['Iraqi', 'Iraqis'], fr: ['irakien{|ne|s|nes}'], de: ['irakisch~'], es: ['iraquí', 'iraquíes'], it: ['irachen{o|a|i|e}'],
    pt: ['iraquian{o|a|os|as}'], pl: ['irack~'], ru: ['иракск~'], uk: ['іракськ~'],
  },
};
