// Every outlet of the demo corpus, in the order the manifest lists them.
import en from './en.mjs';
import frDe from './fr-de.mjs';
import officialEn from './official-en.mjs';
import ruUk from './ru-uk.mjs';
import zh from './zh.mjs';

export const outlets = [...en, ...zh, ...ruUk, ...frDe, ...officialEn];
