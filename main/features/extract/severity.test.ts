import { describe, expect, it } from 'vitest';
import { suggestSeverity, type SeverityInput } from './severity.js';

const base: SeverityInput = { kind: 'incident', category: 'misdelivery', people: null, records: null, dataTypes: [], outage: false };
const severity = (overrides: Partial<SeverityInput>) => suggestSeverity({ ...base, ...overrides });

describe('suggestSeverity', () => {
  it('rates a small accidental leak of contact data low', () => {
    expect(severity({ people: 11, dataTypes: ['name', 'email'] })).toEqual({ value: 1, reasons: ['contact_data', 'accidental'] });
  });

  it('grows with the number of people on a log scale', () => {
    const values = [100, 1_000, 100_000, 10_000_000].map((people) => severity({ people, dataTypes: ['name'] }).value ?? 0);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBeLessThan(values[3] ?? 0);
    expect(severity({ people: 370_000 }).reasons).toContain('people_log_scale');
  });

  it('ranks My Number, health and card data above passwords, above contact data', () => {
    const card = severity({ people: 500, dataTypes: ['card_number'] }).value ?? 0;
    const password = severity({ people: 500, dataTypes: ['password'] }).value ?? 0;
    const contact = severity({ people: 500, dataTypes: ['email'] }).value ?? 0;
    expect(card).toBeGreaterThan(contact);
    expect(password).toBeGreaterThanOrEqual(contact);
    expect(severity({ dataTypes: ['my_number'] }).reasons).toContain('sensitive_data');
  });

  it('ranks malicious above accidental', () => {
    const attack = severity({ category: 'unauthorized_access', people: 5000, dataTypes: ['email'] });
    const mistake = severity({ category: 'misdelivery', people: 5000, dataTypes: ['email'] });
    expect(attack.value ?? 0).toBeGreaterThan(mistake.value ?? 0);
    expect(attack.reasons).toContain('malicious');
  });

  it('counts stopped systems', () => {
    expect(severity({ category: 'ransomware', outage: true })).toEqual({ value: 3, reasons: ['malicious', 'outage'] });
  });

  it('caps at 4 and gives no suggestion for items that are not incidents', () => {
    expect(severity({ category: 'unauthorized_access', people: 5e8, dataTypes: ['card_number', 'password', 'health'], outage: true }).value).toBe(4);
    expect(severity({ kind: 'advisory' })).toEqual({ value: null, reasons: [] });
  });
});
