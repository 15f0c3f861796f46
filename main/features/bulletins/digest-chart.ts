// The digest's small chart: horizontal bars of incidents per category, as inline SVG. Drawn from counts
// and our own labels only (no item text), so nothing in it can carry markup or reach the network.
import { CATEGORY_LABELS } from './bulletin-labels.js';
import type { BulletinLanguage, CategoryCount } from './bulletin-types.js';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function drawCategoryChart(counts: readonly CategoryCount[], language: BulletinLanguage): string {
  const rows = counts.slice(0, 12);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const rowHeight = 22;
  const labelWidth = 190;
  const barWidth = 380;
  const height = rows.length * rowHeight + 8;
  const bars = rows
    .map((r, i) => {
      const y = 4 + i * rowHeight;
      const width = Math.max(2, Math.round((barWidth * r.count) / max));
      const label = escapeXml(CATEGORY_LABELS[r.category ?? 'unknown'][language]);
      return [
        `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${label}</text>`,
        `<rect x="${labelWidth}" y="${y + 3}" width="${width}" height="${rowHeight - 8}" rx="2"></rect>`,
        `<text x="${labelWidth + width + 6}" y="${y + 15}">${r.count}</text>`,
      ].join('');
    })
    .join('');
  const title = language === 'ja' ? '分類別の件数' : 'Incidents by category';
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title}" ` +
    `viewBox="0 0 ${labelWidth + barWidth + 50} ${height}" width="${labelWidth + barWidth + 50}" height="${height}">` +
    `<title>${title}</title>${bars}</svg>`
  );
}
