import type { ContextExclusion, FalseFriend, GazetteerEntity } from './entity.js';

/**
 * Names ICU does not give: short forms, demonyms and adjectives, abbreviations, Chinese and Japanese
 * one-character forms (中方, 美方, 俄方). Merged with the ICU country names by QID. Written by us.
 */
export const COUNTRY_EXTRAS: Record<string, Record<string, string[]>> = {
  Q148: {
    en: ['People\'s Republic of China', 'PRC', 'Chinese', 'Sino'],
    zh: ['中华人民共和国', '中方', '中国方面', '涉华', '访华', '来华', '对华', '赴华', '在华', '驻华', '华方'],
    ja: ['中華人民共和国', '中国側', '訪中', '対中'],
    ru: ['Кита{й|я|ю|ем|е}', 'КНР', 'китайск~', 'Поднебесн{ая|ой|ую}'],
    uk: ['Кита{й|ю|єм|ї}', 'КНР', 'китайськ~'],
    fr: ['chinois', 'chinoise', 'chinoises', 'RPC', 'sino'],
    de: ['Chinas', 'chinesisch~', 'Volksrepublik China', 'VR China', 'Chinese', 'Chinesen', 'Chinesin'],
    es: ['chino', 'china', 'chinos', 'chinas', 'sino'],
    it: ['cinese', 'cinesi', 'sino'],
    pl: ['Chin{|y|om|ami|ach}', 'ChRL', 'chińsk~'],
    pt: ['chinês', 'chinesa', 'chineses', 'chinesas', 'sino'],
    ar: ['الصيني', 'الصينية', 'الصينيون', 'الصينيين', 'جمهورية الصين الشعبية'],
    ko: ['중국 정부'],
    tr: ['Çinli'],
  },
  Q159: {
    en: ['Russian Federation', 'Russian', 'Russians'],
    zh: ['俄罗斯联邦', '俄方', '俄国', '俄联邦', '访俄', '对俄', '驻俄'],
    ja: ['ロシア連邦', 'ロシア側'],
    ru: ['Российск{ая|ой|ую} Федераци{я|и|ю|ей}', 'РФ', 'российск~', 'русск~', 'Росси{я|и|ю|ей|ею}'],
    uk: ['Росі{я|ї|ю|єю}', 'РФ', 'російськ~', 'Російськ{а|ої|ій|у} Федераці{я|ї|ю|єю}'],
    fr: ['russe', 'russes', 'Fédération de Russie'],
    de: ['Russlands', 'russisch~', 'Russe', 'Russen', 'Russin', 'Russische Föderation'],
    es: ['ruso', 'rusa', 'rusos', 'rusas', 'Federación de Rusia', 'Federación Rusa'],
    it: ['russo', 'russa', 'russi', 'russe', 'Federazione Russa'],
    pl: ['Rosj{a|i|ę|ą}', 'rosyjsk~', 'Rosjanie', 'Rosjan', 'Federacj{a|i} Rosyjsk{a|iej}'],
    pt: ['russo', 'russa', 'russos', 'russas'],
    ar: ['الروسي', 'الروسية', 'الروس', 'روسيا الاتحادية'],
    tr: ['Rus'],
  },
  Q212: {
    en: ['Ukrainian', 'Ukrainians'],
    zh: ['乌方', '烏克蘭'],
    ru: ['Украин{а|ы|е|у|ой|ою}', 'украинск~'],
    uk: ['Україн{а|и|і|у|ою}', 'українськ~'],
    fr: ['ukrainien', 'ukrainienne', 'ukrainiens', 'ukrainiennes'],
    de: ['ukrainisch~', 'Ukrainer', 'Ukrainern', 'Ukrainerin'],
    es: ['ucraniano', 'ucraniana', 'ucranianos', 'ucranianas'],
    it: ['ucraino', 'ucraina', 'ucraini', 'ucraine'],
    pl: ['Ukrain{a|y|ie|ę|ą}', 'ukraińsk~'],
    pt: ['ucraniano', 'ucraniana', 'ucranianos', 'ucranianas'],
    ar: ['الأوكراني', 'الأوكرانية', 'الأوكرانيون', 'أوكرانيا'],
    ja: ['ウクライナ側'],
  },
  Q30: {
    en: ['US', 'U.S.', 'USA', 'U.S.A.', 'America', 'American', 'Americans', 'United States of America'],
    zh: ['美方', '美利坚合众国', '访美', '对美', '驻美', '美國'],
    ja: ['米国', 'アメリカ', '米側'],
    ru: ['США', 'Штат{ы|ов|ам|ами|ах}', 'Соединённ{ые|ых|ым|ыми} Штат{ы|ов|ам|ами|ах}', 'американск~', 'Америк{а|и|у|е|ой}'],
    uk: ['США', 'Штат{и|ів|ам|ами|ах}', 'Сполучен{і|их|им|ими} Штат{и|ів|ам|ами|ах}', 'американськ~', 'Америк{а|и|у|і|ою}'],
    fr: ['USA', 'Amérique', 'américain', 'américaine', 'américains', 'américaines', 'Etats-Unis'],
    de: ['USA', 'US', 'Vereinigte Staaten', 'Vereinigten Staaten', 'amerikanisch~', 'Amerikaner', 'Amerikas'],
    es: ['EE. UU.', 'EE.UU.', 'EEUU', 'estadounidense', 'estadounidenses', 'norteamericano', 'norteamericana', 'norteamericanos'],
    it: ['USA', 'statunitense', 'statunitensi', 'americano', 'americana', 'americani'],
    pl: ['USA', 'amerykańsk~', 'Stan{y|ów|om} Zjednoczon{e|ych|ym}', 'Ameryk{a|i|ę|ą}'],
    pt: ['EUA', 'estadunidense', 'norte-americano', 'norte-americana', 'americano', 'americana'],
    ar: ['الأمريكي', 'الأمريكية', 'الأميركي', 'الأميركية', 'أمريكا', 'أميركا'],
    ko: ['미국'],
  },
  Q865: {
    en: ['Taiwanese', 'Republic of China'],
    zh: ['台湾地区', '臺灣'],
    ru: ['Тайван{ь|я|ю|ем|е}', 'тайваньск~'],
    uk: ['Тайван{ь|ю|ем|і}', 'тайванськ~'],
    fr: ['taïwanais', 'taïwanaise', 'Taïwan'],
    de: ['Taiwans', 'taiwanisch~'],
    es: ['taiwanés', 'taiwanesa'],
  },
  Q184: {
    en: ['Belarusian', 'Byelorussia'],
    zh: ['白俄'],
    ru: ['Белорусси{я|и|ю|ей}', 'Беларус{ь|и}', 'белорусск~', 'РБ'],
    uk: ['Білорус{ь|і|сю}', 'білоруськ~'],
    fr: ['biélorusse', 'biélorusses'],
    de: ['Weißrussland', 'Weißrusslands', 'belarussisch~', 'weißrussisch~'],
    es: ['bielorruso', 'bielorrusa'],
    ar: ['بيلاروسيا', 'روسيا البيضاء'],
  },
  Q858: {
    en: ['Syrian', 'Syrians'],
    ru: ['Сири{я|и|ю|ей}', 'сирийск~'],
    uk: ['Сирі{я|ї|ю|єю}', 'сирійськ~'],
    fr: ['syrien', 'syrienne', 'syriens'],
    de: ['Syriens', 'syrisch~'],
    es: ['sirio', 'siria', 'sirios'],
    ar: ['السوري', 'السورية', 'سورية'],
  },
  Q423: {
    en: ['DPRK', 'North Korean', 'North Koreans'],
    zh: ['北朝鲜', '朝方'],
    ja: ['北朝鮮側'],
    ru: ['КНДР', 'Северн{ая|ой|ую} Коре{я|и|ю|ей}', 'северокорейск~'],
    uk: ['КНДР', 'Північн{а|ої|у|ій} Коре{я|ї|ю|єю}', 'північнокорейськ~'],
    fr: ['nord-coréen', 'nord-coréenne', 'nord-coréens', 'RPDC', 'Corée du Nord'],
    de: ['Nordkoreas', 'nordkoreanisch~'],
    es: ['norcoreano', 'norcoreana', 'norcoreanos', 'RPDC'],
    ar: ['كوريا الشمالية'],
  },
  Q884: {
    en: ['South Korean', 'South Koreans', 'ROK'],
    zh: ['韩方'],
    ru: ['Южн{ая|ой|ую} Коре{я|и|ю|ей}', 'южнокорейск~'],
    de: ['südkoreanisch~'],
  },
  Q986: { en: ['Eritrean'], ru: ['Эритре{я|и|ю|ей}', 'эритрейск~'], fr: ['érythréen', 'érythréenne'], de: ['eritreisch~'], es: ['eritreo', 'eritrea'] },
  Q183: {
    en: ['German', 'Germans'],
    zh: ['德方'],
    ru: ['Германи{я|и|ю|ей}', 'ФРГ', 'германск~', 'немецк~'],
    uk: ['Німеччин{а|и|і|у|ою}', 'ФРН', 'німецьк~'],
    fr: ['allemand', 'allemande', 'allemands', 'allemandes'],
    de: ['Deutschlands', 'deutsch~', 'Bundesrepublik'],
    es: ['alemán', 'alemana', 'alemanes'],
  },
  Q142: {
    en: ['French'],
    zh: ['法方'],
    ru: ['Франци{я|и|ю|ей}', 'французск~'],
    uk: ['Франці{я|ї|ю|єю}', 'французьк~'],
    fr: ['français', 'française', 'françaises'],
    de: ['Frankreichs', 'französisch~'],
    es: ['francés', 'francesa', 'franceses'],
  },
  Q145: {
    en: ['UK', 'U.K.', 'Britain', 'Great Britain', 'British'],
    zh: ['英方'],
    ru: ['Великобритани{я|и|ю|ей}', 'Британи{я|и|ю|ей}', 'британск~'],
    uk: ['Великобритані{я|ї|ю|єю}', 'Британі{я|ї|ю|єю}', 'британськ~'],
    fr: ['britannique', 'britanniques', 'Grande-Bretagne'],
    de: ['Großbritannien', 'Großbritanniens', 'britisch~'],
    es: ['británico', 'británica', 'británicos', 'Gran Bretaña'],
  },
  Q17: {
    en: ['Japanese'],
    zh: ['日方'],
    ru: ['Япони{я|и|ю|ей}', 'японск~'],
    uk: ['Японі{я|ї|ю|єю}', 'японськ~'],
    fr: ['japonais', 'japonaise'],
    de: ['Japans', 'japanisch~'],
    es: ['japonés', 'japonesa', 'japoneses'],
  },
  Q668: { en: ['Indian'], zh: ['印方'], ru: ['Инди{я|и|ю|ей}', 'индийск~'], uk: ['Інді{я|ї|ю|єю}', 'індійськ~'], fr: ['indien', 'indienne'], de: ['Indiens', 'indisch~'], es: ['indio', 'india'] },
  Q794: { en: ['Iranian', 'Iranians'], ru: ['Иран{а|у|ом|е}', 'иранск~'], uk: ['Іран{у|ом|і}', 'іранськ~'], fr: ['iranien', 'iranienne', 'iraniens'], de: ['Irans', 'iranisch~'], es: ['iraní', 'iraníes'] },
  Q801: { zh: ['以方', '以色列方面'], en: ['Israeli', 'Israelis'], ru: ['Израил{ь|я|ю|ем|е}', 'израильск~'], uk: ['Ізраїл{ь|ю|ем|і}', 'ізраїльськ~'], fr: ['israélien', 'israélienne', 'israéliens'], de: ['Israels', 'israelisch~'], es: ['israelí', 'israelíes'] },
  Q36: { en: ['Polish', 'Poles'], ru: ['Польш{а|и|е|у|ей}', 'польск~'], uk: ['Польщ{а|і|у|ею}', 'польськ~'], fr: ['polonais', 'polonaise'], de: ['Polens', 'polnisch~'], es: ['polaco', 'polaca'], pl: ['Polsk{a|i|ę|ą}', 'polsk~'] },
  Q43: {
    en: ['Turkey', 'Türkiye', 'Turkish', 'Turks'],
    zh: ['土方'],
    ru: ['Турци{я|и|ю|ей}', 'турецк~'],
    uk: ['Туреччин{а|и|і|у|ою}', 'турецьк~'],
    fr: ['turc', 'turque', 'turcs', 'turques'],
    de: ['Türkei', 'türkisch~'],
    es: ['turco', 'turca', 'turcos', 'Turquía'],
  },
  Q230: { en: ['Georgian'], ru: ['Грузи{я|и|ю|ей}', 'грузинск~'], uk: ['Грузі{я|ї|ю|єю}', 'грузинськ~'] },
  Q38: { en: ['Italian'], ru: ['итальянск~'], fr: ['italien', 'italienne'], de: ['italienisch~'], es: ['italiano', 'italiana'], it: ['italiano', 'italiana', 'italiani'] },
  Q29: { en: ['Spanish'], ru: ['испанск~'], fr: ['espagnol', 'espagnole'], de: ['spanisch~'], es: ['español', 'española', 'españoles'] },
  Q45: { en: ['Portuguese'], pt: ['português', 'portuguesa', 'portugueses'] },
  Q8646: { zh: ['香港特区'] },
};

/** International organisations and their sub-bodies. QIDs of the dev set's table are authoritative. */
export const ORGANISATIONS: GazetteerEntity[] = [
  {
    qid: 'Q1065', name: 'United Nations', type: 'organization',
    aliases: {
      en: ['United Nations', 'UN', 'U.N.'], fr: ['Nations unies', 'Nations Unies', 'ONU'], de: ['Vereinte Nationen', 'Vereinten Nationen', 'UN', 'UNO'],
      es: ['Naciones Unidas', 'ONU'], it: ['Nazioni Unite', 'ONU'], pt: ['Nações Unidas', 'ONU'], pl: ['ONZ', 'Narod{y|ów|om|ach} Zjednoczon{e|ych|ym}'],
      ru: ['ООН', 'Организаци{я|и|ю|ей} Объединённых Наций'], uk: ['ООН', 'Організаці{я|ї|ю|єю} Об’єднаних Націй'],
      zh: ['联合国', '聯合國'], ja: ['国連', '国際連合'], ko: ['유엔', '국제연합'], ar: ['الأمم المتحدة'], fa: ['سازمان ملل'], tr: ['BM', 'Birleşmiş Milletler'],
    },
  },
  {
    qid: 'Q47423', name: 'United Nations General Assembly', type: 'organization', parent: 'Q1065',
    aliases: {
      en: ['UN General Assembly', 'UNGA', 'General Assembly', 'U.N. General Assembly'], fr: ['Assemblée générale'], de: ['UN-Vollversammlung', 'Vollversammlung', 'Generalversammlung', 'UN-Generalversammlung'],
      es: ['Asamblea General'], it: ['Assemblea Generale'], pt: ['Assembleia Geral'], pl: ['Zgromadzeni{e|a|u|em} Ogóln{e|ego|emu|ym}'],
      ru: ['Генассамбле{я|и|ю|ей}', 'Генеральн{ая|ой|ую} Ассамбле{я|и|ю|ей}'], uk: ['Генасамбле{я|ї|ю|єю}', 'Генеральн{а|ої|у|ій} Асамбле{я|ї|ю|єю}'],
      zh: ['联合国大会', '联大', '聯合國大會'], ja: ['国連総会'], ko: ['유엔 총회', '유엔총회'], ar: ['الجمعية العامة'], tr: ['Genel Kurul'],
    },
  },
  {
    qid: 'Q37470', name: 'United Nations Security Council', type: 'organization', parent: 'Q1065',
    aliases: {
      en: ['Security Council', 'UN Security Council', 'UNSC'], fr: ['Conseil de sécurité'], de: ['Sicherheitsrat', 'Sicherheitsrats', 'UN-Sicherheitsrat', 'UN-Sicherheitsrats'],
      es: ['Consejo de Seguridad'], it: ['Consiglio di Sicurezza', 'Consiglio di sicurezza'], pt: ['Conselho de Segurança'], pl: ['Rad{a|y|zie|ę|ą} Bezpieczeństwa'],
      ru: ['Совбез~', 'Совет{а|у|ом|е} Безопасности', 'Совет Безопасности', 'СБ ООН'], uk: ['Радбез~', 'Рад{а|и|і|у|ою} Безпеки'],
      zh: ['安理会', '联合国安理会', '安全理事会', '安理會'], ja: ['安保理', '安全保障理事会'], ko: ['안보리', '안전보장이사회'], ar: ['مجلس الأمن'], tr: ['Güvenlik Konseyi'],
    },
  },
  {
    qid: 'Q7184', name: 'NATO', type: 'organization',
    aliases: {
      en: ['NATO', 'Nato', 'North Atlantic Treaty Organization', 'Atlantic Alliance'], fr: ['OTAN', 'Otan', 'Alliance atlantique', "l'Alliance atlantique"], de: ['NATO', 'Nato', 'Nordatlantikpakt', 'Nordatlantische Allianz'],
      es: ['OTAN', 'Alianza Atlántica'], it: ['NATO', 'Nato', 'Alleanza Atlantica'], pt: ['OTAN', 'NATO', 'Aliança Atlântica'], pl: ['NATO', 'Sojusz{u|em} Północnoatlantyck{i|iego}'],
      ru: ['НАТО', 'Североатлантическ{ий|ого|ому|им} альянс~'], uk: ['НАТО', 'Північноатлантичн{ий|ого|ому|им} альянс~'],
      zh: ['北约', '北約', '北大西洋公约组织'], ja: ['北大西洋条約機構'], ko: ['나토', '북대서양조약기구'], ar: ['الناتو', 'حلف شمال الأطلسي', 'حلف الناتو'], fa: ['ناتو'], tr: ['NATO'],
    },
  },
  {
    qid: 'Q458', name: 'European Union', type: 'organization',
    aliases: {
      en: ['European Union', 'EU', 'E.U.'], fr: ['Union européenne', 'UE'], de: ['Europäische Union', 'Europäischen Union', 'EU'], es: ['Unión Europea', 'UE'],
      it: ['Unione Europea', 'Unione europea', 'UE', 'Ue'], pt: ['União Europeia', 'UE'], pl: ['Uni{a|i|ę|ą} Europejsk{a|iej|ą}', 'UE'],
      ru: ['Евросоюз~', 'Европейск{ий|ого|ому|им} союз~', 'ЕС'], uk: ['Євросоюз~', 'Європейськ{ий|ого|ому|им} союз~', 'ЄС'],
      zh: ['欧盟', '歐盟', '欧洲联盟'], ja: ['欧州連合'], ko: ['유럽연합'], ar: ['الاتحاد الأوروبي'], fa: ['اتحادیه اروپا'], tr: ['AB', 'Avrupa Birliği'],
    },
  },
  {
    qid: 'Q8880', name: 'European Commission', type: 'organization', parent: 'Q458',
    aliases: {
      en: ['European Commission', 'EU Commission'], fr: ['Commission européenne'], de: ['EU-Kommission', 'Europäische Kommission', 'Europäischen Kommission'],
      es: ['Comisión Europea'], it: ['Commissione Europea', 'Commissione europea'], pt: ['Comissão Europeia'], pl: ['Komisj{a|i|ę|ą} Europejsk{a|iej|ą}'],
      ru: ['Еврокомисси{я|и|ю|ей}', 'Европейск{ая|ой|ую} комисси{я|и|ю|ей}'], uk: ['Єврокомісі{я|ї|ю|єю}', 'Європейськ{а|ої|у|ій} комісі{я|ї|ю|єю}'],
      zh: ['欧盟委员会', '欧委会'], ja: ['欧州委員会'], ko: ['유럽연합 집행위원회', 'EU 집행위원회'], ar: ['المفوضية الأوروبية'], tr: ['Avrupa Komisyonu'],
    },
  },
  {
    qid: 'Q7817', name: 'World Health Organization', type: 'organization',
    aliases: {
      en: ['World Health Organization', 'WHO'], fr: ['Organisation mondiale de la santé', 'OMS'], de: ['Weltgesundheitsorganisation', 'WHO'], es: ['Organización Mundial de la Salud', 'OMS'],
      it: ['Organizzazione mondiale della sanità', 'OMS'], pt: ['Organização Mundial da Saúde', 'OMS'], pl: ['Światow{a|ej|ą} Organizacj{a|i|ę|ą} Zdrowia', 'WHO'],
      ru: ['ВОЗ', 'Всемирн{ая|ой|ую} организаци{я|и|ю|ей} здравоохранения'], uk: ['ВООЗ', 'Всесвітн{я|ьої|ю|ьою} організаці{я|ї|ю|єю} охорони здоров’я'],
      zh: ['世卫组织', '世界卫生组织', '世衛組織'], ja: ['世界保健機関'], ko: ['세계보건기구'], ar: ['منظمة الصحة العالمية'], tr: ['DSÖ', 'Dünya Sağlık Örgütü'],
    },
  },
  {
    qid: 'Q47488', name: 'International Criminal Court', type: 'organization',
    aliases: {
      en: ['International Criminal Court', 'ICC'], fr: ['Cour pénale internationale', 'CPI'], de: ['Internationaler Strafgerichtshof', 'Internationalen Strafgerichtshof', 'IStGH'],
      es: ['Corte Penal Internacional', 'CPI'], it: ['Corte penale internazionale', 'CPI'], pt: ['Tribunal Penal Internacional', 'TPI'], pl: ['Międzynarodow{y|ego} Trybunał~ Karn{y|ego}'],
      ru: ['Международн{ый|ого|ому|ым} уголовн{ый|ого|ому|ым} суд~', 'МУС'], uk: ['Міжнародн{ий|ого|ому|им} кримінальн{ий|ого|ому|им} суд~', 'МКС'],
      zh: ['国际刑事法院'], ja: ['国際刑事裁判所'], ar: ['المحكمة الجنائية الدولية'],
    },
  },
  {
    qid: 'Q380340', name: 'International Atomic Energy Agency', type: 'organization', unverified: true,
    aliases: {
      en: ['International Atomic Energy Agency', 'IAEA'], fr: ['AIEA', "Agence internationale de l'énergie atomique"], de: ['IAEA', 'IAEO', 'Internationale Atomenergiebehörde'],
      es: ['OIEA', 'Organismo Internacional de Energía Atómica'], ru: ['МАГАТЭ'], uk: ['МАГАТЕ'], zh: ['国际原子能机构'], ja: ['国際原子力機関'], ar: ['الوكالة الدولية للطاقة الذرية'],
    },
  },
];

/**
 * Heads of state and government, foreign ministers and spokespeople. Surnames inflect (`Путин~` gives
 * Путина, Путину, Путиным).
 */
export const PEOPLE: GazetteerEntity[] = [
  {
    qid: 'Q15031', name: 'Xi Jinping', type: 'person',
    aliases: {
      en: ['Xi Jinping', 'Xi'], fr: ['Xi Jinping', 'Xi'], de: ['Xi Jinping', 'Xi'], es: ['Xi Jinping', 'Xi'], it: ['Xi Jinping', 'Xi'], pt: ['Xi Jinping', 'Xi'], pl: ['Xi Jinping~', 'Xi'],
      ru: ['Си Цзиньпин~', 'Цзиньпин~'], uk: ['Сі Цзіньпін~', 'Цзіньпін~'], zh: ['习近平', '習近平', '习主席'], ja: ['習近平'], ko: ['시진핑'], ar: ['شي جين بينغ', 'شي جينبينغ'], tr: ['Şi Cinping'],
    },
  },
  {
    qid: 'Q7747', name: 'Vladimir Putin', type: 'person',
    aliases: {
      '*': ['Putin'], fr: ['Poutine'], de: ['Putin', 'Putins'], pl: ['Putin~'], ru: ['Путин~'], uk: ['Путін~'], zh: ['普京', '普丁'], ja: ['プーチン'], ko: ['푸틴'], ar: ['بوتين'], fa: ['پوتین'],
    },
  },
  {
    qid: 'Q3881', name: 'Volodymyr Zelenskyy', type: 'person',
    aliases: {
      '*': ['Zelenskyy', 'Zelensky', 'Zelenskiy', 'Zelenskyi'], de: ['Selenskyj', 'Selenskyjs', 'Selensky'], es: ['Zelenski'], it: ['Zelensky', 'Zelenskyj'], pl: ['Zełensk~', 'Zelensk~'], pt: ['Zelensky', 'Zelenski'],
      ru: ['Зеленск~'], uk: ['Зеленськ~'], zh: ['泽连斯基', '澤連斯基'], ja: ['ゼレンスキー'], ko: ['젤렌스키'], ar: ['زيلينسكي'], fa: ['زلنسکی'],
    },
  },
  {
    qid: 'Q28855', name: 'Sergey Lavrov', type: 'person', unverified: true,
    aliases: { '*': ['Lavrov'], de: ['Lawrow'], pl: ['Ławrow~', 'Lawrow~'], ru: ['Лавров~'], uk: ['Лавров~'], zh: ['拉夫罗夫'], ja: ['ラブロフ'], ko: ['라브로프'], ar: ['لافروف'] },
  },
  {
    qid: 'Q311440', name: 'António Guterres', type: 'person',
    aliases: { '*': ['Guterres'], ru: ['Гутерриш~', 'Гутерреш~'], uk: ['Гутерреш~', 'Гутерріш~'], zh: ['古特雷斯'], ja: ['グテーレス', 'グテレス'], ko: ['구테흐스', '구테레스'], ar: ['غوتيريش', 'غوتيريس'] },
  },
  {
    qid: 'Q6279', name: 'Joe Biden', type: 'person',
    aliases: { '*': ['Biden'], pl: ['Biden~'], ru: ['Байден~'], uk: ['Байден~'], zh: ['拜登'], ja: ['バイデン'], ko: ['바이든'], ar: ['بايدن'], fa: ['بایدن'] },
  },
  {
    qid: 'Q22686', name: 'Donald Trump', type: 'person',
    aliases: { '*': ['Trump'], pl: ['Trump~'], ru: ['Трамп~'], uk: ['Трамп~'], zh: ['特朗普', '川普'], ja: ['トランプ大統領', 'トランプ氏', 'ドナルド・トランプ'], ko: ['트럼프'], ar: ['ترامب'], fa: ['ترامپ'] },
  },
  {
    qid: 'Q3052772', name: 'Emmanuel Macron', type: 'person',
    aliases: { '*': ['Macron'], pl: ['Macron~'], ru: ['Макрон~'], uk: ['Макрон~'], zh: ['马克龙', '馬克宏'], ja: ['マクロン'], ko: ['마크롱'], ar: ['ماكرون'] },
  },
  {
    qid: 'Q61053', name: 'Olaf Scholz', type: 'person',
    aliases: { '*': ['Olaf Scholz', 'Scholz'], ru: ['Шольц~'], uk: ['Шольц~'], zh: ['朔尔茨', '肖尔茨'], ja: ['ショルツ'], ko: ['숄츠'], ar: ['شولتس', 'شولتز'] },
  },
  {
    qid: 'Q56226', name: 'Kim Jong Un', type: 'person',
    aliases: {
      '*': ['Kim Jong Un', 'Kim Jong-un', 'Kim Jong-Un'], ru: ['Ким Чен {Ын|Ына|Ыну|Ыном|Ыне}'], uk: ['Кім Чен {Ин|Ина|Ину|Ином}'], zh: ['金正恩'], ja: ['金正恩'], ko: ['김정은'], ar: ['كيم جونغ أون'],
    },
  },
  {
    qid: 'Q16147372', name: 'Wang Wenbin', type: 'person', unverified: true,
    aliases: { '*': ['Wang Wenbin'], ru: ['Ван Вэньбин~'], zh: ['汪文斌'], ja: ['汪文斌'] },
  },
  {
    qid: 'Q4099542', name: 'Antony Blinken', type: 'person', unverified: true,
    aliases: { '*': ['Blinken'], pl: ['Blinken~'], ru: ['Блинкен~'], uk: ['Блінкен~'], zh: ['布林肯'], ja: ['ブリンケン'], ko: ['블링컨'], ar: ['بلينكن'] },
  },
  {
    qid: 'Q60772', name: 'Ursula von der Leyen', type: 'person',
    aliases: { '*': ['von der Leyen', 'Von der Leyen'], ru: ['фон дер Ляйен'], uk: ['фон дер Ляєн'], zh: ['冯德莱恩'], ja: ['フォンデアライエン'] },
  },
  {
    qid: 'Q1058', name: 'Narendra Modi', type: 'person',
    aliases: { '*': ['Narendra Modi', 'Modi'], ru: ['Моди'], uk: ['Моді'], zh: ['莫迪'], ja: ['モディ'], ko: ['모디'], ar: ['مودي'] },
  },
  {
    qid: 'Q39259', name: 'Recep Tayyip Erdoğan', type: 'person',
    aliases: { '*': ['Erdoğan', 'Erdogan'], pl: ['Erdoğan~', 'Erdogan~'], ru: ['Эрдоган~'], uk: ['Ердоган~'], zh: ['埃尔多安'], ja: ['エルドアン'], ko: ['에르도안'], ar: ['أردوغان'] },
  },
  {
    qid: 'Q43723', name: 'Benjamin Netanyahu', type: 'person',
    aliases: { '*': ['Netanyahu'], de: ['Netanjahu'], fr: ['Nétanyahou', 'Netanyahou'], ru: ['Нетаньяху'], uk: ['Нетаньягу'], zh: ['内塔尼亚胡'], ja: ['ネタニヤフ'], ko: ['네타냐후'], ar: ['نتنياهو'] },
  },
];

/**
 * Phrases that contain an alias but name something else. A match inside one of these is dropped.
 * Written lower-case: they match in any case.
 */
export const FALSE_FRIENDS: FalseFriend[] = [
  { langs: ['en'], phrases: ['china plate', 'china plates', 'china cabinet', 'fine china', 'bone china', 'china set', 'china dishes', 'china doll', 'china shop', 'turkey dinner', 'roast turkey', 'turkey sandwich', 'cold turkey', 'the turkey', 'new mexico', 'new jersey', 'chinese checkers', 'french fries', 'french toast', 'russian roulette', 'russian dressing'] },
  { langs: ['fr'], phrases: ['tête de turc', 'têtes de turc', 'fort comme un turc', 'encre de chine', 'ombres chinoises', 'casse-tête chinois', 'roulette russe', 'montagnes russes', 'poupée russe', 'poupées russes', 'salade russe', 'filer à l’anglaise'] },
  { langs: ['de'], phrases: ['russisch brot', 'russisch roulette', 'russische eier', 'chinesische mauer', 'spanische wand', 'böhmische dörfer', 'französisch~ bett~'] },
  { langs: ['es', 'pt'], phrases: ['cuento chino', 'cuentos chinos', 'me suena a chino', 'tortilla francesa', 'despedirse a la francesa', 'jugo de china', 'jugos de china', 'ruleta rusa', 'tinta china', 'montaña rusa', 'montañas rusas', 'nueva méxico', 'nuevo méxico', 'nueva jersey'] },
  { langs: ['it'], phrases: ['dama cinese', 'alla francese', 'inchiostro di china', 'roulette russa', 'montagne russe', 'insalata russa'] },
  { langs: ['ru', 'uk'], phrases: ['китайск~ грамот~', 'китайськ~ грамот~', 'латинск~ америк~', 'южн~ америк~', 'северн~ америк~', 'центральн~ америк~', 'латиноамериканск~', 'русск~ рулетк~', 'китайск~ стен~', 'латинськ~ америк~', 'південн~ америк~', 'північн~ америк~', 'центральн~ америк~'] },
  { langs: ['pl'], phrases: ['ameryk~ łacińsk~', 'ameryk~ południow~', 'ameryk~ północn~', 'rosyjsk~ ruletk~'] },
  { langs: ['zh'], phrases: ['俄罗斯方块', '俄羅斯方塊', '朝鲜族', '朝鮮族', '朝中社', '中美洲', '南美洲', '北美洲', '美洲', '拉美', '美德', '中英文', '日本料理', '中非共和国', '美元', '日元', '日报', '日电', '日讯', '韩元', '日内瓦', '朝日', '白俄'] },
  { langs: ['ja'], phrases: ['中国地方', '中国山地', '中国自動車道', '中国電力', '中国新聞', '中日新聞', '中日ドラゴンズ', '米価', '朝日', '中米', '台中'] },
];

/** Context that turns a name into something else. */
export const CONTEXT_EXCLUSIONS: ContextExclusion[] = [
  { qid: 'Q230', langs: ['en', 'fr', 'de', 'es', 'it', 'pt'], window: 12, cues: ['U.S. state', 'US state', 'Atlanta', 'Senate', 'senator', 'Savannah', 'Peach State', 'governor', 'county', 'Georgia Tech', 'Bulldogs', 'Alabama', 'Florida', 'Carolina', 'Tennessee', 'Republican', 'Democrat', 'Democrats', 'Republicans', 'runoff', 'primary'] },
  { qid: 'Q810', langs: ['en', 'fr', 'de', 'es', 'it', 'pt'], window: 3, cues: ['Michael', 'Air', 'NBA'] },
];

/**
 * Nouns that, right before a quoted name, make it the name of a thing (гостиница «Украина», hotel
 * "Russia"): the quoted country name is then not the country. Matched as word prefixes, lower-case.
 */
export const NAMED_THING_NOUNS: string[] = [
  'гостиниц', 'отел', 'кинотеатр', 'ресторан', 'кафе', 'клуб', 'фк', 'газет', 'журнал', 'компани', 'банк', 'завод', 'фабрик', 'теплоход', 'корабл', 'судн', 'телеканал', 'издательств', 'стадион', 'тц', 'трц', 'жк', 'санатори', 'лайнер', 'крейсер', 'фрегат', 'радиостанци',
  'готел', 'кінотеатр', 'газет', 'компані', 'телеканал', 'стадіон', 'санаторі',
  'hotel', 'hôtel', 'restaurant', 'cinema', 'cinéma', 'kino', 'club', 'newspaper', 'magazine', 'journal', 'zeitung', 'company', 'bank', 'ship', 'vessel', 'frigate', 'stadium', 'stadion', 'periódico', 'revista', 'barco', 'buque', 'navire', 'schiff', 'fregatte', 'hotelu', 'statek', 'okręt', 'gazeta', 'navio', 'nave', 'albergo', 'giornale',
];

/**
 * One-character country abbreviations of Chinese and Japanese news copy. Two or more in a row make a
 * compound (中俄 = China + Russia, 俄乌, 中美, 日米, 中ロ); one alone counts only before an
 * institution word (俄总统, 美军, 露外務省).
 */
export const CJK_ABBREVIATIONS: Record<'zh' | 'ja', Record<string, string>> = {
  zh: { 中: 'Q148', 俄: 'Q159', 美: 'Q30', 乌: 'Q212', 日: 'Q17', 朝: 'Q423', 韩: 'Q884', 德: 'Q183', 法: 'Q142', 英: 'Q145', 印: 'Q668', 叙: 'Q858' },
  ja: { 日: 'Q17', 米: 'Q30', 中: 'Q148', ロ: 'Q159', 露: 'Q159', 韓: 'Q884', 朝: 'Q423', 英: 'Q145', 独: 'Q183', 仏: 'Q142', 印: 'Q668', 豪: 'Q408', 台: 'Q865' },
};

/** Institution words after a single abbreviation character (俄总统, 美军, 露外務省). */
export const CJK_INSTITUTION_SUFFIXES: string[] = [
  '总统', '总理', '外长', '外交部', '政府', '军', '国防部', '大使馆', '官员', '领导人', '当局', '驻',
  '大統領', '首相', '外相', '外務省', '国防省', '大使館', '政府', '軍', '当局', '首脳',
];

/**
 * Nouns for a kind of thing (a dish, a game, tableware, a shoe) that a country name or adjective right next
 * to it turns into a style, not the country: turkey sandwich, china cups, Jordan sneakers, insalata russa,
 * Rus salatası, 土耳其烤肉, 日本酒, トルコ石. Word scripts match by prefix of the neighbouring word
 * (lower-case, accents folded); CJK entries must follow the name directly.
 */
export const STYLE_NOUNS: { words: string[]; cjk: string[] } = {
  words: [
    'sandwich', 'cup', 'cups', 'teacup', 'plate', 'plates', 'dish', 'dishes', 'sneaker', 'shoe', 'salad', 'dressing', 'roulette', 'toast',
    'fries', 'checkers', 'delight', 'bath', 'towel', 'carpet', 'rug', 'porcelain', 'pastry', 'omelette', 'omelet',
    'salade', 'dames', 'encre', 'ensalada', 'ruleta', 'tinta', 'tortilla', 'insalata', 'inchiostro',
    'salada', 'roleta', 'salat', 'brot', 'mokka', 'salatka', 'ruletk', 'salata', 'kahve', 'lokum', 'hamam',
    'салат', 'рулетк',
  ],
  cjk: ['酒', '石', '料理', '烤肉', '浴', '软糖', '方块', '方塊', '菜', 'ドッグ', '風', '式'],
};

/**
 * Words for a river, lake or street named after a country: Niger River, Lake Chad, نهر الأردن, Jordan
 * Street. `before` words precede the name, `after` words follow it (lower-case, matched as prefixes).
 */
export const GEOGRAPHIC_FEATURES: { before: string[]; after: string[] } = {
  before: ['lake', 'lac', 'lago', 'fleuve', 'rio', 'río', 'fiume', 'река', 'реки', 'реке', 'рекой', 'озер', 'річк', 'rzek', 'jezior', 'نهر', 'بحيرة', 'وادي'],
  after: ['river', 'delta', 'basin', 'valley', 'street', 'avenue', 'road', 'nehri', 'gölü'],
};

/**
 * Countries whose English name is also a common first name (Chad Thompson, Jordan Henderson). Followed
 * by a capitalised word that is not a title or an institution, the name is a person's.
 */
export const GIVEN_NAME_COUNTRIES: string[] = ['Q657', 'Q810', 'Q230'];

/** Capitalised words that may follow a country name in headline style (Jordan President, Chad Army). */
export const HEADLINE_TITLE_WORDS: string[] = [
  'president', 'prime', 'minister', 'foreign', 'government', 'army', 'embassy', 'ministry', 'king', 'queen', 'parliament', 'national',
  'armed', 'defense', 'defence', 'navy', 'air', 'police', 'border', 'state', 'officials', 'authorities', 'crisis', 'talks', 'says', 'said',
];

/**
 * One-syllable country abbreviations of Korean news copy (한: South Korea, 미: US, 일: Japan, 중: China,
 * 러: Russia, 북: North Korea), and the words built of them that mean something else.
 */
export const KOREAN_ABBREVIATIONS: { members: Record<string, string>; exceptions: string[] } = {
  members: { 한: 'Q884', 미: 'Q30', 일: 'Q17', 중: 'Q148', 러: 'Q159', 북: 'Q423' },
  exceptions: ['북한', '북미', '중미', '남미', '일한'],
};

/** Korean particles that follow a noun (longest first). */
export const KOREAN_PARTICLES: string[] = ['에서는', '에게는', '과의', '와의', '에서', '에게', '으로', '은', '는', '이', '가', '을', '를', '의', '와', '과', '도', '에', '로', '간'];
