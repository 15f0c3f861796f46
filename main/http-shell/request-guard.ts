// Any web page open in the officer's browser can send requests to 127.0.0.1. These checks are what keep
// such a page (or a DNS-rebinding attack) from reading or changing the triage database.
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits, fresh at every launch, never written to a log. */
export function createLaunchToken(): string {
  return randomBytes(32).toString('hex');
}

/** Host must name the loopback address and port we bound: a rebinding attack arrives with its own name. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * Browsers send Origin on cross-origin requests and on every POST; when present it must be our own.
 * An absent Origin is a same-origin GET or a non-browser client, which still needs the token.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Compares in constant time so response timing does not reveal how much of a guess was right. */
export function hasValidToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer ([0-9a-f]{64})$/.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'utf8');
  const expected = Buffer.from(token, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
