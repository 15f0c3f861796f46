// Reports of one incident share a thread key: the same victim organisation and the same title once its
// report number (第2報, (続報), 最終報) and decorations are gone. Written for the way Japanese notices are
// titled — "…への不正アクセスについて(第 2 報)" follows "…への不正アクセスについて" — and deliberately
// strict: without a known organisation nothing is chained, because a wrong chain hides a report.
import { normalizeTitleForIdentity } from '../import/item-identity.js';

const REPORT_NUMBER = /[（(［[]?\s*(?:第\s*[0-9０-９一二三四五六七八九十]+\s*報|続\s*報|最\s*終\s*報|速\s*報|確\s*報)\s*[)）］\]]?/gu;
const ORG_SUFFIX = /株式会社|\(株\)|㈱|有限会社|合同会社|inc\.?|ltd\.?|corp\.?|co\.,?/giu;

export function threadKey(organization: string | null, title: string): string | null {
  const org = (organization ?? '')
    .normalize('NFKC')
    .replace(ORG_SUFFIX, '')
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '')
    .toLowerCase();
  if (org.length === 0) return null;
  const stem = normalizeTitleForIdentity(title.normalize('NFKC').replace(REPORT_NUMBER, ' '));
  if (stem.length === 0) return null;
  return `${org}|${stem}`;
}
