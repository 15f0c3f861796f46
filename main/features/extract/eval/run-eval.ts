// `npm run eval -- [--verbose] [--json] [--samples DIR]`: scores the extractor on the hand-labelled samples, per
// field (precision, recall, support) and as a micro average, over every import format the samples come in.
// Exit codes: 0 whenever figures are printed (this is a report, not a gate), 1 when the labels do not load or
// no longer match the imported records, 2 on a usage error.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractFacts } from '../extract-facts.js';
import { buildEvalSet, LabelError, loadLabelFiles, type EvalCase } from './eval-set.js';
import { scoreCases, type Extract } from './evaluate.js';
import { formatFailures, formatTable } from './report.js';
import { FIELDS, summarize } from './score.js';

const USAGE = 'usage: npm run eval -- [--verbose] [--json] [--samples DIR]';

function main(): number {
  let options: { verbose: boolean; json: boolean; samples: string };
  try {
    const { values } = parseArgs({
      options: {
        verbose: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        samples: { type: 'string', default: resolve('../shared/samples') },
      },
      strict: true,
      allowPositionals: false,
    });
    options = { verbose: values.verbose, json: values.json, samples: values.samples };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }

  let cases: EvalCase[];
  try {
    cases = buildEvalSet(options.samples, loadLabelFiles());
  } catch (error) {
    if (!(error instanceof LabelError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    process.stderr.write(`the labels do not load or no longer match the samples:\n${(error as Error).message}\n`);
    return 1;
  }

  const scored = scoreCases(cases, extractFacts satisfies Extract);
  const overall = summarize(scored.map((s) => s.score));
  const files = [...new Set(cases.map((c) => c.file))];
  const byFile = Object.fromEntries(
    files.map((file) => [file, summarize(scored.filter((s) => s.evalCase.file === file).map((s) => s.score)).micro]),
  );
  const crashes = scored.filter((s) => s.crash !== null);
  for (const c of crashes) process.stderr.write(`extractFacts threw on ${c.evalCase.file} "${c.evalCase.record.title}":\n${c.crash}\n`);

  if (options.json) {
    process.stdout.write(`${JSON.stringify({ items: cases.length, crashes: crashes.length, fields: overall.fields, micro: overall.micro, byFile })}\n`);
    return 0;
  }
  process.stdout.write(formatTable(overall, byFile, cases.length, FIELDS));
  if (options.verbose) process.stdout.write(formatFailures(scored));
  return 0;
}

process.exitCode = main();
