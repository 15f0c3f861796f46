// Other reports of the same incident (第1報 → 第2報 → 最終報), newest first; each opens in the panel.
import { useTranslation } from 'react-i18next';
import type { ThreadItem } from '../../../../shared/domain/item.js';
import { formatDay } from '../../../components/format-date.js';

export function ThreadSection({ thread, onOpen }: { thread: ThreadItem[]; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  if (thread.length === 0) return null;
  return (
    <section className="detail-section" aria-labelledby="thread-heading">
      <h3 id="thread-heading">{t('facts.thread', { count: thread.length })}</h3>
      <ol className="thread">
        {thread.map((report) => (
          <li key={report.id}>
            <button type="button" className="thread-link" onClick={() => onOpen(report.id)}>
              <bdi>{report.title}</bdi>
            </button>{' '}
            <span className="muted">
              {[
                report.reportSeq === null ? null : report.reportSeq === 'final' ? t('facts.final') : t('facts.seq', { n: String(report.reportSeq) }),
                formatDay(report.publishedAt),
                t(`status.${report.status}`),
              ]
                .filter(Boolean)
                .join('・')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
