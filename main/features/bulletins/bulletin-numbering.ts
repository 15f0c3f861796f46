// Bulletin numbers: a yearly sequence printed through a format the officer sets in settings
// ('bulletins.numberFormat'), e.g. SEC-{YYYY}-{NNN} → SEC-2023-012. {NNN} pads to as many digits as Ns.
export const NUMBER_FORMAT_SETTING = 'bulletins.numberFormat';
export const DEFAULT_NUMBER_FORMAT = 'SEC-{YYYY}-{NNN}';

export class InvalidNumberFormatError extends Error {
  constructor(format: string) {
    super(`bulletin number format "${format}" needs a sequence token {N…} (e.g. SEC-{YYYY}-{NNN})`);
    this.name = 'InvalidNumberFormatError';
  }
}

export function validateNumberFormat(format: unknown): string {
  if (typeof format !== 'string' || !/\{N+\}/.test(format) || format.length > 60) {
    throw new InvalidNumberFormatError(String(format));
  }
  return format;
}

export function formatBulletinNumber(format: string, year: number, sequence: number): string {
  return format
    .replace(/\{YYYY\}/g, String(year).padStart(4, '0'))
    .replace(/\{YY\}/g, String(year % 100).padStart(2, '0'))
    .replace(/\{(N+)\}/g, (_m, ns: string) => String(sequence).padStart(ns.length, '0'));
}
