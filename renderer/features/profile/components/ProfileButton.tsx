// Header button that opens the organisation profile (relevance is scored against it).
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../profile-context.js';

export function ProfileButton({ ref }: { ref?: Ref<HTMLButtonElement> }) {
  const { t } = useTranslation();
  const opened = useProfile((s) => s.opened);
  return (
    <button ref={ref} type="button" className="button button--quiet" onClick={() => void opened()}>
      {t('profile.button')}
    </button>
  );
}
