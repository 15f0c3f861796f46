// The list of channel names alone, without zod, so the sandboxed preload can import it and stay tiny.
// contract.test.ts proves this list and the contract's keys are the same set.

export const CHANNELS = [
  'app.info',
  'board.load',
  'items.get',
  'items.move',
  'items.correct',
  'import.files',
  'import.demo',
  'import.text',
  'import.cancel',
  'imports.list',
  'imports.undo',
  'links.open',
  'bulletins.list',
  'bulletins.get',
  'bulletins.create',
  'bulletins.edit',
  'bulletins.approve',
  'bulletins.reopen',
  'bulletins.issue',
  'bulletins.newVersion',
  'bulletins.preview',
  'bulletins.pdf',
  'bulletins.forItem',
  'bulletins.settings',
  'bulletins.saveSettings',
  'board.table',
  'views.list',
  'views.save',
  'views.delete',
] as const;

export type ChannelName = (typeof CHANNELS)[number];
