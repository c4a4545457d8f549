/**
 * Cue lexicons for denial stance, by role rather than by language: every list holds the cues of every
 * language we monitor, so a mislabelled language does not switch the detector off. Written by us; each
 * pattern is matched on lower-cased text.
 */

/** Verbs and nouns that by themselves mean "said a claim is untrue" (deny, dément, опроверг, 否认). */
export const STRONG_DENIALS: RegExp[] = [
  /\b(den(y|ies|ied|ying)|denial|refut(e|es|ed|ing)|rebut(s|ted)?|debunk(s|ed)?)\b/u,
  /否认|驳斥|辟谣|否定了|否認|否定し|否定する/u,
  /(^|[^\p{L}])(опроверг\p{L}*|опровержени\p{L}*|отрица\p{L}*|спростува\p{L}*|спростову\p{L}*|заперечи\p{L}*|заперечу\p{L}*)/u,
  /\b(dément\p{L}*|démenti\p{L}*|infirm\p{L}*)/u,
  /\b(dementier\p{L}*|dementi\b|bestreit\p{L}*|bestritt\p{L}*|bestritten)/u,
  /\b(desmient\p{L}*|desmint\p{L}*|desmentid\p{L}*|niega|negó|negaron|niegan|negou|negaram|nega|negam|smentisc\p{L}*|smentit\p{L}*|desment\p{L}*|zaprzecz\p{L}*|zdementow\p{L}*|dementuj\p{L}*)/u,
  /(^|[^\p{L}])(نفى|نفت|ينفي|تنفي|نفي)/u,
];

/** Verbs that deny only when their object is a claim (reject allegations, not reject sanctions). */
export const WEAK_DENIALS: RegExp[] = [
  /\b(reject(s|ed|ing)?|dismiss(es|ed|ing)?|repudiat\p{L}*|push(ed|es|ing)? back|call(ed|ing) (it|them|the \p{L}+))\b/u,
  /(^|[^\p{L}])(отверг\p{L}*|отклони\p{L}*|відкину\p{L}*|відкида\p{L}*|назвал\p{L}*|назвав\p{L}*|назвала|назвали)/u,
  /\b(rejet\p{L}*|rejett\p{L}*|balay\p{L}*|qualifi\p{L}*)/u,
  /\b(weist|wies|weisen)\b[^.!?]*\bzurück|zurückgewiesen|\bnannte\b|\bnennt\b/u,
  /\b(rechaz\p{L}*|calific\p{L}*|respin\p{L}*|rejeit\p{L}*|odrzuc\p{L}*)/u,
  /反驳/u,
  /(^|[^\p{L}])(رفض\p{L}*|ترفض|يرفض)/u,
];

/** Words saying something is false (fake, groundless, 毫无根据, фейк, infondé, haltlos). */
export const FALSITY: RegExp[] = [
  /\b(fake|false(hood)?s?|untrue|groundless|baseless|unfounded|fabricat\p{L}*|forged|smear\p{L}*|lies|disinformation|misinformation|canard|not true|no truth|without (any )?(basis|foundation)|made up|hoax|inaccurate|incorrect|absurd|nonsense|ridiculous|nothing to do with reality)\b/u,
  /假新闻|毫无根据|纯属|捏造|谎言|抹黑|失实|不实|与事实.{0,4}不符|でたらめ|不符合事实|造谣|子虚乌有|无中生有|污蔑|诬蔑|虚假|编造|杜撰|事実無根|虚偽|捏造|デマ|フェイク/u,
  /(^|[^\p{L}])(фейк\p{L}*|лож\p{L}*|беспочвенн\p{L}*|безосновательн\p{L}*|выдумк\p{L}*|вымысел|клевет\p{L}*|утк[аиуой]\p{L}*|дезинформаци\p{L}*|пропаганд\p{L}*|брехн\p{L}*|неправд\p{L}*|безпідставн\p{L}*|вигадк\p{L}*|наклеп\p{L}*|чуш\p{L}*|бред\p{L}*|абсурд\p{L}*|вброс\p{L}*|нелеп\p{L}*|маячн\p{L}*|вкид\p{L}*)/u,
  /не\s+соответству\p{L}*\s+действительности|не\s+відповіда\p{L}*\s+дійсності|не\s+имеют\s+ничего\s+общего\s+с\s+действительностью/u,
  /\b(faux|fausse|fausses|infondé\p{L}*|sans fondement|dénué\p{L}* de (tout )?fondement|invention|calomni\p{L}*|mensong\p{L}*|fake news|intox)/u,
  /\b(falsch\p{L}*|haltlos\p{L}*|fake|falschmeldung\p{L}*|lüge\p{L}*|erfunden\p{L}*|unwahr\p{L}*|desinformation\p{L}*|verleumd\p{L}*|unbegründet\p{L}*|jeder grundlage|aus der luft gegriffen)/u,
  /\b(fals[oaie]s?|nieprawd\p{L}*|infundad\p{L}*|sin fundamento|calumni\p{L}*|mentira\p{L}*|bulo\p{L}*|infondat\p{L}*|menzogn\p{L}*|fałszyw\p{L}*|bezpodstawn\p{L}*|kłamstw\p{L}*|mentir\p{L}*)/u,
  /كاذب|عار\p{L}* عن الصحة|لا أساس لها|مفبرك|أكاذيب|ملفق|مزاعم باطلة|افتراء/u,
];

/** What a denial rejects: a report, claim, allegation (报道, 说法, сообщения, allégations, Vorwürfe). */
export const CLAIM_OBJECTS: RegExp[] = [
  /\b(reports?|claims?|allegations?|accusations?|assertions?|stor(y|ies)|rumou?rs?|articles?|memo|allegedly|alleging|alleged|the video)\b/u,
  /报道|说法|指控|传闻|消息|指责|言论|传言|报導|報道|主張/u,
  /(^|[^\p{L}])(сообщени\p{L}*|информаци\p{L}*|утверждени\p{L}*|обвинени\p{L}*|заявлени\p{L}*|публикаци\p{L}*|слух\p{L}*|статья|статьи|статью|повідомлен\p{L}*|звинувачен\p{L}*|твердженн\p{L}*|чутк\p{L}*|якобы|нібито)/u,
  /\b(informations?|allégations?|accusations?|article|rumeurs?|affirmations?|propos|selon lesquelles|affirmant)\b/u,
  /\b(bericht\p{L}*|behauptung\p{L}*|vorwürf\p{L}*|vorwurf\p{L}*|darstellung\p{L}*|meldung\p{L}*|gerücht\p{L}*|angeblich\p{L}*)/u,
  /\b(informaci[oó]n\p{L}*|acusaci\p{L}*|informes?|noticias?|afirmaci\p{L}*|rumores?|supuest\p{L}*|notizi\p{L}*|indiscrezion\p{L}*|accuse|doniesie\p{L}*|oskarże\p{L}*|informacj\p{L}*|twierdze\p{L}*|notícia\p{L}*|acusações|alegações)/u,
  /تقرير|تقارير|مزاعم|اتهامات|ادعاءات|أنباء|الأنباء/u,
];

/** Objects that make a rejection a policy stance, not a denial (sanctions, resolutions, countermeasures). */
export const POLICY_OBJECTS: RegExp[] = [
  /\b(sanctions?|countermeasures?|measures|resolutions?|tariffs?|decisions?|proposals?|mesures|rétorsion|sanktion\p{L}*|gegenmaßnahm\p{L}*|maßnahm\p{L}*|resolution\p{L}*|sanciones|medidas|resolución|sanzioni|sankcj\p{L}*)\b/u,
  /制裁|决议|措施|反制/u,
  /(^|[^\p{L}])(санкци\p{L}*|резолюци\p{L}*|меры|мер\b|ответн\p{L}*)/u,
  /عقوبات|قرار/u,
];

/** Deictic references that make "fake"/"ложь" point at a specific claim (this is, so-called, 这是, это). */
export const REFERENTS: RegExp[] = [
  /\b(this is|these|such|so-called|that is|it is)\b/u,
  /这是|所谓|有关说法|相关报道|该报道|这一说法|上述/u,
  /(^|[^\p{L}])(это|так называем\p{L}*|подобн\p{L}*|так зван\p{L}*|це)([^\p{L}]|$)/u,
  /\b(c'est|ce sont|prétendu\p{L}*|soi-disant|ces)\b/u,
  /\b(diese\p{L}*|dies|sogenannt\p{L}*)\b/u,
  /\b(se trata de|esto es|estas|esta)\b/u,
  /هذه|هذا/u,
];

/**
 * Phrases that are not denials although they contain a denial word: declined to comment, did not deny,
 * neither confirmed nor denied, we do not deny. Matched first and blanked out.
 */
export const NOT_DENIALS: RegExp[] = [
  /\b(declin\p{L}*|refus\p{L}*|would not|wouldn't) (to )?(\p{L}+ ){0,2}(comment|confirm or deny|confirm nor deny)\b/u,
  /\b(did|does|do|would|could|has|have|had) ?(not|n't) (immediately )?(deny|denied|refute|reject|dismiss)\w*/u,
  /\b(neither|not) confirm\p{L}* (n?or) den\p{L}*/u,
  /\bno comment\b|\bnothing to share\b/u,
  /拒绝置评|不予置评|未予否认|没有否认|并未否认|未否认|不否认|无可奉告|不掌握|既不确认也不否认|ノーコメント/u,
  /ни\s+подтвержда\p{L}*,?\s+ни\s+опроверга\p{L}*|ни\s+підтверджува\p{L}*,?\s+ні\s+спростовува\p{L}*|не\s+(стал\p{L}*\s+)?(отрица\p{L}*|опроверг\p{L}*|отверг\p{L}*)|не\s+(спростува\p{L}*|заперечу\p{L}*|заперечи\p{L}*)|отказал\p{L}*\s+от\s+комментари\p{L}*|воздерж\p{L}*\s+от\s+комментари\p{L}*|відмовил\p{L}*\s+від\s+коментар\p{L}*/u,
  /\bni\s+confirmé\s+ni\s+infirmé/u,
  /\bn'(a|ont)\s+(pas|ni)\s+(démenti|nié|rejeté|confirmé)|refus\p{L}*\s+de\s+commenter|pas\s+souhaité\s+commenter/u,
  /nicht\s+(\p{L}+\s+)?(dementier\p{L}*|bestritten|bestreit\p{L}*|zurückgewiesen)|weder\s+bestätig\p{L}*\s+noch\s+dementier\p{L}*|nicht\s+(zu\s+\p{L}+\s+)?(äußern|kommentieren)|wollte\p{L}*\s+sich\s+(\p{L}+\s+)*?nicht/u,
  /no\s+quis\p{L}*\s+(confirmar\s+ni\s+desmentir|comentar)|ni\s+confirm\p{L}*\s+ni\s+desm\p{L}*|no\s+(desminti\p{L}*|negó|ha\s+desmentido|ha\s+negado)|declin\p{L}*\s+comentar|se\s+neg\p{L}*\s+a\s+\p{L}+|né\s+confermat\p{L}*\s+né\s+smentit\p{L}*|nem\s+confirm\p{L}*\s+nem\s+desment\p{L}*|ani\s+potwierdz\p{L}*,?\s+ani\s+zaprzecz\p{L}*|nie\s+zaprzecz\p{L}*/u,
  /رفض\p{L}*\s+(\S+\s+){0,4}(التعليق|الإدلاء)|لم\s+ين?ف/u,
  /コメントを控え|コメントしなかった|回答を控え/u,
  // "Confirm or deny" in any language is a refusal to do either (recusou-se a confirmar ou negar).
  /confirm\p{L}*\s+(or|nor|ou|o|ni|né|nem|ani|или|ні|ни)\s+(deny|den\p{L}*|negar|desmentir|smentire|infirmer|dementieren|zaprzecz\p{L}*|опроверг\p{L}*|опровергать|спростувати|спростовувати)/u,
  /\bno information\b|ask the competent authorities|refer you to/u,
];

/** Flat factual rebuttals: "No such meeting took place", "Никаких подобных контактов не было", 没有这样的安排. */
export const REBUTTALS: RegExp[] = [
  /\bno such \p{L}+ (took place|happened|exists?|occurred|was held)|\bnever (engaged|issued|held|taken place|happened|occurred)\b[^.]*\bsuch\b|\bhas never (happened|taken place)/u,
  /没有这样的安排|根本不存在|从未发生|子虚乌有|不存在所谓/u,
  /никаких\s+(подобных\s+|таких\s+)?\p{L}+\s+(не\s+было|не\s+проводилось|не\s+велось)|ничего\s+подобного\s+не\s+(было|происходило)|жодних\s+\p{L}+\s+не\s+було/u,
  /aucun\p{L}*\s+\p{L}+\s+n'a\s+eu\s+lieu|n'a\s+jamais\s+eu\s+lieu/u,
  /hat\s+nie\s+stattgefunden|fand\s+nie\s+statt|hat\s+es\s+nie\s+gegeben/u,
  /nunca\s+(tuvo|ha\s+tenido)\s+lugar|no\s+existi[óo]\s+tal/u,
  // "It is false that …": falsity predicated of a whole proposition.
  /\bit is (\p{L}+ )?(false|untrue|not true) that|\bes (\p{L}+ )?falso que|\bil est (\p{L}+ )?faux (de dire )?que|\bè (\p{L}+ )?falso che|\bé (\p{L}+ )?falso que|\bes ist (\p{L}+ )?falsch,? dass|неправда,? что|неправда,? що|contrairement à ce qu|contrary to (what|the claims?|reports?)/u,
  // Nothing of the alleged kind happened: no such meeting, talks, contacts, deal or transfer.
  /\bthere (was|were|has been|have been) no (such )?(meeting|talks|contacts?|negotiations?|agreement|deal|call|conversation|transfer|payment)s?\b|\bnão houve (qualquer|nenhum\p{L}*|tal) |\bno hubo (ningún|ninguna|ningun\p{L}*|tal) |\bnon (c'è stat\p{L}*|si è svolt\p{L}*) (alcun|nessun)\p{L}* |\bnie było żadn\p{L}* |\bil n'y a (jamais )?eu (aucun|aucune) |\bes gab (kein\p{L}*|nie) /u,
  /никаких\s+(подобных\s+|таких\s+)?\p{L}+\s+не\s+(было|проводил\p{L}*|принимал\p{L}*|вел\p{L}*|подписывал\p{L}*)|жодних\s+\p{L}+\s+не\s+(було|проводил\p{L}*|ухвалювал\p{L}*|велос\p{L}*|вел\p{L}*)/u,
  /(ような|といった)?事実は(一切|全く)?(ない|なく|ありません|ございません)/u,
];

/**
 * A negated event ("at no point did the minister meet", "n'a jamais rencontré", 根本不在现场): a rebuttal
 * when the text refers to the claim it answers (an article, report, allegation).
 */
export const NEGATED_EVENTS: RegExp[] = [
  /\b(at no (point|time)|never (met|held|had|took|sent|received|signed|visited|issued|paid|transferred|supplied|engaged|travel\p{L}*))\b/u,
  /\bn'(a|ont)\s+jamais\s+(rencontr|tenu|eu|reçu|envoy|sign|visit|particip|pay|livr)\p{L}*|\bnunca\s+(se\s+)?(reuni|encontr|recibi|recebeu|firm|assin|visit|envi|pag)\p{L}*|\bnon\s+ha\s+mai\s+\p{L}+|\bnigdy\s+nie\s+\p{L}+|никогда\s+не\s+\p{L}+|ніколи\s+не\s+\p{L}+|\bnie(mals)?\s+(getroffen|geliefert|unterzeichnet|erhalten)/u,
  /从未|根本不在|并不在场|根本没有|从来没有/u,
];

/** Who dismisses a claim without being an official body: analysts, experts, fact-checkers, columnists. */
export const NON_OFFICIAL_ACTORS: RegExp[] = [
  /\b(analysts?|experts?|researchers?|scholars?|fact-?checkers?|observers|commentators?|columnists?|critics|bloggers?|academics?)\b/u,
  /(^|[^\p{L}])(политолог\p{L}*|эксперт\p{L}*|аналитик\p{L}*|блогер\p{L}*|політолог\p{L}*|експерт\p{L}*|аналітик\p{L}*)/u,
  /\b(analystes?|experts?|observateurs|politologue\p{L}*|chercheur\p{L}*|analytiker\p{L}*|expert\p{L}*|beobachter\p{L}*|faktenchecker\p{L}*|analistas?|expert[oa]s?|verificador\p{L}*|observador\p{L}*|columnista\p{L}*|espert[oi]|especialistas?|ekspert\p{L}*|analityk\p{L}*|politolog\p{L}*)/u,
  /分析人士|专家|学者|评论员|専門家|アナリスト|識者|محلل|خبراء|خبير/u,
];

/** Generic talk about fake news (a topic, not a verdict on a report): read as the bare word "fake". */
export const FAKE_NEWS_TOPICS: RegExp[] = [
  /\b(fake|false) news\b|\bnoticias falsas\b|\bnotizie false\b|\bnotícias falsas\b|\bfausses nouvelles\b|\bfake-news\b|фейков\p{L}*\s+новост\p{L}*|\bfalschnachricht\p{L}*|\bfałszyw\p{L}*\s+wiadomoś\p{L}*/u,
];

/**
 * Official bodies whose denial a media item may report: governments, ministries, embassies, the Kremlin,
 * the White House, the State Department, the UN, their spokespeople, and capitals standing for them.
 */
export const OFFICIAL_ACTORS: RegExp[] = [
  // Leaders, foreign ministers and spokespeople of the major powers, by name, in the scripts they are written in.
  /(^|[^\p{L}])(peskov|песков\p{L}*|zakharova|захаров\p{L}*|lavrov|лавров\p{L}*|wang wenbin|mao ning|lin jian|wang yi|blinken|kirby|putin|путин\p{L}*|путін\p{L}*|poutine|xi jinping|biden|macron|scholz|guterres|erdo[gğ]an|netanyahu|kishida)([^\p{L}]|$)/u,
  /佩斯科夫|扎哈罗娃|拉夫罗夫|汪文斌|毛宁|林剑|王毅|布林肯|普京|习近平|拜登|ペスコフ|ザハロワ|ラブロフ|プーチン|بيسكوف|زاخاروفا|لافروف/u,
  /\b(spokes(man|woman|person|people)|ministry|ministries|minister|government|embassy|kremlin|white house|state department|foreign office|officials?|authorities|president|presidency|cabinet|united nations|u\.?n\.?|beijing|moscow|kyiv|kiev|washington|tehran|pyongyang|minsk|ankara|london|paris|berlin|tokyo|asmara|damascus|jerusalem|taipei)\b/u,
  /外務省|報道官|官房長官|防衛省|大使館|首相官邸|国務省|クレムリン|ホワイトハウス|发言人|外交部|国防部|政府|大使馆|使馆|克里姆林宫|白宫|国务院|联合国|官员|当局|总统府|外务省|国务院|北京|莫斯科|基辅|华盛顿|乌方|俄方|中方|美方|报道官|政府/u,
  /(^|[^\p{L}])(мид|кремл\p{L}*|минобороны|міноборони|министерств\p{L}*|міністерств\p{L}*|правительств\p{L}*|уряд\p{L}*|посольств\p{L}*|госдеп\p{L}*|пресс-секретар\p{L}*|прес-секретар\p{L}*|представител\p{L}*|речник\p{L}*|белый дом|білий дім|оон|власти|влада|москв\p{L}*|пекин\p{L}*|киев\p{L}*|київ\p{L}*|вашингтон\p{L}*|зеленск\p{L}*|президент\p{L}*)([^\p{L}]|$)/u,
  /\b(ministère|ministre|gouvernement|ambassade|kremlin|porte-parole|pékin|moscou|kiev|washington|quai d'orsay|élysée|maison blanche|onu|autorités|chancellerie)/u,
  // German builds compounds (Außenministerium, Regierungssprecher), so no word boundary in front.
  /(ministerium|minister\p{L}*|regierung\p{L}*|botschaft\p{L}*|kreml\p{L}*|sprecher\p{L}*|moskau|peking|kiew|weißes haus|weißen haus|außenamt|auswärtige amt|behörde\p{L}*)/u,
  /\b(ministerio|cancillería|gobierno|embajada|kremlin|portavoz|casa blanca|moscú|pekín|kiev|ministero|farnesina|palazzo chigi|itamaraty|planalto|governo|ambasciata|portavoce|ministério|governo|embaixada|ministerstw\p{L}*|rząd\p{L}*|ambasad\p{L}*|rzeczni\p{L}*)/u,
  /وزار|الخارجية|الحكومة|السفارة|الكرملين|البيت الأبيض|المتحدث|الناطق|الأمم المتحدة/u,
];
