import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemText } from '../../../../shared/domain/facts.js';
import { buildEvalSet, LabelError, loadLabelFiles, type EvalCase } from './eval-set.js';
import { normalizeForMatch, normalizeOrganization } from './score.js';

// Tests run from the project root; the shared samples sit beside it.
const SAMPLES = resolve('../shared/samples');

const labelFiles = loadLabelFiles();
const cases = buildEvalSet(SAMPLES, labelFiles);

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function textOf(c: EvalCase): string {
  return normalizeForMatch(itemText(c.record.title, c.record.body));
}

describe('label files', () => {
  it('parse against the schema, one per sample source', () => {
    expect(labelFiles.map((f) => f.source).sort()).toEqual(['casebook-2023-07', 'cdns-2019-12', 'leak-articles']);
  });

  it('label every record every format imports, and every label matches a record of every file', () => {
    // buildEvalSet throws on an unlabelled record or an unmatched label, so reaching here is half the proof;
    // the counts are the other half (20 stories × 4 formats, 10 × 2, 8 × 2).
    const perFile = Object.fromEntries(labelFiles.flatMap((f) => f.files).map((file) => [file, cases.filter((c) => c.file === file).length]));
    expect(perFile).toEqual({
      'cdns-2019-12.rss': 20,
      'cdns-2019-12.utf8-bom.csv': 20,
      'cdns-2019-12.sjis.csv': 20,
      '000_9312eb6a3f551969.txt': 20,
      'leak-articles.rdf': 10,
      '002_bb6bcd15f14b5053.txt': 10,
      'casebook-2023-07.atom': 8,
      '004_fa8b37c40a989728.txt': 8,
    });
    expect(labelFiles.map((f) => f.items.length)).toEqual([8, 20, 10]);
  });

  it('refuse an imported record without a label, and a label no record matches', () => {
    const [first, ...rest] = labelFiles;
    if (!first) throw new Error('no label files');
    const withoutOne = { ...first, items: first.items.slice(1) };
    expect(() => buildEvalSet(SAMPLES, [withoutOne, ...rest])).toThrow(/no label for the imported title/);
    const withGhost = { ...first, items: [...first.items, { ...first.items[0]!, title: 'どこにもない記事', otherTitles: [] }] };
    expect(() => buildEvalSet(SAMPLES, [withGhost])).toThrow(LabelError);
    expect(() => buildEvalSet(SAMPLES, [withGhost])).toThrow(/"どこにもない記事" matches no imported record/);
  });

  it('keep apart two stories whose titles differ only by spaces', () => {
    const emotet = cases.filter((c) => c.file === 'cdns-2019-12.rss' && c.record.title.includes('Emotet') && c.record.title.includes('注意喚起'));
    expect(emotet.map((c) => c.expected.publishedAt).sort()).toEqual(['2019-12-06', '2019-12-10']);
    for (const c of emotet) expect(c.expected.publishedAt).toBe(c.record.publishedAt);
  });
});

describe('labels agree with the text and with themselves', () => {
  it('give the disclosure lag as publication minus detection (or occurrence)', () => {
    for (const c of cases) {
      const { publishedAt, detectedAt, occurredAt, disclosureLagDays } = c.expected;
      const from = detectedAt ?? occurredAt;
      const lag = publishedAt !== null && from !== null ? daysBetween(from, publishedAt) : null;
      expect(disclosureLagDays, `${c.file} ${c.label.title}`).toBe(lag);
    }
  });

  it('name only key phrases, CVEs and products the imported text of that format contains', () => {
    for (const c of cases) {
      const text = textOf(c);
      for (const phrase of [...c.expected.causes, ...c.expected.countermeasures, ...c.expected.cves, ...c.expected.products]) {
        expect(text.includes(normalizeForMatch(phrase)), `${c.file} "${c.label.title}" lacks "${phrase}"`).toBe(true);
      }
    }
  });

  it('name an organisation the text or the source\'s own organisation column spells, where they name one', () => {
    for (const c of cases) {
      const accepted = c.expected.organization === null ? [] : [c.expected.organization].flat();
      if (accepted.length === 0) continue;
      const said = normalizeOrganization(`${itemText(c.record.title, c.record.body)}\n${c.record.organization ?? ''}`);
      expect(accepted.some((name) => said.includes(normalizeOrganization(name))), `${c.file} "${c.label.title}"`).toBe(true);
    }
  });

  it('accept the source\'s organisation column wherever a format has one', () => {
    for (const c of cases) {
      if (c.record.organization === null) continue;
      const accepted = c.expected.organization === null ? [] : [c.expected.organization].flat().map(normalizeOrganization);
      expect(accepted, `${c.file} "${c.label.title}"`).toContain(normalizeOrganization(c.record.organization));
    }
  });

  it('give a publication date exactly when the format carries one, and the one it carries', () => {
    for (const c of cases) expect(c.expected.publishedAt, `${c.file} ${c.label.title}`).toBe(c.record.publishedAt);
  });

  it('give APPI reasons only with reportable true, and no APPI verdict outside incidents', () => {
    for (const c of cases) {
      const { appi, kind } = c.expected;
      expect(appi.reportable === true, `${c.label.title}`).toBe(appi.reasons.length > 0);
      if (kind !== 'incident') expect(appi.reportable, `${c.label.title}`).toBeNull();
    }
  });
});
