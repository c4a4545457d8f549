// English-language official sources of the demo corpus. The institutions are the real ones the
// reference story involves, but every text here is invented for the demo: none is a real transcript
// or statement, and the hosts are reserved `.example` domains.

const mfaEn = {
  id: 'prc-mfa-en',
  name: 'PRC Ministry of Foreign Affairs — spokesperson (demo)',
  link: 'https://www.fmprc-demo.example/eng/xwfw/',
  description: 'Foreign Ministry Spokesperson’s regular press conferences (demo data: invented text, not an official transcript)',
  format: 'atom',
  language: 'en',
  languageTag: 'en',
  country: 'CN',
  kind: 'official',
  tz: '+08:00',
  items: [
    { day: '02-02', time: '19:00', slug: 'press-conference-0202',
      title: 'Foreign Ministry Spokesperson’s Regular Press Conference on February 2, 2022',
      summary: 'The spokesperson announced the foreign leaders attending the opening ceremony of the Beijing Winter Olympics and took questions on China-Russia relations.' },
    { day: '02-03', time: '19:20', slug: 'press-conference-0203',
      title: 'Foreign Ministry Spokesperson’s Regular Press Conference on February 3, 2022',
      summary: 'The spokesperson said China opposes politicizing sports and welcomes athletes from all countries.' },
    { day: '02-04', time: '17:10', slug: 'press-conference-0204',
      title: 'Foreign Ministry Spokesperson’s Regular Press Conference on February 4, 2022',
      summary: 'Asked about a U.S. newspaper report that Chinese officials asked Russia to delay an invasion of Ukraine until after the Olympics, the spokesperson said the report is pure fake news.',
      paragraphs: [
        'Question: The Meridian Times reported that senior Chinese officials asked Russian officials not to invade Ukraine before the end of the Beijing Winter Olympics. What is your response?',
        'Answer: The report is pure fake news. It is a fabrication from start to finish, aimed at shifting blame, smearing China-Russia relations and disrupting the Beijing Winter Olympics. Such tricks will deceive no one.',
        'China’s position on the Ukraine issue is consistent. All parties should return to the basic principles of the new Minsk agreement and resolve differences through dialogue and consultation.',
      ] },
    { day: '02-07', time: '18:40', slug: 'press-conference-0207',
      title: 'Foreign Ministry Spokesperson’s Regular Press Conference on February 7, 2022',
      summary: 'The spokesperson briefed on the outcomes of the meeting between the Chinese and Russian heads of state.' },
    { day: '02-09', time: '18:15', slug: 'press-conference-0209',
      title: 'Foreign Ministry Spokesperson’s Regular Press Conference on February 9, 2022',
      summary: 'The spokesperson again rejected claims that China knew of Russian military plans as groundless rumors.' },
    { day: '02-11', time: '18:45', slug: 'press-conference-0211',
      title: 'Foreign Ministry Spokesperson’s Regular Press Conference on February 11, 2022',
      summary: 'The spokesperson called on all parties to stay calm, exercise restraint and refrain from hyping up tension.' },
  ],
};

const embassy = {
  id: 'prc-embassy-us',
  name: 'Embassy of the PRC in the United States — statements (demo)',
  link: 'https://us.china-embassy-demo.example/eng/',
  description: 'Statements by the Embassy Spokesperson (demo data: invented text, not an official website)',
  format: 'html',
  language: 'en',
  languageTag: 'en',
  country: 'CN',
  kind: 'official',
  tz: '-05:00',
  selectors: { list: 'ul.statement-list > li.statement', link: 'a.title', title: 'a.title', date: 'span.date' },
  items: [
    { day: '02-01', time: '10:00', slug: 'spring-festival-greetings', title: 'Ambassador’s Spring Festival Greetings to Chinese Community in the United States',
      summary: 'The Ambassador extended Lunar New Year greetings and wished the Beijing Winter Olympics success.' },
    { day: '02-03', time: '12:00', slug: 'olympics-politicization', title: 'Embassy Spokesperson on Attempts to Politicize the Beijing Winter Olympics',
      summary: 'The spokesperson said a few politicians should stop interfering with the Games.' },
    { day: '02-04', time: '11:30', slug: 'meridian-times-report', title: 'Embassy Spokesperson’s Statement on The Meridian Times Report About China, Russia and Ukraine',
      summary: 'The claim that China asked Russia to delay military action until after the Olympics is pure fake news, a groundless smear meant to sow discord between China and Russia.' },
    { day: '02-07', time: '15:45', slug: 'xi-putin-meeting', title: 'Embassy Spokesperson on the Meeting Between the Chinese and Russian Presidents',
      summary: 'The spokesperson said the joint statement reflected a shared vision of multipolarity and is not directed at any third party.' },
    { day: '02-09', time: '16:20', slug: 'taiwan-arms-sale', title: 'Embassy Spokesperson’s Remarks on U.S. Arms Sales to the Taiwan Region',
      summary: 'China firmly opposes the sale and has lodged stern representations.' },
    { day: '02-11', time: '14:10', slug: 'visa-services', title: 'Notice on Adjusting Visa Application Procedures',
      summary: 'Applicants must book an appointment online; walk-in services are suspended until further notice.' },
  ],
};

export default [mfaEn, embassy];
