// Files the browser shell's page uploads for import, as raw bytes (POST /api/upload, octet-stream). The
// page sends the File itself, so it neither reads the file into memory nor turns it into base64 — that froze
// the page for half a minute on a 28 MB list — and it can show upload progress. Each upload lands in a
// private temporary folder under a random id; `import.files` names it by that id and takes it once.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';

/** Beyond what any snapshot an officer keeps could be; streamed to disk, so memory stays flat anyway. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
/** Uploads never imported (a closed tab) are dropped after this long. */
const UPLOAD_TTL_MS = 60 * 60 * 1000;
export const UPLOAD_ID = /^[0-9a-f]{32}$/;

export class UploadTooLargeError extends Error {
  constructor() {
    super(`upload larger than ${MAX_UPLOAD_BYTES} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

interface Upload {
  path: string;
  at: number;
}

export class UploadStore {
  private readonly dir = mkdtempSync(join(tmpdir(), 'triage-uploads-'));
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly limit = MAX_UPLOAD_BYTES) {}

  /** Streams the request body to a new file and returns its id; a body over the limit is refused whole. */
  async receive(req: IncomingMessage): Promise<string> {
    this.expire();
    const id = randomBytes(16).toString('hex');
    const path = join(this.dir, id);
    const out = createWriteStream(path, { mode: 0o600 });
    let size = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        let tooLarge = false;
        req.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // Past the limit the rest is read and dropped, so the page gets a clear 413 rather than a reset.
          if (size > this.limit) tooLarge = true;
          if (tooLarge) return;
          if (!out.write(chunk)) {
            req.pause();
            out.once('drain', () => req.resume());
          }
        });
        req.on('end', () => (tooLarge ? reject(new UploadTooLargeError()) : out.end(resolve)));
        req.on('error', reject);
        out.on('error', reject);
      });
    } catch (error) {
      out.destroy();
      rmSync(path, { force: true });
      throw error;
    }
    this.uploads.set(id, { path, at: Date.now() });
    return id;
  }

  /** The file of an upload, once: the caller imports it and then calls `release`. Null for an unknown id. */
  take(id: string): string | null {
    if (!UPLOAD_ID.test(id)) return null;
    const upload = this.uploads.get(id);
    if (!upload) return null;
    this.uploads.delete(id);
    return upload.path;
  }

  release(path: string): void {
    rmSync(path, { force: true });
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
    this.uploads.clear();
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, upload] of this.uploads) {
      if (now - upload.at > UPLOAD_TTL_MS) {
        this.uploads.delete(id);
        rmSync(upload.path, { force: true });
      }
    }
  }
}
