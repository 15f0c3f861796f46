import { afterEach, describe, expect, it } from 'vitest';
import { forgetColumnScrolls, recallColumnScroll, rememberColumnScroll } from './column-scroll-memory.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), values };
}

afterEach(() => forgetColumnScrolls());

describe('column scroll memory', () => {
  it('gives back the first card in view for the same query only, per column', () => {
    const storage = memoryStorage();
    rememberColumnScroll('new', 'q1', 312, storage);
    expect(recallColumnScroll('new', 'q1', storage)).toBe(312);
    expect(recallColumnScroll('new', 'q2', storage)).toBe(0);
    expect(recallColumnScroll('triage', 'q1', storage)).toBe(0);
  });

  it('survives a page reload through sessionStorage, and ignores a damaged entry', () => {
    const storage = memoryStorage();
    rememberColumnScroll('action', 'q', 40, storage);
    forgetColumnScrolls(); // what a reload does to the in-memory copy
    expect(recallColumnScroll('action', 'q', storage)).toBe(40);
    forgetColumnScrolls();
    const damaged = memoryStorage({ 'triage-desk.column-scroll.action': '{"queryKey":"q","index":"x"}' });
    expect(recallColumnScroll('action', 'q', damaged)).toBe(0);
    expect(recallColumnScroll('action', 'q', memoryStorage({ 'triage-desk.column-scroll.action': '{' }))).toBe(0);
  });

  it('keeps one entry per column: a new query replaces the old one', () => {
    const storage = memoryStorage();
    rememberColumnScroll('new', 'q1', 10, storage);
    rememberColumnScroll('new', 'q2', 20, storage);
    expect(recallColumnScroll('new', 'q1', storage)).toBe(0);
    expect(recallColumnScroll('new', 'q2', storage)).toBe(20);
    expect(storage.values.size).toBe(1);
  });
});
