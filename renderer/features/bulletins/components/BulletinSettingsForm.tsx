// The feature's settings: the number format (e.g. SEC-{YYYY}-{NNN}) and the Markdown templates, one per
// template and language. Content placeholders ({{summary}}, {{actions}}…) are filled when a draft is
// created; header ones ({{title}}, {{date}}…) each time it is printed.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BULLETIN_LANGUAGES, BULLETIN_TEMPLATES, type BulletinLanguage, type BulletinSettings, type BulletinTemplate } from '../../../../shared/domain/bulletins.js';
import { useBulletins } from '../bulletins-context.js';
import { errorText } from './BulletinEditor.js';

export function BulletinSettingsForm({ settings }: { settings: BulletinSettings }) {
  const { t } = useTranslation();
  const busy = useBulletins((s) => s.busy);
  const error = useBulletins((s) => s.error);
  const notice = useBulletins((s) => s.notice);
  const settingsSaved = useBulletins((s) => s.settingsSaved);
  const settingsClosed = useBulletins((s) => s.settingsClosed);
  const [numberFormat, setNumberFormat] = useState(settings.numberFormat);
  const [templates, setTemplates] = useState(settings.templates);
  const [template, setTemplate] = useState<BulletinTemplate>('single');
  const [language, setLanguage] = useState<BulletinLanguage>('ja');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void settingsSaved({ numberFormat, templates });
  }

  return (
    <form className="bulletin-settings" onSubmit={onSubmit} aria-labelledby="bulletin-settings-title">
      <h3 id="bulletin-settings-title">{t('bulletins.settings.title')}</h3>
      <p className="bulletin-status" role="status">
        {notice?.kind === 'settingsSaved' && t('bulletins.notice.settingsSaved')}
      </p>
      <p className="bulletin-alert" role="alert">
        {error && errorText(error, t)}
      </p>
      <div className="bulletin-field">
        <label htmlFor="bulletin-number-format">{t('bulletins.settings.numberFormat')}</label>
        <input id="bulletin-number-format" value={numberFormat} maxLength={60} required pattern=".*\{N+\}.*" onChange={(e) => setNumberFormat(e.target.value)} />
        <span className="muted">{t('bulletins.settings.numberFormatHint')}</span>
      </div>
      <div className="bulletin-form-row">
        <div className="bulletin-field">
          <label htmlFor="bulletin-template-kind">{t('bulletins.settings.template')}</label>
          <select id="bulletin-template-kind" value={template} onChange={(e) => setTemplate(e.target.value as BulletinTemplate)}>
            {BULLETIN_TEMPLATES.map((k) => (
              <option key={k} value={k}>
                {t(`bulletins.template.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="bulletin-field">
          <label htmlFor="bulletin-template-language">{t('bulletins.settings.language')}</label>
          <select id="bulletin-template-language" value={language} onChange={(e) => setLanguage(e.target.value as BulletinLanguage)}>
            {BULLETIN_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'ja' ? '日本語' : 'English'}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="bulletin-field bulletin-field--body">
        <label htmlFor="bulletin-template-text">{t('bulletins.settings.templateText')}</label>
        <textarea
          id="bulletin-template-text"
          spellCheck={false}
          required
          value={templates[template][language]}
          onChange={(e) => setTemplates({ ...templates, [template]: { ...templates[template], [language]: e.target.value } })}
        />
      </div>
      <div className="bulletin-actions">
        <button type="submit" className="button button--primary" disabled={busy !== null}>
          {t('bulletins.settings.save')}
        </button>
        <button type="button" className="button" onClick={settingsClosed}>
          {t('bulletins.cancel')}
        </button>
      </div>
    </form>
  );
}
