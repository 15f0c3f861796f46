// 「周知文書」 in the header: opens the bulletins dialog (list, editor, preview).
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useBulletins } from '../bulletins-context.js';

export function BulletinsButton({ ref }: { ref?: Ref<HTMLButtonElement> }) {
  const { t } = useTranslation();
  const open = useBulletins((s) => s.open);
  const bulletinsOpened = useBulletins((s) => s.bulletinsOpened);
  return (
    <button ref={ref} type="button" className="button button--quiet" aria-haspopup="dialog" aria-expanded={open} onClick={() => void bulletinsOpened()}>
      {t('bulletins.button')}
    </button>
  );
}
