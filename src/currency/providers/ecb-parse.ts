import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { ResponseShapeError } from '../../errors/classes.js';
import { isKnownCurrency } from '../../model/currencies.js';

/** One publication day of the ECB feed: 1 EUR = rates[code] × code. */
export interface EcbDay {
  date: string;
  rates: Record<string, string>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // The feed mixes the gesmes: prefix with a default namespace; match by local name.
  removeNSPrefix: true,
  parseAttributeValue: false,
  isArray: (name, jpath) => name === 'Cube' && jpath !== 'Envelope.Cube',
  jPath: true,
});

const RateCubeSchema = z.object({ '@_currency': z.string(), '@_rate': z.string() });
const DayCubeSchema = z.object({
  '@_time': z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  Cube: z.array(RateCubeSchema).optional(),
});
const EnvelopeSchema = z.object({
  Envelope: z.object({ Cube: z.object({ Cube: z.array(DayCubeSchema) }) }),
});

const RATE = /^\d+(?:\.\d+)?$/;

/**
 * Parses eurofxref-daily / -hist-90d / -hist XML into days, newest first. Codes that left ISO 4217
 * (CYP, SIT, ROL... in the full history) and non-numeric or zero rates are dropped.
 */
export function parseEcbXml(xml: string, source = 'ecb'): EcbDay[] {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (err) {
    throw shapeError(source, 'the feed is not well-formed XML', err);
  }
  const r = EnvelopeSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw shapeError(source, `unexpected ECB feed shape at ${issue?.path.join('.') || 'root'}: ${issue?.message ?? ''}`);
  }
  const days: EcbDay[] = r.data.Envelope.Cube.Cube.map((day) => {
    const rates: Record<string, string> = {};
    for (const c of day.Cube ?? []) {
      const code = c['@_currency'].trim();
      const rate = c['@_rate'].trim();
      if (isKnownCurrency(code) && code !== 'EUR' && RATE.test(rate) && /[1-9]/.test(rate)) rates[code] = rate;
    }
    return { date: day['@_time'], rates };
  });
  return days.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

function shapeError(source: string, message: string, cause?: unknown): ResponseShapeError {
  return new ResponseShapeError({ marketplace: 'ecb', operation: 'getReferenceRates', message: `${source}: ${message}`, issues: [{ path: '', message }], cause });
}

/** The newest day on or before `asOf` (weekends/holidays resolve to the last published day). */
export function dayOnOrBefore(days: readonly EcbDay[], asOf: string): EcbDay | undefined {
  // Days are sorted newest first: the first one not after asOf wins.
  for (const d of days) if (d.date <= asOf) return d;
  return undefined;
}
