// The column-mapping step: a CSV whose header row the importer did not recognise is shown column by
// column, and the officer says what each holds. The choice is remembered by main for this header row, and
// the file is imported again at once. A modal dialog: focus starts on the first column, Tab stays inside.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_CHOICES, type ColumnChoice } from '../../../../shared/domain/import-record.js';
import { trapTabFocus } from '../../../components/trap-tab-focus.js';
import { useImport } from '../import-context.js';

export function ColumnMappingDialog() {
  const mapping = useImport((s) => s.mapping);
  return mapping ? <MappingForm key={`${mapping.file}|${mapping.headers.join('|')}`} file={mapping.file} headers={mapping.headers} /> : null;
}

function MappingForm({ file, headers }: { file: string; headers: string[] }) {
  const { t } = useTranslation();
  const id = useId();
  const error = useImport((s) => s.mapping?.error ?? null);
  const mappingClosed = useImport((s) => s.mappingClosed);
  const mappingSaved = useImport((s) => s.mappingSaved);
  const [choices, setChoices] = useState<ColumnChoice[]>(() => headers.map((_, i) => (i === 0 ? 'title' : 'ignore')));
  const [problem, setProblem] = useState<'needsTitle' | 'twice' | null>(null);
  const dialogRef = useRef<HTMLElement>(null);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLSelectElement>('select')?.focus();
  }, []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const used = choices.filter((c) => c !== 'ignore');
    if (used.filter((c) => c === 'title').length !== 1) return setProblem('needsTitle');
    if (new Set(used).size !== used.length) return setProblem('twice');
    setProblem(null);
    void mappingSaved(choices);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      mappingClosed();
      return;
    }
    trapTabFocus(event, dialogRef.current);
  }

  return (
    <div className="overlay">
      <section ref={dialogRef} className="paste" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-hint`} onKeyDown={onKeyDown}>
        <h2 id={`${id}-title`}>{t('import.mappingTitle', { file })}</h2>
        <p id={`${id}-hint`}>{t('import.mappingHint')}</p>
        <form onSubmit={onSubmit}>
          <table className="mapping-table">
            <thead>
              <tr>
                <th scope="col">{t('import.mappingColumn')}</th>
                <th scope="col">{t('import.mappingField')}</th>
              </tr>
            </thead>
            <tbody>
              {headers.map((header, index) => (
                <tr key={index}>
                  <th scope="row">
                    <label htmlFor={`${id}-c${index}`}>
                      <bdi>{header === '' ? `(${index + 1})` : header}</bdi>
                    </label>
                  </th>
                  <td>
                    <select
                      id={`${id}-c${index}`}
                      value={choices[index]}
                      onChange={(e) => setChoices((current) => current.map((c, i) => (i === index ? (e.target.value as ColumnChoice) : c)))}
                    >
                      {COLUMN_CHOICES.map((choice) => (
                        <option key={choice} value={choice}>
                          {t(`import.choice.${choice}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {(problem || error) && (
            <p className="fact-invalid" role="alert">
              {problem === 'needsTitle' ? t('import.mappingNeedsTitle') : problem === 'twice' ? t('import.mappingTwice') : t('import.mappingFailed', { message: error ?? '' })}
            </p>
          )}
          <div className="paste-actions">
            <button type="submit" className="button button--primary">
              {t('import.mappingSave')}
            </button>
            <button type="button" className="button" onClick={mappingClosed}>
              {t('import.mappingCancel')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
