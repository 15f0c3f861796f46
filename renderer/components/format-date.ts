// Dates as officers write them in reports: YYYY-MM-DD, and YYYY-MM-DD HH:mm in local time for events.

/** `2019-12-10`, `2019-12-10T00:00:00Z` → `2019-12-10`; anything else as it was. */
export function formatDay(value: string | null): string | null {
  if (!value) return null;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value);
  return match ? match[0] : value;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An ISO timestamp in local time, `YYYY-MM-DD HH:mm`. */
export function formatTimestamp(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
