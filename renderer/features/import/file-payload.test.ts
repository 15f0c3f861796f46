import { describe, expect, it } from 'vitest';
import { batchBySize, bytesToBase64, fileToBase64, MAX_BYTES_PER_CALL, payloadName } from './file-payload.js';

function bytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + 7) % 256;
  return out;
}

function decode(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

describe('bytesToBase64', () => {
  it('encodes like btoa, padding included', () => {
    const text = new TextEncoder().encode('日付,タイトル\r\n');
    expect(bytesToBase64(text)).toBe(btoa(String.fromCharCode(...text)));
    expect(bytesToBase64(new Uint8Array([0xff]))).toBe('/w==');
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('round-trips data larger than one chunk, at lengths that are not multiples of 3', () => {
    for (const length of [24_576, 24_577, 100_001]) {
      const data = bytes(length);
      const encoded = bytesToBase64(data);
      expect(encoded).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
      expect(decode(encoded)).toEqual(data);
    }
  });
});

describe('batching and names', () => {
  it('splits by file count and by size, never leaving a batch empty', () => {
    const many = Array.from({ length: 120 }, () => ({ size: 10 }));
    expect(batchBySize(many).map((b) => b.length)).toEqual([50, 50, 20]);
    const big = [{ size: MAX_BYTES_PER_CALL - 1 }, { size: 2 }, { size: MAX_BYTES_PER_CALL * 2 }];
    expect(batchBySize(big).map((b) => b.length)).toEqual([1, 1, 1]);
  });

  it('shortens names past 255 characters and keeps the extension', () => {
    const name = payloadName(`${'あ'.repeat(300)}.csv`);
    expect(name.length).toBe(255);
    expect(name.endsWith('….csv')).toBe(true);
    expect(payloadName('  ')).toBe('file');
  });
});

describe('fileToBase64', () => {
  it('encodes a file like the synchronous encoder, without blocking', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    expect(await fileToBase64(new Blob([bytes]))).toBe(bytesToBase64(bytes));
    expect(await fileToBase64(new Blob([]))).toBe('');
  });
});
