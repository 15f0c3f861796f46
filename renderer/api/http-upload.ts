// Uploads a chosen file to the browser shell as raw bytes (POST /api/upload), before `import.files` names
// it by its upload id. XMLHttpRequest, not fetch: it sends the File straight from disk (no FileReader, no
// base64 string in the page's memory, so the page stays responsive on a 30 MB list) and it reports upload
// progress, which fetch cannot.
import { TOKEN_STORAGE_KEY } from './http-client.js';

export type UploadResult = { ok: true; uploadId: string } | { ok: false; message: string };
export type FileUpload = (file: File, onProgress: (sent: number, total: number) => void, signal?: AbortSignal) => Promise<UploadResult>;

export function createHttpUpload(storage: Pick<Storage, 'getItem'> = window.sessionStorage): FileUpload {
  return (file, onProgress, signal) =>
    new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/upload');
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      const token = storage.getItem(TOKEN_STORAGE_KEY);
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
      xhr.onload = () => {
        try {
          const reply = JSON.parse(xhr.responseText) as { uploadId?: unknown; error?: unknown };
          if (xhr.status === 200 && typeof reply.uploadId === 'string') resolve({ ok: true, uploadId: reply.uploadId });
          else resolve({ ok: false, message: typeof reply.error === 'string' ? reply.error : `upload refused (${xhr.status})` });
        } catch {
          resolve({ ok: false, message: `upload refused (${xhr.status})` });
        }
      };
      xhr.onerror = () => resolve({ ok: false, message: 'the app server cannot be reached' });
      xhr.onabort = () => resolve({ ok: false, message: 'upload cancelled' });
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(file);
    });
}
