import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../shared/domain/vocabulary.js';
import { en } from './en.js';
import { ja } from './ja.js';

function flatten(messages: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('messages', () => {
  const jaKeys = flatten(ja);
  const enKeys = flatten(en);

  it('ja and en have exactly the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...jaKeys.keys()].sort());
  });

  it('every message is a non-empty string with the same placeholders in both languages', () => {
    for (const [key, text] of jaKeys) {
      expect(typeof text, key).toBe('string');
      expect(String(text).length, key).toBeGreaterThan(0);
      expect(placeholders(enKeys.get(key)), key).toEqual(placeholders(text));
    }
  });

  it('labels every board status in both languages', () => {
    expect(STATUSES.map((s) => ja.status[s])).toEqual(['新着', '確認中', '要周知', '周知済', '対象外']);
    expect(STATUSES.map((s) => en.status[s])).toEqual(['New', 'Triage', 'Action needed', 'Notified', 'Dismissed']);
  });
});
