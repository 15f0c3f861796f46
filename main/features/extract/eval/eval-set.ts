import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractInput } from '../../../../shared/domain/facts.js';
import { readSnapshot } from '../../import/read-snapshot.js';
import type { SourceRecord } from '../../import/source-record.js';
import { ExpectedFactsSchema, LabelFileSchema, type ExpectedFacts, type LabelFile, type LabelItem } from './label-schema.js';

// Joins the hand labels to the records the importer reads from the samples. Records come from readSnapshot, the
// function the import worker runs on every file, so each format (RSS, RDF, Atom, CSV in UTF-8 and Shift_JIS,
// saved pages) is scored on exactly the text the app would extract from, not on a database export.

export const LABELS_DIR = fileURLToPath(new URL('./labels/', import.meta.url));

export class LabelError extends Error {
  override name = 'LabelError';
}

export interface EvalCase {
  file: string;
  source: string;
  record: SourceRecord;
  label: LabelItem;
  expected: ExpectedFacts;
}

/** NFKC, whitespace removed: a title matches across formats whatever its spaces or full-width letters. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').replace(/\s+/gu, '');
}

/** NFKC with runs of whitespace as one space: tells apart two stories whose titles differ only by a space. */
function spacedTitle(title: string): string {
  return title.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * Finds labels by title: by the spaced form first, then whitespace-insensitively. The cdns feed has two stories
 * whose titles differ only by spaces (`マルウエアEmotetの…` and `マルウエア Emotet の…`), so the loose form
 * alone would confuse them; a loose key that two labels share is only ever matched exactly.
 */
class TitleIndex {
  private readonly exact = new Map<string, LabelItem>();
  private readonly loose = new Map<string, LabelItem[]>();

  add(title: string, item: LabelItem): string | null {
    const key = spacedTitle(title);
    const existing = this.exact.get(key);
    if (existing && existing !== item) return `two labels for the title "${title}"`;
    this.exact.set(key, item);
    const looseKey = normalizeTitle(title);
    const list = this.loose.get(looseKey) ?? [];
    if (!list.includes(item)) list.push(item);
    this.loose.set(looseKey, list);
    return null;
  }

  find(title: string): LabelItem | undefined {
    const hit = this.exact.get(spacedTitle(title));
    if (hit) return hit;
    const candidates = this.loose.get(normalizeTitle(title)) ?? [];
    return candidates.length === 1 ? candidates[0] : undefined;
  }
}

export function loadLabelFiles(dir = LABELS_DIR): LabelFile[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  if (names.length === 0) throw new LabelError(`no label files in ${dir}`);
  return names.map((name) => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      throw new LabelError(`${name}: not JSON (${(error as Error).message})`);
    }
    const parsed = LabelFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new LabelError(`${name}: ${issues}`);
    }
    return parsed.data;
  });
}

/** The label with the file's own differences applied. */
export function expectedFor(item: LabelItem, file: string): ExpectedFacts {
  const { title: _t, otherTitles: _o, byFile, note: _n, ...facts } = item;
  return ExpectedFactsSchema.parse({ ...facts, ...(byFile?.[file] ?? {}) });
}

/** What the extractor is given for a record: its text, and what the source itself says (date, label, organisation). */
export function toExtractInput(record: SourceRecord): ExtractInput {
  return {
    title: record.title,
    body: record.body,
    publishedAt: record.publishedAt,
    sourceCategory: record.sourceCategory,
    sourceOrganization: record.organization,
  };
}

/**
 * Every record of every labelled file, each with its label. Throws a LabelError when a record has no label, a
 * label matches no record of a file, or two labels claim one title: labels must not rot silently as the
 * importer or the samples change.
 */
export function buildEvalSet(samplesDir: string, labelFiles: readonly LabelFile[]): EvalCase[] {
  const cases: EvalCase[] = [];
  const problems: string[] = [];
  for (const labels of labelFiles) {
    const byTitle = new TitleIndex();
    for (const item of labels.items) {
      for (const title of [item.title, ...(item.otherTitles ?? [])]) {
        const problem = byTitle.add(title, item);
        if (problem) problems.push(`${labels.source}: ${problem}`);
      }
      for (const file of Object.keys(item.byFile ?? {})) {
        if (!labels.files.includes(file)) problems.push(`${labels.source}: "${item.title}" has byFile for ${file}, not a file of this source`);
      }
    }
    for (const file of labels.files) {
      const result = readSnapshot(file, readFileSync(join(samplesDir, file)));
      if (result.errors.length > 0) problems.push(`${file}: the importer reported ${result.errors.length} bad record(s)`);
      const matched = new Set<LabelItem>();
      for (const record of result.records) {
        const label = byTitle.find(record.title);
        if (!label) {
          problems.push(`${file}: no label for the imported title "${record.title}"`);
          continue;
        }
        if (matched.has(label)) problems.push(`${file}: two records match the label "${label.title}"`);
        matched.add(label);
        cases.push({ file, source: labels.source, record, label, expected: expectedFor(label, file) });
      }
      for (const item of labels.items) {
        if (!matched.has(item)) problems.push(`${file}: the label "${item.title}" matches no imported record`);
      }
    }
  }
  if (problems.length > 0) throw new LabelError(problems.join('\n'));
  return cases;
}
