// The window: header (name, search, import, paste, import history, language, help), the board or the
// welcome screen, the detail drawer, the move toast, import progress and results, the import history, the
// paste dialog and the file drop overlay.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnnotationsStoreContext } from '../features/annotations/annotations-context.js';
import { AnnotationHistory } from '../features/annotations/components/AnnotationHistory.js';
import { AnnotationsSection } from '../features/annotations/components/AnnotationsSection.js';
import { HistoryExportButton } from '../features/annotations/components/HistoryExportButton.js';
import type { ItemDetail } from '../../shared/domain/item.js';
import { BoardStoreContext, useBoard } from '../features/board/board-context.js';
import { selectIsEmptyDatabase, selectLoaded, selectSearch, selectSearchFoundNothing } from '../features/board/board-selectors.js';
import { BoardWorkspace } from '../features/board/components/BoardWorkspace.js';
import { DetailPanel } from '../features/board/components/DetailPanel.js';
import { MoveToast } from '../features/board/components/MoveToast.js';
import { BulletinsStoreContext } from '../features/bulletins/bulletins-context.js';
import { BulletinsButton } from '../features/bulletins/components/BulletinsButton.js';
import { BulletinsDialog } from '../features/bulletins/components/BulletinsDialog.js';
import { ItemBulletins } from '../features/bulletins/components/ItemBulletins.js';
import { FileDropZone } from '../features/import/components/FileDropZone.js';
import { ImportButton } from '../features/import/components/ImportButton.js';
import { ImportHistoryButton } from '../features/import/components/ImportHistoryButton.js';
import { ImportHistoryDialog } from '../features/import/components/ImportHistoryDialog.js';
import { ImportProgress } from '../features/import/components/ImportProgress.js';
import { ImportResult } from '../features/import/components/ImportResult.js';
import { PasteTextButton } from '../features/import/components/PasteTextButton.js';
import { PasteTextDialog } from '../features/import/components/PasteTextDialog.js';
import { ColumnMappingDialog } from '../features/import/components/ColumnMappingDialog.js';
import { ImportStoreContext } from '../features/import/import-context.js';
import { ImportHistoryStoreContext } from '../features/import/import-history-context.js';
import { ProfileButton } from '../features/profile/components/ProfileButton.js';
import { ProfileDialog } from '../features/profile/components/ProfileDialog.js';
import { ProfileStoreContext } from '../features/profile/profile-context.js';
import { ISOLATED, WithIsolated } from '../components/WithIsolated.js';
import type { AppStores } from './app-stores.js';
import { EmptyState } from './EmptyState.js';
import { ErrorBanner } from './ErrorBanner.js';
import { HelpOverlay } from './HelpOverlay.js';
import { LanguageToggle } from './LanguageToggle.js';
import { SearchBox } from './SearchBox.js';
import { useGlobalShortcuts } from './use-global-shortcuts.js';

export function App({ stores }: { stores: AppStores }) {
  return (
    <BoardStoreContext value={stores.board}>
      <ImportStoreContext value={stores.imports}>
        <ImportHistoryStoreContext value={stores.history}>
          <BulletinsStoreContext value={stores.bulletins}>
            <ProfileStoreContext value={stores.profile}>
              <AnnotationsStoreContext value={stores.annotations}>
                <Shell />
              </AnnotationsStoreContext>
            </ProfileStoreContext>
          </BulletinsStoreContext>
        </ImportHistoryStoreContext>
      </ImportStoreContext>
    </BoardStoreContext>
  );
}

function Shell() {
  const { t } = useTranslation();
  const loaded = useBoard(selectLoaded);
  const isEmpty = useBoard(selectIsEmptyDatabase);
  const boardRequested = useBoard((s) => s.boardRequested);
  // main.tsx asks for the board before React mounts (the first paint waits for it); ask only if nobody has.
  const boardAsked = useBoard((s) => s.loaded || s.loading);
  const searchRef = useRef<HTMLInputElement>(null);
  const historyButtonRef = useRef<HTMLButtonElement>(null);
  const bulletinsButtonRef = useRef<HTMLButtonElement>(null);
  const profileButtonRef = useRef<HTMLButtonElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const helpToggled = useCallback((open: boolean) => setHelpOpen(open), []);
  useGlobalShortcuts({ searchRef, helpOpen, helpToggled });

  const boardAskedAtMount = useRef(boardAsked);
  useEffect(() => {
    if (!boardAskedAtMount.current) void boardRequested();
  }, [boardRequested]);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">{t('app.name')}</h1>
        <SearchBox inputRef={searchRef} />
        <div className="header-actions">
          {/* In the welcome screen the import buttons are there, large: one of each on the page. */}
          {loaded && !isEmpty && (
            <>
              <ImportButton />
              <PasteTextButton />
            </>
          )}
          {/* Also on the welcome screen: after undoing every import the history is still worth a look. */}
          <ImportHistoryButton ref={historyButtonRef} />
          <BulletinsButton ref={bulletinsButtonRef} />
          <ProfileButton ref={profileButtonRef} />
          <HistoryExportButton />
          <LanguageToggle />
          <button type="button" className="button button--quiet" aria-keyshortcuts="?" aria-expanded={helpOpen} onClick={() => setHelpOpen(!helpOpen)}>
            {t('header.help')}
          </button>
        </div>
      </header>
      <ErrorBanner />
      <main className="app-main">{!loaded ? <p className="muted loading">{t('app.loading')}</p> : isEmpty ? <EmptyState /> : <BoardArea />}</main>
      <DetailPanel renderItemExtras={renderItemBulletins} renderAnnotations={(detail) => <DetailAnnotations detail={detail} />} renderHistoryExtras={renderHistoryExtras} />
      <MoveToast />
      <ImportProgress />
      <ImportResult />
      <ImportHistoryDialog returnFocusRef={historyButtonRef} />
      <PasteTextDialog />
      <ColumnMappingDialog />
      <BulletinsDialog returnFocusRef={bulletinsButtonRef} />
      <ProfileDialog returnFocusRef={profileButtonRef} />
      <FileDropZone />
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

const renderItemBulletins = (itemId: number) => <ItemBulletins itemId={itemId} />;

/** The note, tags and related items: opening a related item and a note's link go through the board. */
function DetailAnnotations({ detail }: { detail: ItemDetail }) {
  const cardOpened = useBoard((s) => s.cardOpened);
  const sourceLinkOpened = useBoard((s) => s.sourceLinkOpened);
  return <AnnotationsSection detail={detail} onOpenItem={(id) => void cardOpened(id)} onOpenLink={(url) => void sourceLinkOpened(url)} />;
}

const renderHistoryExtras = (detail: ItemDetail) => (
  <>
    <AnnotationHistory changes={detail.fieldHistory} />
    <div className="history-export">
      <HistoryExportButton itemId={detail.id} />
    </div>
  </>
);

function BoardArea() {
  const { t } = useTranslation();
  const search = useBoard(selectSearch);
  const foundNothing = useBoard(selectSearchFoundNothing);
  // The filter bar comes first; the notice sits between it and the board or table.
  return (
    <BoardWorkspace>
      {foundNothing && (
        <p className="notice">
          {search ? <WithIsolated template={t('board.noMatch', { search: ISOLATED })} value={search} /> : t('search.noMatchFilters')}
        </p>
      )}
    </BoardWorkspace>
  );
}
