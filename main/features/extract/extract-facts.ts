import { itemText, type ExtractInput, type ExtractedFacts, type Fact, type Span } from '../../../shared/domain/facts.js';
import { findAffectedFacts } from './affected-facts.js';
import { judgeAppi } from './appi.js';
import { findCaseId } from './case-id.js';
import { findCategory } from './category.js';
import { findCausesAndCountermeasures } from './causes-countermeasures.js';
import { findCves, findProducts } from './cves-products.js';
import { findDataTypes } from './data-types.js';
import { findIncidentDates } from './incident-dates.js';
import { daysBetween, findDates } from './japanese-dates.js';
import { findKind } from './kind.js';
import { normalizeText, toOriginalSpan, type NormalizedText } from './normalize-text.js';
import { findOrganization } from './organization.js';
import { findReportSeq } from './report-seq.js';
import { suggestSeverity } from './severity.js';

/** Bumped whenever a rule changes, so stored facts older than the extractor are recomputed. */
export const EXTRACTOR_VERSION = 3;

// Rules read a bounded prefix of very long texts: a notice states its facts early, and a 1 MB paste must still
// be read in well under a second.
const MAX_CHARS = 100_000;

const RELATED = /あわせてご覧|併せてご覧|関連記事|関連リンク|関連ニュース|あわせて読みたい|合わせて読みたい|こちらもおすすめ|Related (?:articles|posts|stories|news)|Read more:/gi;
const NO_LEAK = /(?:流出|漏え?い|漏洩)(?:等)?(?:は|の(?:事実|可能性|形跡)は)(?:一切)?(?:ない|なかった|ありません|ございません|確認されていない|確認されておりません|認められない)|no (?:evidence|indication) (?:of|that) (?:any )?(?:personal|customer) data|no (?:personal|customer) (?:data|information) was (?:accessed|compromised)/i;
const LEAKED = /窃取され|流出し(?:た|まし)|漏え?いし(?:た|まし)|漏洩し(?:た|まし)|盗まれ|was stolen|were stolen|exfiltrated/;
const PERSONAL_DATA = /情報漏え?い|情報漏洩|情報流出|個人情報|個人データ|顧客情報|会員情報|患者情報|利用者情報|お客様(?:の)?情報|応募者情報|視聴者情報|personal (?:information|data)|customer (?:data|information)|\bPII\b/gi;
const SKIMMING = /スキミング|決済画面(?:の|が)?改ざん|偽の決済|ペイメントアプリケーション(?:の|が)?改ざん|カード情報入力(?:画面|フォーム)|skimm|magecart|fake payment/gi;
const OUTAGE = /(?:システム|サービス|業務|サーバー?|校務|営業|診療|受付|ネットワーク)[^。\n]{0,12}?(?:停止|休止|利用できな|ダウン|不能)|障害が発生|outage|downtime|systems? (?:were|was|went) (?:down|offline)|shut down/gi;

// Blog pages list other stories (`関連記事はこちらから 日本郵便へ不正アクセス、…約2万9千件…`) whose figures are not
// this item's. The list runs from the marker to the next full stop; it is blanked with spaces of the same length so
// every offset stays valid, and the advice after it is still read.
function blankRelatedLinks(text: string, from: number): string {
  let out = text;
  RELATED.lastIndex = from;
  for (let m = RELATED.exec(out); m !== null; m = RELATED.exec(out)) {
    const stop = out.indexOf('。', m.index);
    const end = stop < 0 ? out.length : stop + 1;
    out = out.slice(0, m.index) + ' '.repeat(end - m.index) + out.slice(end);
    RELATED.lastIndex = end;
  }
  return out;
}

function spanOf(norm: NormalizedText, start: number, end: number): Span[] {
  return start < 0 ? [] : [toOriginalSpan(norm, start, end)];
}

function fact<T>(norm: NormalizedText, value: T, found: { start: number; end: number } | null): Fact<T> {
  return { value, evidence: found ? spanOf(norm, found.start, found.end) : [] };
}

function allSpans(norm: NormalizedText, text: string, pattern: RegExp, limit = 5): Span[] {
  const out: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null && out.length < limit; m = pattern.exec(text)) {
    out.push(toOriginalSpan(norm, m.index, m.index + m[0].length));
  }
  return out;
}

function isDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

export function extractFacts(input: ExtractInput): ExtractedFacts {
  const title = input.title ?? '';
  const full = itemText(title, input.body ?? '');
  const norm = normalizeText(full.length > MAX_CHARS ? full.slice(0, MAX_CHARS) : full, title.length);
  const titleEnd = norm.titleEnd;
  const text = blankRelatedLinks(norm.text, titleEnd);
  const sourcePublished = isDate(input.publishedAt) ? input.publishedAt : null;

  // The kind decides whose name to prefer (the victim of an incident, the publisher of a report), and a named
  // organisation helps decide the kind: a first guess, then the kind again with the organisation known.
  const firstGuess = findKind(text, titleEnd, input.sourceCategory, true);
  const organization = findOrganization(text, titleEnd, input.sourceOrganization, firstGuess.value !== 'incident');
  const kind = findKind(text, titleEnd, input.sourceCategory, organization !== null);
  // Advisories have a category too (a phishing wave is phishing_fraud, an Emotet warning malware).
  const categoryFound = kind.value === 'incident' || kind.value === 'advisory' ? findCategory(text, titleEnd, input.sourceCategory) : null;
  const dates = findIncidentDates(text, titleEnd, sourcePublished, kind.value === 'incident');
  const publishedAt = sourcePublished ?? dates.publishedAt?.value ?? null;
  // The feed's date is the publication; where the text writes the same date, that is its evidence.
  const publishedEvidence = sourcePublished
    ? findDates(text.slice(0, Math.min(text.length, titleEnd + 400)), sourcePublished).find((d) => d.value === sourcePublished) ?? null
    : dates.publishedAt;

  const dataTypes = findDataTypes(text, 0, text.length);
  const dataTypeFacts = dataTypes.map((d) => fact(norm, d.value, d));
  const incident = kind.value === 'incident';
  const none = { value: null, evidence: [] };
  const affected = incident ? findAffectedFacts(text, titleEnd, norm) : { people: none, records: none, organizations: none };
  const lists = findCausesAndCountermeasures(text, titleEnd, text.length);
  const categoryEvidence = categoryFound ? spanOf(norm, categoryFound.start, categoryFound.end) : [];

  const appi = judgeAppi({
    kind: kind.value,
    category: categoryFound?.value ?? null,
    categoryEvidence,
    dataTypes: dataTypeFacts,
    people: affected.people,
    records: affected.records,
    personalDataEvidence: allSpans(norm, text, PERSONAL_DATA, 1),
    skimmingEvidence: allSpans(norm, text, SKIMMING, 1),
    // `YCA: 漏洩はなかった` beside `YC: 個人情報が窃取された`: one positive statement outweighs a negative one.
    saysNoLeak: NO_LEAK.test(text) && !LEAKED.test(text),
  });

  const lagFrom = dates.detectedAt?.value ?? dates.occurredAt?.value ?? null;
  const lag = publishedAt !== null && lagFrom !== null ? daysBetween(lagFrom, publishedAt) : null;

  OUTAGE.lastIndex = 0;
  const severity = suggestSeverity({
    kind: kind.value,
    category: categoryFound?.value ?? null,
    people: affected.people.value,
    records: affected.records.value,
    dataTypes: dataTypes.map((d) => d.value),
    outage: categoryFound?.value === 'system_failure' || OUTAGE.test(text),
  });

  return {
    extractorVersion: EXTRACTOR_VERSION,
    kind: fact(norm, kind.value, kind.start >= 0 ? kind : null),
    category: fact(norm, categoryFound?.value ?? null, categoryFound && categoryFound.start >= 0 ? categoryFound : null),
    organization: fact(norm, organization?.value ?? null, organization && organization.start >= 0 ? organization : null),
    publishedAt: fact(norm, publishedAt, publishedEvidence),
    occurredAt: fact(norm, dates.occurredAt?.value ?? null, dates.occurredAt),
    detectedAt: fact(norm, dates.detectedAt?.value ?? null, dates.detectedAt),
    reportSeq: (() => {
      const seq = findReportSeq(text, titleEnd);
      return fact(norm, seq?.value ?? null, seq);
    })(),
    caseId: (() => {
      const id = findCaseId(text, titleEnd);
      return fact(norm, id?.value ?? null, id);
    })(),
    affected: { people: affected.people, records: affected.records, organizations: affected.organizations },
    dataTypes: dataTypeFacts,
    cves: findCves(text).map((c) => fact(norm, c.value, c)),
    products: findProducts(text).map((p) => fact(norm, p.value, p)),
    causes: lists.causes.map((c) => fact(norm, c.value, c)),
    countermeasures: lists.countermeasures.map((c) => fact(norm, c.value, c)),
    appi: { reportable: appi.reportable, reasons: appi.reasons },
    disclosureLagDays: lag !== null && lag >= 0 ? lag : null,
    severity,
  };
}
