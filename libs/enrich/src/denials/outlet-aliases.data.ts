/**
 * How denials name the outlets they answer, in other scripts and languages: official statements
 * translate or transliterate the name ("据《纽约时报》报道", "публикация Нью-Йорк таймс"). Keyed by
 * the outlet's name folded by `outletKey` (no leading article, lower case). Written by us from the
 * outlets' commonly used names; users add their own through `outletAliases`.
 */
export const OUTLET_ALIASES: Record<string, string[]> = {
  'new york times': ['NYT', 'NYTimes', '纽约时报', '紐約時報', 'ニューヨーク・タイムズ', 'Нью-Йорк таймс', 'Нью-Йорк Таймс', 'Ню-Йорк Таймс', 'New-York Times'],
  'wall street journal': ['WSJ', '华尔街日报', '華爾街日報', 'ウォール・ストリート・ジャーナル', 'Уолл-стрит джорнэл', 'Уолл-стрит джорнал', 'Уолл-Стрит Джорнел', 'Волл-стріт джорнел'],
  'washington post': ['WaPo', '华盛顿邮报', '華盛頓郵報', 'ワシントン・ポスト', 'Вашингтон пост'],
  reuters: ['路透社', '路透', 'ロイター', 'Рейтер', 'Reuters'],
  'associated press': ['AP', '美联社', '美聯社', 'Ассошиэйтед пресс', 'Ассошиейтед Пресс', 'Асошіейтед прес'],
  'agence france-presse': ['AFP', '法新社', 'Франс Пресс', 'Франс Прес'],
  bloomberg: ['彭博社', '彭博', 'ブルームバーグ', 'Блумберг', 'Bloomberg News'],
  bbc: ['BBC News', '英国广播公司', '英國廣播公司', 'Би-би-си', 'Бі-бі-сі'],
  cnn: ['美国有线电视新闻网', '美國有線電視新聞網', 'Си-эн-эн', 'Сі-ен-ен'],
  guardian: ['卫报', '衛報', 'Гардиан', 'Ґардіан', 'Гардіан'],
  'financial times': ['FT', '金融时报', '金融時報', 'Файнэншл таймс', 'Файненшл таймс', 'Файненшл Таймс'],
  'south china morning post': ['SCMP', '南华早报', '南華早報', 'Саут Чайна Морнинг Пост'],
  politico: ['Politico', '政客新闻网', 'Политико'],
  economist: ['经济学人', '經濟學人', 'Экономист', 'Економіст'],
  monde: ['Le Monde', '世界报', 'Монд'],
  spiegel: ['Der Spiegel', '明镜周刊', '明鏡周刊', 'Шпигель', 'Шпіґель'],
  'deutsche welle': ['DW', '德国之声', '德國之聲', 'Немецкая волна', 'Німецька хвиля'],
  'voice of america': ['VOA', '美国之音', '美國之音', 'Голос Америки'],
  'radio free europe/radio liberty': ['RFE/RL', 'Radio Liberty', 'Radio Free Europe', '自由欧洲电台', 'Радио Свобода', 'Радіо Свобода'],
  nikkei: ['Nikkei Asia', '日经', '日經', '日本经济新闻', '日本経済新聞'],
  axios: ['Axios', 'Аксиос'],
};
