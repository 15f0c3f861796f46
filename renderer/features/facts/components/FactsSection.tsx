// The facts the extractor read, each with its evidence: hovering or focusing a fact highlights its text
// in the body and its tooltip shows the sentence; the officer's correction stands beside the suggestion.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectableField } from '../../../../shared/domain/corrections.js';
import { itemText } from '../../../../shared/domain/facts.js';
import type { ItemDetail } from '../../../../shared/domain/item.js';
import { formatTimestamp } from '../../../components/format-date.js';
import { sentenceAround } from '../evidence.js';
import { factRows, isEmptyValue, type FactRow } from '../fact-fields.js';
import { fieldLabelKey, formatFactValue } from '../format-fact.js';
import { FactEditor } from './FactEditor.js';
import { RelevanceLine } from './RelevanceLine.js';
import { ThreadSection } from './ThreadSection.js';

interface Props {
  detail: ItemDetail;
  onOpenItem: (id: number) => void;
  onActiveField: (field: CorrectableField | null) => void;
  onCorrect: (field: CorrectableField, value: unknown) => Promise<boolean>;
}

export function FactsSection({ detail, onOpenItem, onActiveField, onCorrect }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<CorrectableField | null>(null);
  const { facts } = detail;
  const text = itemText(detail.title, detail.body);
  const rows = factRows(facts);
  const severityReasons = facts.suggested?.severity.reasons ?? [];

  async function save(field: CorrectableField, value: unknown) {
    if (await onCorrect(field, value)) setEditing(null);
  }

  function tooltip(row: FactRow): string {
    const first = row.evidence[0];
    if (!first) return t('facts.noEvidence');
    return t('facts.evidence', { sentence: sentenceAround(text, first) });
  }

  return (
    <section className="detail-section" aria-labelledby="facts-heading">
      <h3 id="facts-heading">{t('facts.heading')}</h3>
      {!facts.suggested && facts.corrections.length === 0 && <p className="muted">{t('facts.notYet')}</p>}
      <dl className="facts facts--extracted" onMouseLeave={() => onActiveField(null)}>
        <RelevanceLine relevance={facts.relevance} />
        {rows.map((row) => {
          const label = t(fieldLabelKey(row.field) as never);
          const correction = facts.corrections.find((c) => c.field === row.field);
          if (editing !== row.field && isEmptyValue(row.value) && isEmptyValue(row.suggested) && !row.corrected) {
            // Unknown facts stay in the list (so they can be filled in) but quietly.
            return (
              <div key={row.field} className="fact fact--unknown" data-field={row.field}>
                <dt>{label}</dt>
                <dd>
                  <span className="muted">{t('detail.unknown')}</span>
                  <button type="button" className="fact-action" onClick={() => setEditing(row.field)} aria-label={t('facts.editLabel', { field: label })}>
                    {t('facts.edit')}
                  </button>
                </dd>
              </div>
            );
          }
          return (
            <div
              key={row.field}
              className={`fact${row.corrected ? ' fact--corrected' : ''}`}
              data-field={row.field}
              onMouseEnter={() => onActiveField(row.field)}
              onFocus={() => onActiveField(row.field)}
            >
              <dt>{label}</dt>
              <dd>
                {editing === row.field ? (
                  <FactEditor
                    field={row.field}
                    label={label}
                    editor={row.editor}
                    value={row.value}
                    onSave={(value) => void save(row.field, value)}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <>
                    <span className="fact-value" title={row.corrected ? undefined : tooltip(row)} tabIndex={0}>
                      {row.editor.type === 'lines' && Array.isArray(row.value) && row.value.length > 1 ? (
                        // Causes and countermeasures are sentences: one per line, as bulletins reuse them.
                        <ul className="fact-list">
                          {row.value.map((line, index) => (
                            <li key={index}>
                              <bdi>{String(line)}</bdi>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <bdi>{formatFactValue(t, row.editor, row.value)}</bdi>
                      )}
                    </span>
                    {row.field === 'severity' && !row.corrected && severityReasons.length > 0 && (
                      <span className="muted fact-note">
                        {t('facts.severityReasons', {
                          reasons: severityReasons.map((r) => t(`vocab.severityReason.${r}` as never)).join('、'),
                        })}
                      </span>
                    )}
                    {correction && (
                      <span className="fact-note">
                        <span className="badge">{t('facts.corrected')}</span>{' '}
                        <span className="muted" title={t('facts.correctedBy', { who: correction.correctedBy, when: formatTimestamp(correction.correctedAt) })}>
                          {t('facts.suggestion', { value: formatFactValue(t, row.editor, row.suggested) })}
                        </span>
                      </span>
                    )}
                    <span className="fact-actions">
                      <button type="button" className="fact-action" onClick={() => setEditing(row.field)} aria-label={t('facts.editLabel', { field: label })}>
                        {t('facts.edit')}
                      </button>
                      {row.corrected && (
                        <button
                          type="button"
                          className="fact-action"
                          onClick={() => void onCorrect(row.field, undefined)}
                          aria-label={t('facts.resetLabel', { field: label })}
                        >
                          {t('facts.reset')}
                        </button>
                      )}
                    </span>
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <ThreadSection thread={detail.thread} onOpen={onOpenItem} />
    </section>
  );
}
