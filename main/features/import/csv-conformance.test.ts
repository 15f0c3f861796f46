import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { passRate, runCsvConformance } from './csv-conformance.js';
import type { SuiteResult } from './csv-conformance.js';

// Tests run from the project root; the public suites sit beside it and are never copied into the project.
const CSV_CORPORA = resolve('../shared/corpora/csv');

function suite(results: SuiteResult[], name: string): SuiteResult {
  const found = results.find((r) => r.suite === name);
  if (found === undefined) throw new Error(`no suite ${name}`);
  return found;
}

describe('the conformance harness', () => {
  // A tiny corpus in the suites' layouts, written here, to pin the rules the report relies on.
  const root = mkdtempSync(join(tmpdir(), 'csv-conformance-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, content: string | Uint8Array): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  write('csv-spectrum/csvs/plain.csv', 'a,b\n1,"x,""y"""\n');
  write('csv-spectrum/json/plain.json', '[{"a":"1","b":"x,\\"y\\""}]');
  write('csv-spectrum/csvs/padded.csv', 'a,b\n 1 ," x"\n');
  write('csv-spectrum/json/padded.json', '[{"a":" 1 ","b":" x"}]');
  write('csv-spectrum/csvs/wrong.csv', 'a,b\n1,2\n');
  write('csv-spectrum/json/wrong.json', '[{"a":"1","b":"3"}]');
  write('csv-spectrum/csvs/misread.csv', 'a,b\n1,2\n');
  write('csv-spectrum/json/misread.json', '[{"a":"2","b":"1"}]');
  // A PNG renamed .csv: refused with the typed error, which is not a crash.
  write('csv-spectrum/csvs/binary.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  write('csvw/tests/plain.csv', 'name,note\nAnn,\nBob,hi\n');
  // CSVW leaves out cells that are empty, so Ann has no note.
  const csvwRow = (rownum: number, cells: Record<string, string>) => ({ url: 'x', rownum, describes: [cells] });
  write('csvw/tests/plain.json', JSON.stringify({ tables: [{ url: 'x', row: [csvwRow(1, { name: 'Ann' }), csvwRow(2, { name: 'Bob', note: 'hi' })] }] }));
  write('csvw/tests/broken.csv', 'a,b\n1,"never closed\n');
  write('csvw/tests/with-meta.json', '{"url": "plain.csv", "dialect": {"delimiter": 1}}');
  write('csvw/tests/manifest-json.jsonld', JSON.stringify({
    entries: [
      { id: 'm#t1', type: 'csvt:ToJsonTest', name: 'plain', action: 'plain.csv', result: 'plain.json' },
      { id: 'm#t2', type: 'csvt:NegativeJsonTest', name: 'broken', action: 'broken.csv' },
      { id: 'm#t3', type: 'csvt:ToJsonTestWithWarnings', name: 'dialect: x', action: 'with-meta.json', result: 'plain.json' },
      { id: 'm#t4', type: 'csvt:NegativeJsonTest', name: 'bad metadata', action: 'with-meta.json', implicit: ['plain.csv'] },
      { id: 'm#t5', type: 'csvt:ToJsonTest', name: 'elsewhere', action: 'absent.csv', result: 'absent.json' },
    ],
  }));

  it('passes faithful rows, names trim-only differences, sets aside expectations the input contradicts', () => {
    const results = runCsvConformance(root);
    const spectrum = suite(results, 'csv-spectrum');
    expect(spectrum).toMatchObject({ files: 5, crashes: 0, checked: 3, passed: 1, notApplicable: 2 });
    expect(spectrum.trimOnly).toEqual(['csvs/padded.csv']);
    expect(spectrum.failures.map((f) => f.file)).toEqual(['csvs/misread.csv', 'csvs/padded.csv']);
    expect(spectrum.failures[0]?.reason).toBe('row 1 "a": expected "2", got "1"; row 1 "b": expected "1", got "2"');
    expect(spectrum.skipped.map((s) => s.file)).toEqual(['csvs/binary.csv', 'csvs/wrong.csv']);
    expect(spectrum.skipped[1]?.reason).toMatch(/"3" occurs nowhere in the file\); every other cell matches/);

    const csvw = suite(results, 'csvw');
    expect(csvw).toMatchObject({ files: 4, crashes: 0, checked: 2, passed: 2, notApplicable: 2 });
    expect(csvw.skipped.map((s) => s.file)).toEqual(['t3 (with-meta.json)', 't4 (with-meta.json)']);
    expect(csvw.skipped[1]?.reason).toMatch(/must fail because of its metadata.*plain\.csv reads without error \(3 rows\)/);
    expect(csvw.notes).toEqual(['1 of 5 manifest tests have no input in this copy and are not counted']);
  });
});

describe.skipIf(!existsSync(CSV_CORPORA))('public CSV suites (../shared/corpora/csv)', () => {
  it('nothing crashes, and csv-spectrum and the plain CSVW tests agree', () => {
    const results = runCsvConformance(CSV_CORPORA);
    expect(results.map((r) => r.suite)).toEqual(['csv-spectrum', 'csvw']);
    for (const r of results) {
      expect(r.files).toBeGreaterThan(0);
      expect(r.failures.filter((f) => f.reason.startsWith('CRASH'))).toEqual([]);
      expect(r.crashes).toBe(0);
      expect(r.checked + r.notApplicable).toBe(r.files);
    }

    const spectrum = suite(results, 'csv-spectrum');
    // location_coordinates.csv keeps its bare quote (37°36'37.8"N) as Excel does (relax_quotes); its
    // expected phone number is not in the file (max-mapper/csv-spectrum#20), so it is not applicable and the
    // other 11 all pass. No expectation differs by trimming alone.
    expect(spectrum.checked).toBe(11);
    expect(spectrum.notApplicable).toBe(1);
    expect(passRate(spectrum)).toBe(1);
    expect(spectrum.failures).toEqual([]);
    expect(spectrum.trimOnly).toEqual([]);

    // Only the tests without metadata are checked (001, 005–010 and countries.csv 028/029); the rest of this
    // copy is metadata- or dialect-driven and is not applicable, each with its reason.
    const csvw = suite(results, 'csvw');
    expect(csvw.checked).toBeGreaterThanOrEqual(9);
    expect(csvw.passed).toBe(csvw.checked);
    expect(csvw.skipped.every((s) => s.reason.length > 0)).toBe(true);
  });
});
