// How each correctable fact is shown and edited in the detail panel. The list of fields and their value
// schemas come from shared/domain/corrections.ts; this module only adds the renderer's view of them.
import { CORRECTION_SCHEMAS, type CorrectableField, type ItemFactsView, suggestedValue } from '../../../shared/domain/corrections.js';
import { APPI_REASONS, type ExtractedFacts, type Span } from '../../../shared/domain/facts.js';
import { CATEGORIES, DATA_TYPES, KINDS } from '../../../shared/domain/vocabulary.js';

export type EditorKind =
  | { type: 'choice'; options: readonly (string | number)[]; nullable: boolean; labelKey: 'kind' | 'category' | 'severity' }
  | { type: 'date' }
  | { type: 'count' }
  | { type: 'text' }
  | { type: 'reportSeq' }
  | { type: 'boolean' }
  | { type: 'lines' }
  | { type: 'set'; options: readonly string[]; labelKey: 'dataType' | 'appiReason' };

export const FACT_FIELDS: readonly { field: CorrectableField; editor: EditorKind }[] = [
  { field: 'kind', editor: { type: 'choice', options: KINDS, nullable: false, labelKey: 'kind' } },
  { field: 'category', editor: { type: 'choice', options: CATEGORIES, nullable: true, labelKey: 'category' } },
  { field: 'severity', editor: { type: 'choice', options: [1, 2, 3, 4], nullable: false, labelKey: 'severity' } },
  { field: 'organization', editor: { type: 'text' } },
  { field: 'occurredAt', editor: { type: 'date' } },
  { field: 'detectedAt', editor: { type: 'date' } },
  { field: 'reportSeq', editor: { type: 'reportSeq' } },
  { field: 'caseId', editor: { type: 'text' } },
  { field: 'affected.people', editor: { type: 'count' } },
  { field: 'affected.records', editor: { type: 'count' } },
  { field: 'affected.organizations', editor: { type: 'count' } },
  { field: 'dataTypes', editor: { type: 'set', options: DATA_TYPES, labelKey: 'dataType' } },
  { field: 'cves', editor: { type: 'lines' } },
  { field: 'products', editor: { type: 'lines' } },
  { field: 'causes', editor: { type: 'lines' } },
  { field: 'countermeasures', editor: { type: 'lines' } },
  { field: 'appi.reportable', editor: { type: 'boolean' } },
  { field: 'appi.reasons', editor: { type: 'set', options: APPI_REASONS, labelKey: 'appiReason' } },
];

/** The text spans the extractor based a field on (none for corrections, which have no evidence). */
export function evidenceOf(facts: ExtractedFacts, field: CorrectableField): Span[] {
  const one = (f: { evidence: Span[] }) => f.evidence;
  const many = (list: { evidence: Span[] }[]) => list.flatMap((f) => f.evidence);
  switch (field) {
    case 'kind':
      return one(facts.kind);
    case 'category':
      return one(facts.category);
    case 'severity':
      return [];
    case 'organization':
      return one(facts.organization);
    case 'occurredAt':
      return one(facts.occurredAt);
    case 'detectedAt':
      return one(facts.detectedAt);
    case 'reportSeq':
      return one(facts.reportSeq);
    case 'caseId':
      return one(facts.caseId);
    case 'affected.people':
      return one(facts.affected.people);
    case 'affected.records':
      return one(facts.affected.records);
    case 'affected.organizations':
      return one(facts.affected.organizations);
    case 'dataTypes':
      return many(facts.dataTypes);
    case 'cves':
      return many(facts.cves);
    case 'products':
      return many(facts.products);
    case 'causes':
      return many(facts.causes);
    case 'countermeasures':
      return many(facts.countermeasures);
    case 'appi.reportable':
    case 'appi.reasons':
      return many(facts.appi.reasons);
  }
}

export interface FactRow {
  field: CorrectableField;
  editor: EditorKind;
  suggested: unknown;
  corrected: boolean;
  value: unknown;
  evidence: Span[];
}

export function factRows(view: ItemFactsView): FactRow[] {
  return FACT_FIELDS.map(({ field, editor }) => {
    const correction = view.corrections.find((c) => c.field === field);
    const suggested = view.suggested ? suggestedValue(view.suggested, field) : null;
    return {
      field,
      editor,
      suggested,
      corrected: correction !== undefined,
      value: correction ? correction.value : suggested,
      evidence: view.suggested ? evidenceOf(view.suggested, field) : [],
    };
  });
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/**
 * Turns what the editor holds (strings from inputs) into the field's value, or an error message key.
 * The same schema checks again in main: this is for a clear message before the round trip.
 */
export function parseEditorValue(field: CorrectableField, editor: EditorKind, raw: string | string[]): { ok: true; value: unknown } | { ok: false } {
  let value: unknown;
  if (Array.isArray(raw)) value = raw;
  else {
    const text = raw.trim();
    switch (editor.type) {
      case 'choice':
        value = text === '' ? null : editor.labelKey === 'severity' ? Number(text) : text;
        break;
      case 'count':
        value = text === '' ? null : Number(text.normalize('NFKC').replace(/[,，]/g, ''));
        break;
      case 'reportSeq':
        value = text === '' ? null : text === 'final' ? 'final' : Number(text.normalize('NFKC'));
        break;
      case 'boolean':
        value = text === '' ? null : text === 'true';
        break;
      case 'lines':
        value = raw.split('\n').map((l) => l.trim()).filter(Boolean);
        break;
      default:
        value = text === '' ? null : text;
    }
  }
  const parsed = CORRECTION_SCHEMAS[field].safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
}
