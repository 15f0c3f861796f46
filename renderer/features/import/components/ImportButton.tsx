// 「ファイルを取り込む」: a real button that opens the file chooser of a visually hidden file input.
import { useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImport } from '../import-context.js';

export function ImportButton({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation();
  const busy = useImport((s) => s.busy);
  const filesChosen = useImport((s) => s.filesChosen);
  const inputRef = useRef<HTMLInputElement>(null);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ''; // choosing the same file again must fire change again
    void filesChosen(files);
  }

  return (
    <>
      <button
        type="button"
        className={primary ? 'button button--primary' : 'button'}
        onClick={() => inputRef.current?.click()}
        disabled={busy}
        aria-busy={busy}
      >
        {t('import.button')}
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept=".csv,.tsv,.txt,.rss,.rdf,.atom,.xml,.html,.htm"
        aria-label={t('import.input')}
        className="visually-hidden"
        tabIndex={-1}
        onChange={onChange}
      />
    </>
  );
}
