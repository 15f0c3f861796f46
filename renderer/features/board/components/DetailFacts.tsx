// The item's facts as a definition list: organisation, date, the source's category and name, the file.
import { useTranslation } from 'react-i18next';
import type { CardSummary, ItemDetail } from '../../../../shared/domain/item.js';
import { formatDay } from '../../../components/format-date.js';

export function DetailFacts({ item }: { item: ItemDetail | CardSummary }) {
  const { t } = useTranslation();
  const full = 'body' in item ? item : null;
  const rows: Array<[string, string | null]> = [
    [t('detail.organization'), item.organization],
    [t('detail.publishedAt'), formatDay(item.publishedAt)],
    [t('detail.sourceCategory'), item.sourceCategory],
  ];
  if (full) rows.push([t('detail.sourceName'), full.sourceName], [t('detail.importedFrom'), full.importedFrom]);
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd>{value ? <bdi>{value}</bdi> : <span className="muted">{t('detail.unknown')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
