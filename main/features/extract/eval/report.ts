import type { ScoredCase } from './evaluate.js';
import type { FieldFigures, FieldName, Figures } from './score.js';

// Text output of `npm run eval`: the per-field table, the micro average per imported file, and with --verbose
// every item and field that missed, with what the label and the extractor said.

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function row(name: string, f: FieldFigures): string {
  return [
    name.padEnd(26),
    percent(f.precision).padStart(9),
    percent(f.recall).padStart(9),
    String(f.support).padStart(8),
    String(f.tp).padStart(6),
    String(f.fp).padStart(6),
    String(f.fn).padStart(6),
  ].join(' ');
}

export function formatTable(
  figures: Figures,
  byFile: Record<string, FieldFigures>,
  items: number,
  fields: readonly FieldName[],
): string {
  const header = `${'field'.padEnd(26)} ${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'support'.padStart(8)} ${'TP'.padStart(6)} ${'FP'.padStart(6)} ${'FN'.padStart(6)}`;
  const rule = '-'.repeat(header.length);
  const lines = [`${items} labelled items (each sample story in each import format)`, '', header, rule];
  for (const name of fields) lines.push(row(name, figures.fields[name]));
  lines.push(rule, row('micro average', figures.micro), '', 'micro average by imported file', rule);
  for (const [file, f] of Object.entries(byFile)) lines.push(row(file.length > 26 ? `${file.slice(0, 23)}...` : file, f));
  return `${lines.join('\n')}\n`;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

export function formatFailures(scored: readonly ScoredCase[]): string {
  const lines = ['', 'misses (FP: said something wrong or extra; FN: missed something labelled)'];
  for (const { evalCase, score, crash } of scored) {
    const misses = Object.entries(score).filter(([, s]) => s.fp > 0 || s.fn > 0);
    if (misses.length === 0 && crash === null) continue;
    lines.push('', `${evalCase.file} | ${evalCase.record.title}`);
    if (crash !== null) lines.push(`  extractFacts threw: ${crash.split('\n')[0] ?? ''}`);
    for (const [field, s] of misses) {
      lines.push(`  ${field.padEnd(24)} FP ${s.fp} FN ${s.fn}  expected ${show(s.expected)}  predicted ${show(s.predicted)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
