import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecbRates } from '../../../src/currency/index.js';
import { ecbSandbox, startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ marketplaces: { ecb: ecbSandbox({ days: { '2026-11-20': { USD: '1.0512', JPY: '162.31' }, '2026-11-19': { USD: '1.0500', JPY: '162.00' } } }) } });
});
afterAll(() => sb.close());

describe('ECB-shaped sandbox feed', () => {
  it('is read by the real ECB provider (daily and history)', async () => {
    const ecb = ecbRates({ endpoint: sb.urls.ecb });
    const latest = await ecb.getRates();
    expect(latest).toMatchObject({ base: 'EUR', asOf: '2026-11-20' });
    expect(latest.rates.USD).toBe('1.0512');
    const older = await ecb.getRates({ asOf: '2026-11-19' });
    expect(older.rates.JPY).toBe('162.00');
  });
});
