import { describe, expect, it } from 'vitest';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, clampWidth, readColumnWidths, widthAfterKey, writeColumnWidths } from './column-widths.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), values };
}

describe('column widths', () => {
  it('keeps widths within bounds, whole pixels', () => {
    expect(clampWidth(10)).toBe(MIN_COLUMN_WIDTH);
    expect(clampWidth(1e6)).toBe(MAX_COLUMN_WIDTH);
    expect(clampWidth(200.6)).toBe(201);
    expect(clampWidth(Number.NaN)).toBe(MIN_COLUMN_WIDTH);
  });

  it('reads back what was written, for known columns only, and forgets a damaged value', () => {
    const storage = memoryStorage();
    writeColumnWidths(storage, { title: 420, organization: 30 });
    expect(readColumnWidths(storage, ['title', 'organization', 'status'])).toEqual({ title: 420, organization: MIN_COLUMN_WIDTH });
    const tampered = memoryStorage({ 'triage-desk.table.column-widths': '{"title":"wide","status":99999,"nope":5}' });
    expect(readColumnWidths(tampered, ['title', 'status'])).toEqual({ status: MAX_COLUMN_WIDTH });
    expect(readColumnWidths(memoryStorage({ 'triage-desk.table.column-widths': '{' }), ['title'])).toEqual({});
    expect(readColumnWidths(null, ['title'])).toEqual({});
  });

  it('turns arrow keys into steps (Shift: five times), Home/End into the bounds, other keys into nothing', () => {
    expect(widthAfterKey(200, 'ArrowRight', false)).toBe(216);
    expect(widthAfterKey(200, 'ArrowLeft', true)).toBe(120);
    expect(widthAfterKey(200, 'Home', false)).toBe(MIN_COLUMN_WIDTH);
    expect(widthAfterKey(200, 'End', false)).toBe(MAX_COLUMN_WIDTH);
    expect(widthAfterKey(200, 'a', false)).toBeNull();
  });
});
