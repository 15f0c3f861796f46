// The officer's annotations in the detail panel: メモ, タグ, 関連項目, and what went wrong saving them. Keyed
// by item so an open editor never carries over to another item.
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../../shared/domain/item.js';
import { useAnnotations } from '../annotations-context.js';
import { NoteSection } from './NoteSection.js';
import { RelatedSection } from './RelatedSection.js';
import { TagsSection } from './TagsSection.js';
import './annotations.css';

export interface AnnotationsSectionProps {
  detail: ItemDetail;
  onOpenItem: (id: number) => void;
  /** Opens a vetted http(s) address (after the officer confirmed it). */
  onOpenLink: (url: string) => void;
}

export function AnnotationsSection({ detail, onOpenItem, onOpenLink }: AnnotationsSectionProps) {
  const { t } = useTranslation();
  const error = useAnnotations((s) => s.error);
  const errorDismissed = useAnnotations((s) => s.errorDismissed);
  return (
    <div className="annotations" key={detail.id}>
      {error && (
        <p className="annotation-error" role="alert">
          {error}{' '}
          <button type="button" className="button button--quiet" onClick={errorDismissed}>
            {t('detail.close')}
          </button>
        </p>
      )}
      <NoteSection key={`note-${detail.id}`} itemId={detail.id} note={detail.note} onOpenLink={onOpenLink} />
      <TagsSection key={`tags-${detail.id}`} itemId={detail.id} tags={detail.tags} />
      <RelatedSection key={`related-${detail.id}`} itemId={detail.id} related={detail.related} onOpenItem={onOpenItem} />
    </div>
  );
}
