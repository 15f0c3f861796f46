// 「組織プロファイル」: what makes an incident elsewhere ours — industry, products and services we run,
// vendors and contractors, regions, keywords — one per line. A modal dialog: focus starts in the first
// box, Tab stays inside, Escape closes, focus returns to the header button.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { RELEVANCE_FIELDS, RelevanceProfileSchema, type RelevanceField, type RelevanceProfile } from '../../../../shared/domain/relevance.js';
import { trapTabFocus } from '../../../components/trap-tab-focus.js';
import { useProfile } from '../profile-context.js';

export function ProfileDialog({ returnFocusRef }: { returnFocusRef: RefObject<HTMLButtonElement | null> }) {
  const open = useProfile((s) => s.open);
  const profile = useProfile((s) => s.profile);
  const loading = useProfile((s) => s.loading);
  if (!open) return null;
  return loading || !profile ? <LoadingDialog /> : <Editor profile={profile} returnFocusRef={returnFocusRef} />;
}

function LoadingDialog() {
  const { t } = useTranslation();
  const error = useProfile((s) => s.error);
  const closed = useProfile((s) => s.closed);
  return (
    <div className="overlay">
      <section className="paste" role="dialog" aria-modal="true" aria-label={t('profile.title')}>
        <p role="status">{error ?? t('profile.loading')}</p>
        <button type="button" className="button" onClick={closed}>
          {t('profile.cancel')}
        </button>
      </section>
    </div>
  );
}

const toText = (words: string[]) => words.join('\n');
const toWords = (text: string) =>
  text
    .split('\n')
    .map((w) => w.trim())
    .filter(Boolean);

function Editor({ profile, returnFocusRef }: { profile: RelevanceProfile; returnFocusRef: RefObject<HTMLButtonElement | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const closed = useProfile((s) => s.closed);
  const saved = useProfile((s) => s.saved);
  const saving = useProfile((s) => s.saving);
  const error = useProfile((s) => s.error);
  const [texts, setTexts] = useState<Record<RelevanceField, string>>(() => ({
    industries: toText(profile.industries),
    products: toText(profile.products),
    vendors: toText(profile.vendors),
    regions: toText(profile.regions),
    keywords: toText(profile.keywords),
  }));
  const [invalid, setInvalid] = useState(false);
  const dialogRef = useRef<HTMLElement>(null);
  const firstRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
    const button = returnFocusRef.current;
    return () => button?.focus();
  }, [returnFocusRef]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const candidate = Object.fromEntries(RELEVANCE_FIELDS.map((f) => [f, toWords(texts[f])]));
    const parsed = RelevanceProfileSchema.safeParse(candidate);
    if (!parsed.success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void saved(parsed.data);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      closed();
      return;
    }
    trapTabFocus(event, dialogRef.current);
  }

  return (
    <div className="overlay">
      <section ref={dialogRef} className="paste profile" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-hint`} onKeyDown={onKeyDown}>
        <h2 id={`${id}-title`}>{t('profile.title')}</h2>
        <p id={`${id}-hint`}>{t('profile.hint')}</p>
        <form onSubmit={onSubmit}>
          <div className="profile-fields">
            {RELEVANCE_FIELDS.map((field, index) => (
              <label key={field} className="profile-field">
                <span>{t(`profile.fields.${field}`)}</span>
                <textarea
                  ref={index === 0 ? firstRef : undefined}
                  rows={4}
                  spellCheck={false}
                  value={texts[field]}
                  onChange={(e) => setTexts((current) => ({ ...current, [field]: e.target.value }))}
                />
              </label>
            ))}
          </div>
          {(invalid || error) && (
            <p className="fact-invalid" role="alert">
              {invalid ? t('profile.tooMany') : t('profile.failed', { message: error ?? '' })}
            </p>
          )}
          <div className="paste-actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {t('profile.save')}
            </button>
            <button type="button" className="button" onClick={closed}>
              {t('profile.cancel')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
