// Files travel to main as base64 (one payload shape for IPC and HTTP). Encoded in chunks whose size is a
// multiple of 3, so the base64 of each chunk can simply be concatenated and no call ever spreads a whole
// file into String.fromCharCode arguments.
const CHUNK_BYTES = 3 * 0x2000; // 24 KiB: well under any engine's argument limit

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + CHUNK_BYTES);
    parts.push(btoa(String.fromCharCode.apply(null, chunk as unknown as number[])));
  }
  return parts.join('');
}

/**
 * Encodes a picked file without blocking the page: the browser's FileReader does the base64 work off the
 * main thread. Encoding tens of megabytes in a loop here froze the window (and its progress bar) for
 * seconds.
 */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** The contract's limit on one file (MAX_IMPORT_FILE_BYTES in shared/ipc/contract.ts, which the renderer
 * cannot import as a value without bundling zod). Checked here so the officer hears which file is too big. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** The contract accepts at most 50 files per call. */
export const MAX_FILES_PER_CALL = 50;
/** Keeps one HTTP request well under the shell's 100 MB body limit once base64 has grown it by a third. */
export const MAX_BYTES_PER_CALL = 48 * 1024 * 1024;

/** Names are labels in error messages; the contract allows 255 characters. Keeps the extension. */
export function payloadName(name: string): string {
  const clean = name.trim() || 'file';
  if (clean.length <= 255) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
  return clean.slice(0, 255 - ext.length - 1) + '…' + ext;
}

/** Splits files into calls the contract and the transport accept: ≤ 50 files and ≤ ~48 MB each. */
export function batchBySize<T extends { size: number }>(files: readonly T[]): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= MAX_FILES_PER_CALL || bytes + file.size > MAX_BYTES_PER_CALL)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The browser shell streams uploads to disk: far beyond any snapshot, and memory in the page stays flat. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

/** Files per import call (the contract's limit) when they travel as uploads, whatever their size. */
export function chunkFiles<T>(files: readonly T[], size = 50): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < files.length; i += size) chunks.push(files.slice(i, i + size));
  return chunks;
}
