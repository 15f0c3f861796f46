// Every call answers with a value or a typed error, never a thrown exception across the boundary: an
// exception crossing IPC loses its type, and over HTTP it would leak a stack trace.

export const ERROR_CODES = [
  'invalid-input',
  'untrusted-sender',
  'not-found',
  'conflict',
  'unsupported-file',
  'database-error',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CallError {
  code: ErrorCode;
  message: string;
  details?: string[];
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

export function ok<T>(value: T): CallResult<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: string[]): CallResult<never> {
  return details ? { ok: false, error: { code, message, details } } : { ok: false, error: { code, message } };
}
