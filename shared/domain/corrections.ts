// The facts an officer may correct, each with the schema its corrected value must satisfy. Declared once
// here: the IPC contract validates with it, main stores with it, the renderer builds its editors from it.
import { z } from 'zod';
import { CATEGORIES, DATA_TYPES, KINDS, SEVERITIES } from './vocabulary.js';
import { APPI_REASONS, type ExtractedFacts } from './facts.js';
import type { Relevance } from './relevance.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** Counts beyond ten billion are typos, not incidents (the largest known leaks are in the billions). */
const Count = z.number().int().min(0).max(10_000_000_000);
const ShortText = z.string().trim().min(1).max(200);
const Sentence = z.string().trim().min(1).max(2000);

export const CORRECTION_SCHEMAS = {
  kind: z.enum(KINDS),
  category: z.enum(CATEGORIES).nullable(),
  severity: z.literal([...SEVERITIES]),
  organization: ShortText.nullable(),
  occurredAt: IsoDate.nullable(),
  detectedAt: IsoDate.nullable(),
  reportSeq: z.union([z.number().int().min(1).max(99), z.literal('final')]).nullable(),
  caseId: ShortText.nullable(),
  'affected.people': Count.nullable(),
  'affected.records': Count.nullable(),
  'affected.organizations': Count.nullable(),
  dataTypes: z.array(z.enum(DATA_TYPES)).max(DATA_TYPES.length),
  cves: z.array(z.string().regex(/^CVE-\d{4}-\d{4,7}$/)).max(200),
  products: z.array(ShortText).max(50),
  causes: z.array(Sentence).max(30),
  countermeasures: z.array(Sentence).max(30),
  'appi.reportable': z.boolean().nullable(),
  'appi.reasons': z.array(z.enum(APPI_REASONS)).max(APPI_REASONS.length),
} as const;

export type CorrectableField = keyof typeof CORRECTION_SCHEMAS;
export const CORRECTABLE_FIELDS = Object.keys(CORRECTION_SCHEMAS) as CorrectableField[];
export type CorrectionValue<F extends CorrectableField> = z.output<(typeof CORRECTION_SCHEMAS)[F]>;

export function isCorrectableField(value: unknown): value is CorrectableField {
  return typeof value === 'string' && Object.hasOwn(CORRECTION_SCHEMAS, value);
}

/** The value the extractor suggested for a field, in the field's correction shape (evidence stripped). */
export function suggestedValue(facts: ExtractedFacts, field: CorrectableField): unknown {
  switch (field) {
    case 'kind':
      return facts.kind.value;
    case 'category':
      return facts.category.value;
    case 'severity':
      return facts.severity.value;
    case 'organization':
      return facts.organization.value;
    case 'occurredAt':
      return facts.occurredAt.value;
    case 'detectedAt':
      return facts.detectedAt.value;
    case 'reportSeq':
      return facts.reportSeq.value;
    case 'caseId':
      return facts.caseId.value;
    case 'affected.people':
      return facts.affected.people.value;
    case 'affected.records':
      return facts.affected.records.value;
    case 'affected.organizations':
      return facts.affected.organizations.value;
    case 'dataTypes':
      return facts.dataTypes.map((f) => f.value);
    case 'cves':
      return facts.cves.map((f) => f.value);
    case 'products':
      return facts.products.map((f) => f.value);
    case 'causes':
      return facts.causes.map((f) => f.value);
    case 'countermeasures':
      return facts.countermeasures.map((f) => f.value);
    case 'appi.reportable':
      return facts.appi.reportable;
    case 'appi.reasons':
      return facts.appi.reasons.map((f) => f.value);
  }
}

/** One correction as the detail panel shows it: the officer's value, and who set it when. */
export interface Correction {
  field: CorrectableField;
  value: unknown;
  correctedAt: string;
  correctedBy: string;
}

/** What the detail panel needs about an item's facts: the suggestion (with evidence) and the corrections. */
export interface ItemFactsView {
  /** Null until the extractor has read the item (right after import, for a moment). */
  suggested: ExtractedFacts | null;
  corrections: Correction[];
  /** Relevance to the officer's organisation profile, with the matched words; null until scored. */
  relevance: Relevance | null;
}

/** One recorded change of a field by the officer (ISMS evidence): who, when, from → to. */
export interface FieldChange {
  id: number;
  field: string;
  from: unknown;
  to: unknown;
  changedAt: string;
  changedBy: string;
}
