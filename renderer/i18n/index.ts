// i18next with the two bundled languages. Japanese is the default; the officer's choice is kept in
// localStorage. Everything is bundled: no language files are fetched.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { ja } from './ja.js';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'triage-desk.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof ja };
  }
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

export function initI18n(): typeof i18next {
  const lng = storedLanguage();
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { ja: { translation: ja }, en: { translation: en } },
      lng,
      fallbackLng: 'ja',
      supportedLngs: [...LANGUAGES],
      // React escapes text itself; escaping here would show titles with & as &amp;.
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
  }
  document.documentElement.lang = lng;
  return i18next;
}

export function currentLanguage(): Language {
  return i18next.resolvedLanguage === 'en' ? 'en' : 'ja';
}

export async function languageChosen(lng: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // storage may be unavailable; the choice then lasts for this session only
  }
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}
