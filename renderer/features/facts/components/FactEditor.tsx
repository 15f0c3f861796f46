// The inline editor of one fact: the input fits the field (a list to choose from, a date, a number, one
// entry per line, checkboxes), and nothing is sent until it parses as the field's value.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectableField } from '../../../../shared/domain/corrections.js';
import { parseEditorValue, type EditorKind } from '../fact-fields.js';

interface Props {
  field: CorrectableField;
  label: string;
  editor: EditorKind;
  value: unknown;
  onSave: (value: unknown) => void;
  onCancel: () => void;
}

function initialText(editor: EditorKind, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join('\n');
  if (editor.type === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

export function FactEditor({ field, label, editor, value, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => initialText(editor, value));
  const [chosen, setChosen] = useState<string[]>(() => (Array.isArray(value) ? value.map(String) : []));
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseEditorValue(field, editor, editor.type === 'set' ? chosen : text);
    if (!parsed.ok) {
      setInvalid(true);
      return;
    }
    onSave(parsed.value);
  }

  let input;
  switch (editor.type) {
    case 'choice':
      input = (
        <select id={id} value={text} onChange={(e) => setText(e.target.value)} autoFocus>
          {editor.nullable && <option value="">{t('facts.unset')}</option>}
          {editor.options.map((option) => (
            <option key={option} value={String(option)}>
              {t(`vocab.${editor.labelKey}.${String(option)}` as never)}
            </option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      input = (
        <select id={id} value={text} onChange={(e) => setText(e.target.value)} autoFocus>
          <option value="">{t('facts.unset')}</option>
          <option value="true">{t('facts.yes')}</option>
          <option value="false">{t('facts.no')}</option>
        </select>
      );
      break;
    case 'set':
      input = (
        <fieldset className="fact-set" id={id}>
          <legend className="visually-hidden">{label}</legend>
          {editor.options.map((option) => (
            <label key={option} className="fact-set-option">
              <input
                type="checkbox"
                checked={chosen.includes(option)}
                onChange={(e) => setChosen((c) => (e.target.checked ? [...c, option] : c.filter((x) => x !== option)))}
              />
              {t(`vocab.${editor.labelKey}.${option}` as never)}
            </label>
          ))}
        </fieldset>
      );
      break;
    case 'lines':
      input = (
        <textarea id={id} value={text} rows={4} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} autoFocus />
      );
      break;
    case 'date':
      input = <input id={id} type="date" value={text} onChange={(e) => setText(e.target.value)} autoFocus />;
      break;
    case 'count':
      input = <input id={id} type="text" inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} autoFocus />;
      break;
    case 'reportSeq':
      input = (
        <select id={id} value={text} onChange={(e) => setText(e.target.value)} autoFocus>
          <option value="">{t('facts.unset')}</option>
          {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((n) => (
            <option key={n} value={n}>
              {t('facts.seq', { n })}
            </option>
          ))}
          <option value="final">{t('facts.final')}</option>
        </select>
      );
      break;
    default:
      input = <input id={id} type="text" value={text} onChange={(e) => setText(e.target.value)} autoFocus />;
  }

  return (
    <form
      className="fact-editor"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
      aria-label={t('facts.editLabel', { field: label })}
    >
      {editor.type !== 'set' && (
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
      )}
      {input}
      {editor.type === 'lines' && (
        <span id={`${id}-hint`} className="muted">
          {t('facts.linesHint')}
        </span>
      )}
      {invalid && (
        <span className="fact-invalid" role="alert">
          {t('facts.invalid')}
        </span>
      )}
      <span className="fact-editor-actions">
        <button type="submit" className="button">
          {t('facts.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('facts.cancel')}
        </button>
      </span>
    </form>
  );
}
