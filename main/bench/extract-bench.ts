// `npm run bench:extract -- [--json] [--items N]`: runs the fact extractor over N generated breach notices of
// ~1,500 characters (default 10,000) and prints items, seconds and items/s (target ≥ 2,000 items/s).
// `--json` prints exactly one line: {"items","seconds","itemsPerSec"}. A benchmark, not a test.
import { parseArgs } from 'node:util';
import { extractFacts } from '../features/extract/extract-facts.js';
import { makeNotice } from './generate-notices.js';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, items: { type: 'string', default: '10000' } },
});
const count = Number(values.items);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: npm run bench:extract -- [--json] [--items N]\n');
  process.exit(2);
}

const items = Array.from({ length: count }, (_, i) => makeNotice(i));
// Warm-up: the first calls compile the patterns and let the JIT settle; a steady rate is what officers get.
for (let i = 0; i < Math.min(200, count); i++) extractFacts(items[i]!);

let checksum = 0;
const cpuStart = process.cpuUsage();
const started = process.hrtime.bigint();
for (const item of items) checksum += extractFacts(item).dataTypes.length;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const itemsPerSec = Math.round(count / seconds);

if (values.json) {
  process.stdout.write(`${JSON.stringify({ items: count, seconds: Number(seconds.toFixed(3)), itemsPerSec })}\n`);
} else {
  const chars = items.reduce((n, it) => n + it.title.length + it.body.length, 0);
  console.log(`extract: ${count.toLocaleString('en-US')} items, ${(chars / count).toFixed(0)} chars each on average`);
  console.log(`  ${seconds.toFixed(2)} s  ${itemsPerSec.toLocaleString('en-US')} items/s  (target ≥ 2,000 items/s; ${checksum} data types found)`);
  // On a shared machine the wall clock includes time other processes held the CPU; CPU time shows the capacity.
  console.log(`  ${cpuSeconds.toFixed(2)} s of CPU  ${Math.round(count / cpuSeconds).toLocaleString('en-US')} items per CPU second`);
}
