// The note rendered from Markdown without HTML (note-markdown.ts). A link is a button that names its
// address and opens it only after the officer confirms, through the app's link path (links.open).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { renderNoteMarkdown } from '../note-markdown.js';

export function NoteMarkdown({ source, onOpenLink }: { source: string; onOpenLink: (url: string) => void }) {
  const { t } = useTranslation();
  const renderLink = (href: string, label: ReactNode[], key: string) => (
    <button
      key={key}
      type="button"
      className="note-link"
      title={t('annotations.linkTitle', { url: href })}
      onClick={() => {
        if (window.confirm(t('detail.confirmOpen', { url: href }))) onOpenLink(href);
      }}
    >
      {label}
    </button>
  );
  return <div className="note-body">{renderNoteMarkdown(source, renderLink)}</div>;
}
