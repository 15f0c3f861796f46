// Switches between Japanese and English; the choice is remembered.
import { useTranslation } from 'react-i18next';
import { languageChosen } from '../i18n/index.js';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const other = i18n.resolvedLanguage === 'en' ? 'ja' : 'en';
  return (
    <button type="button" className="button button--quiet" lang={other} onClick={() => void languageChosen(other)}>
      {t('header.switchLanguage')}
    </button>
  );
}
