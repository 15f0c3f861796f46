import type { Severity } from '../../../shared/domain/vocabulary.js';
import type { SeverityReason } from '../../../shared/domain/facts.js';
import type { Category, DataType, Kind } from '../../../shared/domain/vocabulary.js';

// A suggested severity 1 低 · 2 中 · 3 高 · 4 重大, in the spirit of JNSA's 想定損害賠償額 model: how many people
// (on a log scale), how sensitive the data (My Number, health and card above passwords, above contact data),
// malicious above accidental, and systems stopped. The officer can overrule it; the reasons say why.

export interface SeverityInput {
  kind: Kind;
  category: Category | null;
  people: number | null;
  records: number | null;
  dataTypes: readonly DataType[];
  outage: boolean;
}

const SENSITIVE: ReadonlySet<DataType> = new Set(['my_number', 'health']);
const FINANCIAL: ReadonlySet<DataType> = new Set(['card_number', 'card_expiry', 'card_cvv', 'card_holder', 'bank_account']);
const CREDENTIALS: ReadonlySet<DataType> = new Set(['password', 'login_id']);
const CONTACT: ReadonlySet<DataType> = new Set(['name', 'address', 'phone', 'email', 'birthdate', 'gender']);
const MALICIOUS: ReadonlySet<Category> = new Set(['unauthorized_access', 'ransomware', 'malware', 'phishing_fraud', 'theft', 'insider', 'ddos']);
const ACCIDENTAL: ReadonlySet<Category> = new Set(['misdelivery', 'misconfiguration', 'loss', 'system_failure']);

export function suggestSeverity(input: SeverityInput): { value: Severity | null; reasons: SeverityReason[] } {
  if (input.kind !== 'incident') return { value: null, reasons: [] };
  const reasons: SeverityReason[] = [];
  let points = 0;
  const count = input.people ?? input.records;
  if (count !== null && count >= 100) {
    // 100 → +0.5, 1,000 → +1, 10,000 → +1.5, 100,000 → +2, a million and more → +2.5.
    points += Math.min(2.5, (Math.log10(count) - 1) / 2);
    reasons.push('people_log_scale');
  }
  const has = (set: ReadonlySet<DataType>) => input.dataTypes.some((t) => set.has(t));
  if (has(SENSITIVE)) {
    points += 2;
    reasons.push('sensitive_data');
  }
  if (has(FINANCIAL)) {
    points += 2;
    reasons.push('financial_data');
  }
  if (has(CREDENTIALS)) {
    points += 0.75;
    reasons.push('credentials');
  }
  if (has(CONTACT)) {
    points += 0.25;
    reasons.push('contact_data');
  }
  if (input.category !== null && MALICIOUS.has(input.category)) {
    points += 1.5;
    reasons.push('malicious');
  } else if (input.category !== null && ACCIDENTAL.has(input.category)) {
    reasons.push('accidental');
  }
  if (input.outage) {
    points += 1.5;
    reasons.push('outage');
  }
  // Thresholds chosen so that a small accidental leak of contact data is 1, card data of a few hundred people or
  // an attack is 2, an attack on card data or systems stopped by ransomware 3, and hundreds of thousands 4.
  const value = (points >= 4.5 ? 4 : points >= 3 ? 3 : points >= 1.5 ? 2 : 1) as Severity;
  return { value, reasons };
}
