// The domain vocabulary of ../shared/domain.md, declared once as `as const` tuples so that zod schemas,
// SQL CHECK constraints (by test) and the renderer's labels all derive from the same list.

export const KINDS = ['incident', 'advisory', 'publication', 'event', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export const CATEGORIES = [
  'unauthorized_access',
  'ransomware',
  'malware',
  'phishing_fraud',
  'misdelivery',
  'misconfiguration',
  'loss',
  'theft',
  'insider',
  'ddos',
  'system_failure',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Board columns, in the order the officer works through them. */
export const STATUSES = ['new', 'triage', 'action', 'notified', 'dismissed'] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DATA_TYPES = [
  'name',
  'address',
  'phone',
  'email',
  'birthdate',
  'gender',
  'card_number',
  'card_expiry',
  'card_cvv',
  'card_holder',
  'login_id',
  'password',
  'my_number',
  'bank_account',
  'health',
  'employee_record',
  'education_history',
  'email_content',
  'other',
] as const;
export type DataType = (typeof DATA_TYPES)[number];

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}
