// A plain application menu: the standard roles (copy/paste, zoom, quit) in Japanese, nothing that loads
// content. No undo/redo roles: their accelerators would swallow Ctrl+Z before the board's own undo of
// a card move sees it (text fields keep Chromium's native undo). Developer tools only when unpackaged.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'ファイル', submenu: [{ role: 'quit', label: '終了' }] },
    {
      label: '編集',
      submenu: [
        { role: 'cut', label: '切り取り' },
        { role: 'copy', label: 'コピー' },
        { role: 'paste', label: '貼り付け' },
        { role: 'selectAll', label: 'すべて選択' },
      ],
    },
    {
      label: '表示',
      submenu: [
        { role: 'resetZoom', label: '実際のサイズ' },
        { role: 'zoomIn', label: '拡大' },
        { role: 'zoomOut', label: '縮小' },
        { role: 'togglefullscreen', label: '全画面表示' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const, label: '開発者ツール' }]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
