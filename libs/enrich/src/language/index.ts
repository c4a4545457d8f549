export { LanguageIdentifier, DETECTABLE_LANGUAGES, baseLanguage } from './language-identifier.js';
export type { LanguageHint } from './language-identifier.js';
export { languageFromScript, cyrillicHint } from './script.js';
