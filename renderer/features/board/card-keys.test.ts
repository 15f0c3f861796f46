import { describe, expect, it } from 'vitest';
import { card, snapshot } from '../../testing/fake-api.js';
import { cardKeyCommand, type KeyPress } from './card-keys.js';

const columns = snapshot([card(1, 'new'), card(2, 'new'), card(3, 'triage')]).columns;
const focused = columns[0]?.cards[0] ?? card(2, 'new');
const press = (key: string, code: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('cardKeyCommand', () => {
  it('reads the letters by physical key, so kana input or another layout gives the same commands', () => {
    expect(cardKeyCommand(columns, focused, press('s', 'KeyS'))).toEqual({ type: 'menu', field: 'severity' });
    expect(cardKeyCommand(columns, focused, press('と', 'KeyS'))).toEqual({ type: 'menu', field: 'severity' });
    expect(cardKeyCommand(columns, focused, press('そ', 'KeyC'))).toEqual({ type: 'menu', field: 'category' });
    expect(cardKeyCommand(columns, focused, press('さ', 'KeyX'))).toEqual({ type: 'toggleSelection' });
  });

  it('Ctrl or Cmd+A selects the column; other modified letters and Shift+letters are not the card’s', () => {
    expect(cardKeyCommand(columns, focused, press('a', 'KeyA', { ctrlKey: true }))).toEqual({ type: 'selectColumn' });
    expect(cardKeyCommand(columns, focused, press('a', 'KeyA', { metaKey: true }))).toEqual({ type: 'selectColumn' });
    expect(cardKeyCommand(columns, focused, press('z', 'KeyZ', { ctrlKey: true }))).toBeNull();
    expect(cardKeyCommand(columns, focused, press('S', 'KeyS', { shiftKey: true }))).toBeNull();
    expect(cardKeyCommand(columns, focused, press('s', 'KeyS', { altKey: true }))).toBeNull();
  });

  it('keeps the earlier keys: Escape clears, digits move, arrows focus, Enter opens', () => {
    expect(cardKeyCommand(columns, focused, press('Escape', 'Escape'))).toEqual({ type: 'clearSelection' });
    expect(cardKeyCommand(columns, focused, press('3', 'Digit3'))).toEqual({ type: 'move', to: 'action' });
    expect(cardKeyCommand(columns, focused, press('ArrowRight', 'ArrowRight'))).toEqual({ type: 'focus', id: 3 });
    expect(cardKeyCommand(columns, focused, press('Enter', 'Enter'))).toEqual({ type: 'open' });
  });

  it('falls back to the character when the event has no code (synthetic events of older tests)', () => {
    const { code: _omitted, ...noCode } = press('s', '');
    expect(cardKeyCommand(columns, focused, noCode)).toEqual({ type: 'menu', field: 'severity' });
  });
});
