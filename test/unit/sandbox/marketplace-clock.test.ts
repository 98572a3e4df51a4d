/**
 * One marketplace clock (issue 26.5): a compressed clock drives the sandbox's rate limits and the
 * adapters' waits alike, so both sides count the same marketplace seconds.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/classes.js';
import { marketplaceClock, Router, startDemoSandbox, startSandbox, type SandboxModule } from '../../../src/sandbox/index.js';

function probe(): SandboxModule<{ hits: number }> {
  const state = { hits: 0 };
  return {
    name: 'probe', state,
    install(router: Router, ctx) {
      router.add('GET', '/limited', () => {
        const r = ctx.limits.take('k', { perSecond: 1 / 60, burst: 1 });
        return r.ok ? { status: 200, body: { at: ctx.clock.now() } } : { status: 429, body: { retryAfterMs: r.retryAfterMs } };
      });
    },
    throttled: () => ({ status: 429 }),
    serverError: () => ({ status: 500 }),
  };
}

describe('marketplaceClock', () => {
  it('runs `scale` marketplace milliseconds per real millisecond, from `start`', async () => {
    const before = performance.now();
    const clock = marketplaceClock({ scale: 1000, start: Date.UTC(2026, 0, 1) });
    const t0 = clock.now();
    const realElapsed = performance.now() - before;
    // Starts at `start` and advances 1000× the real time that passed (bounded by what we measured around it).
    expect(t0).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 1));
    expect(t0 - Date.UTC(2026, 0, 1)).toBeLessThanOrEqual(Math.ceil(realElapsed * 1000) + 1);
    await clock.sleep(60_000); // one marketplace minute = 60 ms real
    expect(clock.now() - t0).toBeGreaterThanOrEqual(55_000); // timers may fire a hair early
    expect(clock.scale).toBe(1000);
  });

  it('refuses a scale that is not a positive number', () => {
    expect(() => marketplaceClock({ scale: 0 })).toThrow(ValidationError);
    expect(() => marketplaceClock({ scale: Number.NaN })).toThrow(/scale/);
  });

  it('a sleep aborts with the signal', async () => {
    const clock = marketplaceClock({ scale: 1 });
    const ac = new AbortController();
    const p = clock.sleep(60_000, ac.signal);
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('startSandbox({ clock })', () => {
  it('rate limits refill in marketplace time: a 1/min bucket serves again one marketplace minute (0.6 s real) later', async () => {
    const clock = marketplaceClock({ scale: 100 });
    const sb = await startSandbox({ marketplaces: { probe: probe() }, clock });
    try {
      expect((await fetch(`${sb.urls.probe}/limited`)).status).toBe(200);
      const refused = await fetch(`${sb.urls.probe}/limited`);
      expect(refused.status).toBe(429);
      await clock.sleep(61_000);
      expect((await fetch(`${sb.urls.probe}/limited`)).status).toBe(200);
    } finally {
      await sb.close();
    }
  });

  it('a compressed clock and a time scale would compound: refused', async () => {
    await expect(startSandbox({ marketplaces: { probe: probe() }, clock: marketplaceClock({ scale: 360 }), timeScale: 50 })).rejects.toThrow(ValidationError);
  });
});

describe('startDemoSandbox({ clock })', () => {
  it('hands the clock to the simulators and to the adapters (time scale 1: the clock is already compressed)', async () => {
    const clock = marketplaceClock({ scale: 360 });
    let seen: { clock?: unknown; timeScale?: number } = {};
    const demo = await startDemoSandbox({ clock, modules: [{ name: 'amazon', exports: { SANDBOX_CREDENTIALS: { sellerId: 'S', clientId: 'c', clientSecret: 's', refreshToken: 'r' } }, sandbox: () => probe() }] }, async (o) => {
      seen = o;
      return startSandbox(o);
    });
    try {
      expect(seen.clock).toBe(clock);
      expect(seen.timeScale).toBe(1);
      const options = demo.options<{ clock: unknown; timeScale: number }>('amazonEU');
      expect(options.clock).toBe(clock);
      expect(options.timeScale).toBe(1);
    } finally {
      await demo.close();
    }
  });

  it('without a clock the demo keeps its time scale preset and adapters get no clock', async () => {
    const demo = await startDemoSandbox({ modules: [{ name: 'amazon', exports: { SANDBOX_CREDENTIALS: { sellerId: 'S', clientId: 'c', clientSecret: 's', refreshToken: 'r' } }, sandbox: () => probe() }] }, startSandbox);
    try {
      const options = demo.options<{ clock?: unknown; timeScale: number }>('amazonEU');
      expect(options.timeScale).toBe(50);
      expect(options.clock).toBeUndefined();
    } finally {
      await demo.close();
    }
  });
});
