import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.js';
import { ru } from './locales/ru.js';
import { zh } from './locales/zh.js';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh', name: '中文' },
  { code: 'ru', name: 'Русский' },
] as const;

const KEY = 'parallax.language';

function initialLanguage(): string {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    // Storage disabled: fall back to the browser's language.
  }
  const wanted = stored ?? globalThis.navigator?.language ?? 'en';
  return LANGUAGES.find((l) => wanted.toLowerCase().startsWith(l.code))?.code ?? 'en';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, zh: { translation: zh }, ru: { translation: ru } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((l) => l.code),
  // React escapes text itself; escaping here too would show &amp; in the page.
  interpolation: { escapeValue: false },
  initAsync: false,
});

function applyDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

export async function setLanguage(code: string): Promise<void> {
  try {
    globalThis.localStorage?.setItem(KEY, code);
  } catch {
    // The choice then lasts for this page only.
  }
  await i18n.changeLanguage(code);
}
