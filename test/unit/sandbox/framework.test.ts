import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, Router, startSandbox, type RunningSandbox, type SandboxModule } from '../../../src/sandbox/index.js';

function echoModule(): SandboxModule<{ hits: number }> {
  const state = { hits: 0 };
  return {
    name: 'echo',
    state,
    install(router: Router, ctx) {
      router.add('GET', '/items/{id}', (req) => {
        const ok = ctx.limits.take('seller:items', { perSecond: 1, burst: 2 });
        if (!ok.ok) return { status: 429, body: { errors: [{ code: 'QuotaExceeded' }] } };
        state.hits++;
        return { status: 200, body: { id: req.params.id, q: req.query.get('q') } };
      });
      router.add('POST', '/items', (req) => ({ status: 201, body: req.json() }));
    },
    throttled: () => ({ status: 429, body: { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota' }] } }),
    serverError: () => ({ status: 503, body: { errors: [{ code: 'ServiceUnavailable' }] } }),
  };
}

let sb: RunningSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const http = axios.create({ validateStatus: () => true, proxy: false });

describe('sandbox framework', () => {
  it('serves module routes on loopback with params, query and JSON bodies', async () => {
    sb = await startSandbox({ marketplaces: { echo: echoModule() } });
    expect(sb.urls.echo).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await http.get(`${sb.urls.echo}/items/a%20b?q=1`);
    expect(r.data).toEqual({ id: 'a b', q: '1' });
    const c = await http.post(`${sb.urls.echo}/items`, { x: 1 });
    expect([c.status, c.data]).toEqual([201, { x: 1 }]);
    expect((await http.get(`${sb.urls.echo}/nope`)).status).toBe(404);
  });

  it('enforces rate plans with the module response, on an injectable clock', async () => {
    const clock = new ManualClock(0);
    sb = await startSandbox({ marketplaces: { echo: echoModule() }, clock });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await http.get(`${sb.urls.echo}/items/1`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    clock.advance(1000);
    expect((await http.get(`${sb.urls.echo}/items/1`)).status).toBe(200);
    expect(sb.limits.echo!.throttled).toBe(1);
  });

  it('injects seeded faults: 429, 5xx and connection resets, reproducibly', async () => {
    sb = await startSandbox({ marketplaces: { echo: echoModule() }, faults: { seed: 7, rate5xx: 1, maxFaults: 1 } });
    expect((await http.get(`${sb.urls.echo}/items/1`)).status).toBe(503);
    expect((await http.get(`${sb.urls.echo}/items/1`)).status).toBe(200);
    sb.faults.set({ resetAfterRate: 1, maxFaults: 1 });
    const before = (sb.state.echo as { hits: number }).hits;
    await expect(http.get(`${sb.urls.echo}/items/2`)).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|ERR_BAD_RESPONSE|socket hang up/) });
    expect((sb.state.echo as { hits: number }).hits).toBe(before + 1); // the handler ran: an ambiguous write
    sb.faults.set({ rate429: 1, maxFaults: 1 });
    const t = await http.get(`${sb.urls.echo}/items/3`);
    expect([t.status, t.data.errors[0].code]).toEqual([429, 'QuotaExceeded']);
  });
});
