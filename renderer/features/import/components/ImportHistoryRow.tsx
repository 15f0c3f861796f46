// One import in the history table: when, which file, what came of it, and its undo (or that it was undone).
import { useTranslation } from 'react-i18next';
import type { ImportRecord } from '../../../../shared/domain/import-record.js';
import type { ImportError } from '../../../../shared/domain/item.js';
import { formatTimestamp } from '../../../components/format-date.js';
import { ISOLATED, WithIsolated } from '../../../components/WithIsolated.js';
import { formatDuration, formatFileSize, formatLabel, shortHash } from '../history-format.js';

interface Props {
  record: ImportRecord;
  /** This row's undo is in flight. */
  undoing: boolean;
  onUndo: (record: ImportRecord) => void;
}

export function ImportHistoryRow({ record, undoing, onUndo }: Props) {
  const { t } = useTranslation();
  return (
    <tr>
      <td className="history-when">
        <time dateTime={record.startedAt}>{formatTimestamp(record.startedAt)}</time>
      </td>
      <th scope="row" className="history-file">
        <bdi>{record.fileName}</bdi>
        <span className="history-sha" title={record.sha256}>
          SHA-256 {shortHash(record.sha256)}
        </span>
      </th>
      <td>{formatLabel(record.format, record.encoding)}</td>
      <td>
        {t('history.countsValue', {
          imported: record.imported,
          duplicates: record.duplicates,
          updated: record.updated,
          failed: record.failed,
        })}
        {record.errors.length > 0 && (
          <details className="history-errors">
            <summary>{t('history.errors', { count: record.errors.length })}</summary>
            <ul>
              {record.errors.map((error, i) => (
                <li key={i}>
                  <ErrorLine error={error} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
      <td className="history-number">{formatFileSize(record.fileSize)}</td>
      <td className="history-number">{formatDuration(record.durationMs)}</td>
      <td className="history-action">
        {record.undoneAt !== null ? (
          <>
            {/* Takes the focus when the undo button it replaces disappears. */}
            <span className="history-undone" tabIndex={-1} data-undone-id={record.id}>
              {t('history.undone')}
            </span>
            <span className="history-undone-detail">
              {t('history.undoneDetail', { when: formatTimestamp(record.undoneAt), removed: record.removed })}
            </span>
          </>
        ) : (
          // Not disabled while busy: a disabled button drops the focus out of the dialog. The store ignores repeats.
          <button
            type="button"
            className="button"
            aria-label={t('history.undoLabel', { file: record.fileName })}
            aria-busy={undoing}
            onClick={() => onUndo(record)}
          >
            {t('history.undo')}
          </button>
        )}
      </td>
    </tr>
  );
}

function ErrorLine({ error }: { error: ImportError }) {
  const { t } = useTranslation();
  const template =
    error.line === null
      ? t('import.errorInFile', { file: ISOLATED, message: error.message })
      : t('import.errorAtLine', { file: ISOLATED, line: error.line, message: error.message });
  return <WithIsolated template={template} value={error.file} />;
}
