// Files dropped anywhere on the window are imported. An overlay shows while files are dragged over it.
// Only drags that carry files are taken: moving cards (pointer events) and dragging text are left alone,
// and a dropped file never makes the window navigate to it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImport } from '../import-context.js';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export function FileDropZone() {
  const { t } = useTranslation();
  const filesChosen = useImport((s) => s.filesChosen);
  const [active, setActive] = useState(false);

  useEffect(() => {
    let depth = 0; // dragenter/dragleave fire for every child element crossed
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setActive(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setActive(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setActive(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) void filesChosen(files);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [filesChosen]);

  if (!active) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p className="drop-hint">{t('import.dropHint')}</p>
    </div>
  );
}
