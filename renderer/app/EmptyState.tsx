// The first screen of an empty database: what the app is for and the ways to begin.
import { useTranslation } from 'react-i18next';
import { DemoDataButton } from '../features/import/components/DemoDataButton.js';
import { ImportButton } from '../features/import/components/ImportButton.js';
import { PasteTextButton } from '../features/import/components/PasteTextButton.js';

export function EmptyState() {
  const { t } = useTranslation();
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      <p>{t('empty.demoHint')}</p>
      <div className="empty-actions">
        <ImportButton primary />
        <DemoDataButton />
        <PasteTextButton />
      </div>
    </section>
  );
}
