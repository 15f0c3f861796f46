// How the import history writes sizes, durations and hashes: short, and the same in both languages.

function trimmed(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

/** 512 → `0.5 KB`, 20480 → `20 KB`, 3.5 MiB → `3.5 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trimmed(bytes / (1024 * 1024))} MB`;
  if (bytes > 0 && bytes < 103) return '0.1 KB'; // never "0 KB" for a file that has content
  return `${trimmed(bytes / 1024)} KB`;
}

/** 420 → `420 ms`, 2340 → `2.3 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  return `${trimmed(ms / 1000)} s`;
}

/** The first 12 hex digits, enough to tell files apart at a glance; the full value goes in a title. */
export function shortHash(sha256: string): string {
  return sha256.length > 12 ? `${sha256.slice(0, 12)}…` : sha256;
}

/** `csv` + `Shift_JIS` → `CSV (Shift_JIS)`. */
export function formatLabel(format: string, encoding: string | null): string {
  const name = format.toUpperCase();
  return encoding ? `${name} (${encoding})` : name;
}
