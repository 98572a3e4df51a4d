const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Dates repeat (one per day) in hot paths: remember the ones already checked.
const seenDates = new Set<string>();

/** A real calendar date written YYYY-MM-DD (leap years included); cheap for repeated dates. */
export function isCalendarDate(s: string): boolean {
  if (seenDates.has(s)) return true;
  if (!checkDate(s)) return false;
  if (seenDates.size > 10_000) seenDates.clear();
  seenDates.add(s);
  return true;
}

function checkDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS[mo - 1]!);
}
