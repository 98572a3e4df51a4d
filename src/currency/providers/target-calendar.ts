/**
 * TARGET working days and ECB publication instants. The ECB publishes reference rates at about
 * 16:00 CET on TARGET days: Monday–Friday except 1 Jan, Good Friday, Easter Monday, 1 May,
 * 25 and 26 Dec (research B4.1). Dates are 'YYYY-MM-DD' strings in Frankfurt local time.
 */

const DAY_MS = 86_400_000;
export const PUBLICATION_HOUR = 16;

const toUtcMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtcMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Day of week, 0 = Sunday. */
export function weekday(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, Set<string>>();
function holidays(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    const easter = easterSunday(year);
    set = new Set([`${year}-01-01`, addDays(easter, -2), addDays(easter, 1), `${year}-05-01`, `${year}-12-25`, `${year}-12-26`]);
    holidayCache.set(year, set);
  }
  return set;
}

/** Whether the ECB publishes reference rates on `date` (a TARGET2 business day: weekdays except its holidays). */
export function isTargetDay(date: string): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !holidays(Number(date.slice(0, 4))).has(date);
}

/** The TARGET day on or before `date`. */
export function targetDayOnOrBefore(date: string): string {
  let d = date;
  while (!isTargetDay(d)) d = addDays(d, -1);
  return d;
}

const berlinParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'shortOffset',
});

function berlin(ms: number): { date: string; offsetMin: number } {
  const parts = Object.fromEntries(berlinParts.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(parts.timeZoneName ?? '');
  const offsetMin = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 60;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, offsetMin };
}

/** The calendar date in Frankfurt at instant `ms`. */
export function frankfurtDate(ms: number): string {
  return berlin(ms).date;
}

/** The instant of 16:00 Frankfurt time (CET or CEST) on `date`. */
export function publicationInstant(date: string): number {
  const naive = toUtcMs(date) + PUBLICATION_HOUR * 3_600_000;
  return naive - berlin(naive - 3_600_000).offsetMin * 60_000;
}

/** The date of the latest reference rates published at or before instant `ms`. */
export function latestPublicationDate(ms: number): string {
  let d = targetDayOnOrBefore(frankfurtDate(ms));
  if (publicationInstant(d) > ms) d = targetDayOnOrBefore(addDays(d, -1));
  return d;
}

/** The first publication instant strictly after `ms` (when a cached feed becomes stale). */
export function nextPublicationAfter(ms: number): number {
  let d = frankfurtDate(ms);
  for (;;) {
    if (isTargetDay(d)) {
      const at = publicationInstant(d);
      if (at > ms) return at;
    }
    d = addDays(d, 1);
  }
}
