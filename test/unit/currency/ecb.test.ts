import { readFileSync } from 'node:fs';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ecbRates } from '../../../src/currency/index.js';
import { parseEcbXml } from '../../../src/currency/providers/ecb-parse.js';
import {
  AbortedError, MarketplaceError, NetworkError, NotFoundError, ResponseShapeError, ValidationError,
} from '../../../src/errors/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/currency/${name}`, import.meta.url), 'utf8');
const ECB = 'https://www.ecb.europa.eu';
const PATH = '/stats/eurofxref';

/** A one-day feed in the eurofxref-daily shape. */
function dailyXml(date: string, usd: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube><Cube time='${date}'><Cube currency='USD' rate='${usd}'/><Cube currency='JPY' rate='171.94'/></Cube></Cube>
</gesmes:Envelope>`;
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.useRealTimers();
});

/** Monday 2024-07-01, 12:00 in Frankfurt (CEST): the latest publication is Friday 2024-06-28. */
const monday = { now: () => Date.parse('2024-07-01T10:00:00Z') };

describe('ECB XML parsing', () => {
  it('reads the daily feed: 30 currencies, base EUR, rate strings kept verbatim', () => {
    const [day, ...rest] = parseEcbXml(fixture('eurofxref-daily.xml'));
    expect(rest).toHaveLength(0);
    expect(day!.date).toBe('2024-06-28');
    expect(Object.keys(day!.rates)).toHaveLength(30);
    expect(day!.rates).toMatchObject({ USD: '1.0705', JPY: '171.94', HUF: '395.10', IDR: '17487.21' });
  });

  it('reads the 90-day feed newest first', () => {
    const days = parseEcbXml(fixture('eurofxref-hist-90d.xml'));
    expect(days.map((d) => d.date).slice(0, 3)).toEqual(['2024-06-28', '2024-06-27', '2024-06-26']);
    expect(days.at(-1)!.date).toBe('2024-04-03');
  });

  it('drops withdrawn ISO codes from the full history (CYP in 1999)', () => {
    const first = parseEcbXml(fixture('eurofxref-hist.xml')).at(-1)!;
    expect(first).toEqual({ date: '1999-01-04', rates: { USD: '1.1789', JPY: '133.73', GBP: '0.7111' } });
  });

  it('refuses a document that is not an ECB feed', () => {
    expect(() => parseEcbXml('<html><body>maintenance</body></html>')).toThrow(ResponseShapeError);
  });
});

describe('ecbRates() feed selection', () => {
  it('latest rates come from the daily feed', async () => {
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).reply(200, fixture('eurofxref-daily.xml'));
    const t = await ecbRates({ clock: monday }).getRates();
    expect(t).toMatchObject({ base: 'EUR', asOf: '2024-06-28', source: 'ecb' });
    expect(t.rates.USD).toBe('1.0705');
  });

  it('asOf today (before publication) resolves to the last published day from the daily feed', async () => {
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).reply(200, fixture('eurofxref-daily.xml'));
    const t = await ecbRates({ clock: monday }).getRates({ asOf: '2024-07-01' });
    expect(t.asOf).toBe('2024-06-28');
  });

  it('a weekend asOf within 90 days resolves to Friday from the 90-day feed', async () => {
    const scope = nock(ECB).get(`${PATH}/eurofxref-hist-90d.xml`).reply(200, fixture('eurofxref-hist-90d.xml'));
    const t = await ecbRates({ clock: monday }).getRates({ asOf: '2024-06-23' });
    expect(t.asOf).toBe('2024-06-21');
    expect(t.rates.USD).toBe('1.0697');
    scope.done();
  });

  it('a working day within 90 days is taken as published', async () => {
    nock(ECB).get(`${PATH}/eurofxref-hist-90d.xml`).reply(200, fixture('eurofxref-hist-90d.xml'));
    const t = await ecbRates({ clock: monday }).getRates({ asOf: '2024-06-26' });
    expect(t).toMatchObject({ asOf: '2024-06-26', rates: { USD: '1.0683', JPY: '171.01' } });
  });

  it('falls back to the full history when the 90-day file starts after asOf', async () => {
    // 2024-04-02 is 90 days before 2024-07-01, but the 90-day file starts on 2024-04-03.
    const s90 = nock(ECB).get(`${PATH}/eurofxref-hist-90d.xml`).reply(200, fixture('eurofxref-hist-90d.xml'));
    const sAll = nock(ECB).get(`${PATH}/eurofxref-hist.xml`).reply(200, fixture('eurofxref-hist.xml'));
    const t = await ecbRates({ clock: monday }).getRates({ asOf: '2024-04-02' });
    expect(t).toMatchObject({ asOf: '2024-04-02', rates: { USD: '1.0749' } });
    s90.done();
    sAll.done();
  });

  it('older than 90 days goes straight to the full history; Easter Monday → Maundy Thursday', async () => {
    const sAll = nock(ECB).get(`${PATH}/eurofxref-hist.xml`).reply(200, fixture('eurofxref-hist.xml'));
    const t = await ecbRates({ clock: monday }).getRates({ asOf: '2024-04-01' });
    expect(t).toMatchObject({ asOf: '2024-03-28', rates: { USD: '1.0811' } });
    sAll.done();
  });

  it('before the first fixing → NotFoundError; a malformed asOf → ValidationError naming it', async () => {
    nock(ECB).get(`${PATH}/eurofxref-hist.xml`).reply(200, fixture('eurofxref-hist.xml'));
    const ecb = ecbRates({ clock: monday });
    await expect(ecb.getRates({ asOf: '1998-12-31' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(ecb.getRates({ asOf: '2024-13-01' })).rejects.toMatchObject({ name: 'ValidationError', path: 'options.asOf' });
  });

  it('honours the endpoint override', async () => {
    const scope = nock('http://127.0.0.1:4010').get('/ecb/eurofxref-daily.xml').reply(200, fixture('eurofxref-daily.xml'));
    const t = await ecbRates({ endpoint: 'http://127.0.0.1:4010/ecb/', clock: monday }).getRates();
    expect(t.asOf).toBe('2024-06-28');
    scope.done();
  });

  it('rejects a bad endpoint at construction', () => {
    expect(() => ecbRates({ endpoint: 'not a url' })).toThrow(ValidationError);
  });
});

describe('ecbRates() errors', () => {
  it('maps 503 to a retryable MarketplaceError from "ecb"', async () => {
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).reply(503, 'busy');
    const err = await ecbRates({ clock: monday }).getRates().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MarketplaceError);
    expect(err).toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE', marketplace: 'ecb', retryable: true, status: 503 });
  });

  it('maps a connection reset to NetworkError', async () => {
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    await expect(ecbRates({ clock: monday }).getRates()).rejects.toBeInstanceOf(NetworkError);
  });

  it('an already aborted signal → AbortedError without a request', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(ecbRates({ clock: monday }).getRates({ signal: ctrl.signal })).rejects.toBeInstanceOf(AbortedError);
  });

  it('aborting while the feed is in flight → AbortedError', async () => {
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).delay(500).reply(200, fixture('eurofxref-daily.xml'));
    const ctrl = new AbortController();
    const p = ecbRates({ clock: monday }).getRates({ signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 20);
    await expect(p).rejects.toBeInstanceOf(AbortedError);
  });

  it('concurrent callers share one request', async () => {
    const scope = nock(ECB).get(`${PATH}/eurofxref-daily.xml`).once().reply(200, fixture('eurofxref-daily.xml'));
    const ecb = ecbRates({ clock: monday });
    const [a, b, c] = await Promise.all([ecb.getRates(), ecb.getRates(), ecb.getRates()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    scope.done();
  });
});

describe('ecbRates() cache until the next publication (16:00 Frankfurt time)', () => {
  it('keeps Thursday’s feed until Friday 16:00 CEST (14:00 UTC), then fetches again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-06-28T09:00:00Z'));
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).once().reply(200, dailyXml('2024-06-27', '1.0700'));
    const ecb = ecbRates();
    expect((await ecb.getRates()).asOf).toBe('2024-06-27');

    vi.setSystemTime(new Date('2024-06-28T13:59:59Z'));
    expect((await ecb.getRates()).asOf).toBe('2024-06-27'); // no request: nock would refuse

    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).once().reply(200, dailyXml('2024-06-28', '1.0705'));
    vi.setSystemTime(new Date('2024-06-28T14:00:00Z'));
    const t = await ecb.getRates();
    expect(t).toMatchObject({ asOf: '2024-06-28', rates: { USD: '1.0705' } });
  });

  it('a Friday feed stays cached over the weekend until Monday 16:00', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-06-28T15:00:00Z'));
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).once().reply(200, dailyXml('2024-06-28', '1.0705'));
    const ecb = ecbRates();
    await ecb.getRates();
    vi.setSystemTime(new Date('2024-07-01T13:59:00Z'));
    expect((await ecb.getRates()).asOf).toBe('2024-06-28');
  });

  it('uses CET in winter: publication at 15:00 UTC', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T10:00:00Z'));
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).once().reply(200, dailyXml('2026-11-19', '1.0512'));
    const ecb = ecbRates();
    await ecb.getRates();
    vi.setSystemTime(new Date('2026-11-20T14:59:59Z'));
    expect((await ecb.getRates()).asOf).toBe('2026-11-19');
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).once().reply(200, dailyXml('2026-11-20', '1.0520'));
    vi.setSystemTime(new Date('2026-11-20T15:00:00Z'));
    expect((await ecb.getRates()).asOf).toBe('2026-11-20');
  });

  it('a late publication (old file after 16:00) is re-checked 10 minutes later', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-06-28T14:01:00Z'));
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).once().reply(200, dailyXml('2024-06-27', '1.0700'));
    const ecb = ecbRates();
    expect((await ecb.getRates()).asOf).toBe('2024-06-27');
    vi.setSystemTime(new Date('2024-06-28T14:10:59Z'));
    expect((await ecb.getRates()).asOf).toBe('2024-06-27');
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).once().reply(200, dailyXml('2024-06-28', '1.0705'));
    vi.setSystemTime(new Date('2024-06-28T14:11:00Z'));
    expect((await ecb.getRates()).asOf).toBe('2024-06-28');
  });

  it('cacheTtlMs caps the cache age', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-06-28T09:00:00Z'));
    nock(ECB).get(`${PATH}/eurofxref-daily.xml`).twice().reply(200, dailyXml('2024-06-27', '1.0700'));
    const ecb = ecbRates({ cacheTtlMs: 60_000 });
    await ecb.getRates();
    vi.setSystemTime(new Date('2024-06-28T09:00:59Z'));
    await ecb.getRates();
    expect(nock.pendingMocks()).toHaveLength(1);
    vi.setSystemTime(new Date('2024-06-28T09:01:00Z'));
    await ecb.getRates();
    expect(nock.pendingMocks()).toHaveLength(0);
  });
});
