// Where the parser process reads a snapshot from: a file on disk (read in chunks, never whole) or bytes it
// was handed (pasted text, files the renderer sent). Readers may go over a source more than once (the
// encoding check, then the parse), so a source gives a fresh iterator each time.
import { createReadStream, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';

/** Large enough that per-chunk work is noise, small enough that a few chunks in flight stay a few MB. */
export const CHUNK_BYTES = 1024 * 1024;

export interface ByteSource {
  readonly size: number;
  /** The first `length` bytes (fewer for a shorter source). */
  head(length: number): Promise<Uint8Array>;
  chunks(): AsyncIterable<Uint8Array>;
  /**
   * The same bytes for a pass that keeps none of them (an encoding check): each chunk is valid only until the next
   * is asked for, since one buffer is read into again and again. A first pass over a large file that allocated a
   * fresh megabyte per chunk paid a page fault per page of it (~1 s of a 92 MB feed's import on a busy machine).
   */
  scan(): AsyncIterable<Uint8Array>;
  /** Every byte at once: for the formats that are parsed whole (feeds, pages), after a size check. */
  whole(): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array, chunkBytes = CHUNK_BYTES): ByteSource {
  return {
    size: bytes.byteLength,
    head: async (length) => bytes.subarray(0, length),
    async *chunks() {
      for (let at = 0; at < bytes.byteLength; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
    },
    async *scan() {
      for (let at = 0; at < bytes.byteLength; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
    },
    whole: async () => bytes,
  };
}

export function fileSource(path: string): ByteSource {
  return {
    size: statSync(path).size,
    async head(length) {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    async *chunks() {
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) yield chunk as Buffer;
    },
    async *scan() {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
        for (let position = 0; ; ) {
          const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
          if (bytesRead === 0) return;
          position += bytesRead;
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        await handle.close();
      }
    },
    whole: () => readFile(path),
  };
}
