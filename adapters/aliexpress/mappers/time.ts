import { formatLocal, zoneOffsetMinutes } from '../../../src/paginate/time-windows.js';
import { DEFAULTS } from '../config.js';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * A gateway time → UTC ISO. `yyyy-MM-dd HH:mm:ss` strings are US Pacific wall-clock time (the
 * order APIs say so for their filters; the DTO times are read the same way); ISO strings with a
 * zone and epoch milliseconds are taken as they are. In the repeated DST hour the earlier instant wins.
 */
export function pacificToUtc(raw: string | number, timeZone: string = DEFAULTS.timeZone): string {
  if (typeof raw === 'number' || /^\d{12,}$/.test(raw)) return new Date(Number(raw)).toISOString();
  const m = LOCAL.exec(raw.trim());
  if (!m) {
    const t = Date.parse(raw);
    if (Number.isNaN(t)) throw new Error(`unreadable time "${raw}"`);
    return new Date(t).toISOString();
  }
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  const wall = `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`;
  // Try both offsets seen around the instant; keep the earliest that shows this wall-clock time.
  const candidates = [-12, 0, 12].map((h) => zoneOffsetMinutes(new Date(asUtc + h * 3600_000), timeZone));
  const hits = [...new Set(candidates)].map((off) => asUtc - off * 60_000).filter((t) => formatLocal(new Date(t), timeZone) === wall).sort((a, b) => a - b);
  return new Date(hits[0] ?? asUtc - candidates[1]! * 60_000).toISOString();
}
