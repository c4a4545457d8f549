/**
 * Function words per language (ISO 639-1): articles, pronouns, prepositions, conjunctions, auxiliaries
 * and the commonest particles, in lower case. Compact on purpose: they only keep the words every text
 * uses out of the distinctive terms an analyst reads; content words such as "war" or "news" stay.
 * Written by us from the grammar of each language.
 */
export const STOP_WORDS: Record<string, readonly string[]> = {
  en: ('a an the and or but nor if then than so as of at by for from in into on onto to with without about over under after before ' +
    'between through during since until up down out off per via is are was were be been being am has have had having do does did ' +
    'will would shall should can could may might must it its it\'s this that these those there here he him his she her hers they them ' +
    'their theirs we us our you your i me my not no yes also just only very more most such other any some all both each which who whom ' +
    'whose what when where why how said says say told according mr ms').split(' '),
  fr: ('le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi dont où ce cet cette ces se s sa son ses leur ' +
    'leurs il ils elle elles on nous vous je j me m te t lui y en ne n pas plus est sont était été être a ont avait avoir fait par pour ' +
    'dans sur sous avec sans entre vers chez selon après avant comme aussi très tout tous toute toutes même déjà a-t-il dit').split(' '),
  de: ('der die das den dem des ein eine einer einem einen eines und oder aber doch sondern denn dass daß ob wenn als wie so auch nur ' +
    'noch schon nicht kein keine ist sind war waren wird werden wurde wurden worden sein hat haben hatte hatten kann können soll sollen ' +
    'muss müssen er sie es wir ihr ich du man sich ihm ihn ihre ihren sein seine seinen seiner mit von vom zu zum zur im in am an auf aus ' +
    'bei nach über unter vor für gegen ohne um bis durch seit laut sagte').split(' '),
  es: ('el la los las lo un una unos unas y e o u pero ni que qué quien quién cual cuál cuyo de del al a en con sin por para sobre entre ' +
    'hasta desde según tras ante bajo se su sus le les lo me te nos os él ella ellos ellas es son fue fueron era eran ha han había ser ' +
    'estar está están este esta estos estas ese esa esos esas como más muy ya también no sí dijo').split(' '),
  it: ('il lo la i gli le l un uno una un\' e ed o ma né che chi cui di del dello della dei degli delle a al allo alla ai agli alle da dal ' +
    'dalla dai in nel nello nella nei negli nelle con su sul sulla sui per tra fra si suo sua suoi sue loro è sono era erano stato stata ' +
    'essere ha hanno aveva avere non più anche come già questo questa quello quella ha detto').split(' '),
  pt: ('o a os as um uma uns umas e ou mas nem que quem qual cujo de do da dos das ao à aos às em no na nos nas num numa por pelo pela ' +
    'pelos pelas para com sem sobre entre até desde segundo se seu sua seus suas ele ela eles elas lhe é são foi foram era eram ser estar ' +
    'está estão tem têm ter havia não mais muito já também como este esta isso isto esse essa disse').split(' '),
  ru: ('и а но или да же ли бы не ни что чтобы как так также тоже это этот эта эти этого этой том тот та те то в во на с со к ко по о об ' +
    'обо от из у за для до при про через над под между после перед без он она оно они его ее её их им ему ей мы вы я ты нас вас нам вам ' +
    'себя свой своей своих был была было были быть есть будет будут может уже еще ещё только очень все всё весь который которая которые ' +
    'которого где когда также заявил заявила сообщил по словам').split(' '),
  uk: ('і й та а але або чи же б не ні що щоб як так також теж це цей ця ці цього цієї той та ті те в у на з із зі за до по про о об від ' +
    'для при через над під між після перед без він вона воно вони його її їх їм йому їй ми ви я ти нас вас нам вам себе свій своєї своїх ' +
    'був була було були бути є буде будуть може вже ще лише тільки дуже все всі весь який яка які якого де коли заявив заявила повідомив').split(' '),
  pl: ('i a ale lub albo czy że żeby by nie ni to ten ta te tego tej tym ci się w we na z ze do od po o u za dla przy przez nad pod ' +
    'między przed bez jak jako także też już jeszcze tylko bardzo jest są był była było były być będzie może on ona ono oni one jego jej ' +
    'ich im mu my wy ja ty nas was nam wam swój swoją swoich który która które którego gdzie kiedy powiedział').split(' '),
  ar: ('في من إلى الى على عن مع و أو ثم لكن بل أن إن أنّ إنّ كان كانت يكون هذا هذه ذلك تلك هو هي هم هن نحن أنا التي الذي الذين ما لا لم لن قد ' +
    'كما بعد قبل بين عند حتى كل أي غير إذا وقد وفي وهو وهي ومن أنه انه أنها عليه فيه منذ خلال حول قال وقال').split(' '),
};

/**
 * Chinese and Japanese function characters: particles, structural words, copulas and the commonest
 * measure words. A segmented word made only of these carries no topic (的, 了, 是, の, は, です).
 */
export const CJK_FUNCTION_CHARS = new Set([
  ...'的了是在和与及或也都就而并但又被把将对于从向给让由以为之其此这那个些们着过吗呢吧啊么',
  ...'のはがをにへとでもやかなよねだですますたてしいるあこそれ',
]);
