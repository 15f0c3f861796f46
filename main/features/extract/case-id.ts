// A site's own case number for the incident: `【セキュリティ事件簿#2023-306】`, `#2023-306`.

export interface CaseIdMention {
  value: string;
  start: number;
  end: number;
}

const CASE_ID = /#(?<id>(?:19|20)\d{2}-\d{1,6})(?!\d)/g;

function scan(text: string, from: number, to: number): CaseIdMention | null {
  CASE_ID.lastIndex = from;
  const m = CASE_ID.exec(text);
  if (!m || m.index >= to) return null;
  return { value: `#${m.groups?.id ?? ''}`, start: m.index, end: m.index + m[0].length };
}

export function findCaseId(text: string, titleEnd: number): CaseIdMention | null {
  // Titles carry the case number; a body may cite other cases, so it is read only near its start.
  return scan(text, 0, titleEnd) ?? scan(text, titleEnd, Math.min(text.length, titleEnd + 200));
}
