import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hub, fileCheckpoints, formatSyncReport, memoryCheckpoints, type SyncEvent } from '../../../src/hub/index.js';
import type { Order } from '../../../src/model/order.js';
import { Crash, DyingStore } from './support/crash.js';
import { FakeAdapter, store } from './support/fake-adapter.js';

const MIN = 60_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');

function setup(pageSize = 3) {
  const eu = new FakeAdapter({ marketplace: 'fakezon', account: 'EU1', stores: [store('DE', 'EUR'), store('FR', 'EUR')], pageSize, orderFeedLagMs: 2 * MIN });
  const sg = new FakeAdapter({ marketplace: 'fakepee', account: 'SG1', stores: [store('SG', 'SGD')], pageSize });
  for (const a of [eu, sg]) a.now = T0;
  const hub = new Hub({ accounts: { eu, sg } });
  return { hub, eu, sg };
}

/** What an ERP received: every (account, id, updatedAt) version, in order. */
function erp() {
  const got: Array<{ account: string; id: string; at: string; store: string }> = [];
  return {
    got,
    handle: async (o: Order, ctx: { account: string; store: string }) => void got.push({ account: ctx.account, id: o.id, at: o.updatedAt.utc, store: ctx.store }),
    has: (account: string, o: Order) => got.some((g) => g.account === account && g.id === o.id && g.at === o.updatedAt.utc),
  };
}

describe('hub.orders.sync', () => {
  it('reads one feed per account, commits the frozen bound, and does not redeliver unchanged orders', async () => {
    const { hub, eu, sg } = setup(10);
    for (let i = 0; i < 7; i++) eu.putOrder(`E${i}`, T0 - 15 * MIN + i * MIN, i % 2 ? 'FR' : 'DE');
    for (let i = 0; i < 4; i++) sg.putOrder(`S${i}`, T0 - 30 * MIN + i * MIN);
    const sink = erp();
    const checkpoints = memoryCheckpoints();
    const now = () => eu.now;
    const r1 = await hub.orders.sync({ checkpoints, handle: sink.handle, now });
    expect(r1.ok).toBe(true);
    expect(sink.got.filter((g) => g.account === 'eu')).toHaveLength(7);
    expect(sink.got.find((g) => g.id === 'E1')!.store).toBe('eu:FR');
    // A window that fits one page is one request, bounded by the frozen `until`.
    expect(eu.listCalls).toBe(1);
    expect(r1.accounts.find((a) => a.account === 'eu')!.last!.slices).toBe(1);
    // Bound = start − lag: the adapter's declared lag for eu (sg declares none: its window ends at now).
    expect((await checkpoints.get('eu'))!.until).toBe(new Date(T0 - 2 * MIN).toISOString());
    expect((await checkpoints.get('eu'))!.next).toBe(new Date(T0 - 12 * MIN).toISOString());
    expect(r1.accounts.find((a) => a.account === 'eu')!.committedUntil).toBe(new Date(T0 - 2 * MIN).toISOString());

    // Later: one order changes, one is new; orders inside the overlap come back but are not redelivered.
    for (const a of [eu, sg]) a.now = T0 + 5 * MIN;
    eu.putOrder('E6', T0 + 1 * MIN);
    eu.putOrder('E7', T0 + 2 * MIN);
    const r2 = await hub.orders.sync({ checkpoints, handle: sink.handle, now });
    const eu2 = r2.accounts.find((a) => a.account === 'eu')!;
    expect(eu2.delivered).toBe(2);
    expect(eu2.duplicates).toBe(3); // E3..E5 sit in the 10-minute overlap
    expect(sink.got.filter((g) => g.id === 'E6')).toHaveLength(2);
    expect(formatSyncReport(r2)).toMatch(/eu\s+fakezon\s+1\s+2/);
  });

  it('a handler failing mid-window keeps the checkpoint where it was; the next run resumes without loss', async () => {
    const { hub, eu } = setup();
    for (let i = 0; i < 8; i++) eu.putOrder(`E${i}`, T0 - 20 * MIN + i * MIN);
    const sink = erp();
    let calls = 0;
    const flaky = async (o: Order, ctx: { account: string; store: string }) => {
      if (++calls === 5) throw new Error('ERP is down');
      await sink.handle(o, ctx);
    };
    const checkpoints = memoryCheckpoints();
    const r1 = await hub.orders.sync({ checkpoints, handle: flaky, accounts: ['eu'], now: () => eu.now, since: new Date(T0 - 60 * MIN) });
    expect(r1.ok).toBe(false);
    const last = r1.accounts[0]!.last!;
    expect(last.committed).toBe(false);
    expect(last.error).toMatchObject({ code: 'INTERNAL', message: 'ERP is down', orderId: 'E4' });
    const cp = await checkpoints.get('eu');
    expect(cp!.until).toBeUndefined();
    // The watermark stopped at the start of the failed slice: behind E4, past what was delivered before it.
    expect(Date.parse(cp!.next!)).toBeLessThanOrEqual(T0 - 16 * MIN);
    expect(Date.parse(cp!.next!)).toBeGreaterThan(T0 - 60 * MIN);

    const r2 = await hub.orders.sync({ checkpoints, handle: flaky, accounts: ['eu'], now: () => eu.now, since: new Date(T0 - 60 * MIN) });
    expect(r2.ok).toBe(true);
    expect(sink.got.map((g) => g.id).sort()).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7']);
    // Only the failed slice is read again: what it delivered before the failure is recognised.
    expect(r2.accounts[0]!.duplicates).toBeGreaterThanOrEqual(1);
  });

  it('a one-second slice denser than a page is paged and re-listed until a pass proves the one before it', async () => {
    for (const maxPasses of [3, 2]) {
      const { hub, eu } = setup(3);
      // Nine orders updated within the same second: no narrower slice exists, so it is paged.
      for (let i = 0; i < 9; i++) eu.putOrder(`E${i}`, T0 - 30 * MIN + i);
      // Before page 2: E1 (already read) is updated now; it leaves the window and E3..E8 shift
      // up by one, so this pass never lists E3.
      eu.beforePage = (n) => {
        if (n === 1 && eu.orderBook.get('E1')!.updatedAt.utc !== new Date(T0).toISOString()) eu.putOrder('E1', T0);
      };
      const sink = erp();
      const checkpoints = memoryCheckpoints();
      const r = await hub.orders.sync({ checkpoints, handle: sink.handle, accounts: ['eu'], now: () => eu.now, since: new Date(T0 - 60 * MIN), maxPasses });
      const w = r.accounts[0]!.last!;
      if (maxPasses === 3) {
        // Pass 2 misses E1 (gone), pass 3 lists all pass 2 listed: pass 2 was complete.
        expect(w.passes).toBe(3);
        expect(w.committed).toBe(true);
      } else {
        // Out of passes: the checkpoint is held, never committed past an order it may have skipped.
        expect(w.held).toBe('unsettled');
        expect((await checkpoints.get('eu'))!.until).toBeUndefined();
        expect(Date.parse((await checkpoints.get('eu'))!.next!)).toBeLessThanOrEqual(T0 - 30 * MIN);
        const again = await hub.orders.sync({ checkpoints, handle: sink.handle, accounts: ['eu'], now: () => eu.now, maxPasses });
        expect(again.accounts[0]!.last!.committed).toBe(true);
      }
      eu.beforePage = undefined;
      for (let i = 0; i < 9; i++) if (i !== 1) expect(sink.has('eu', eu.orderBook.get(`E${i}`)!)).toBe(true);
      // E1's new version lies after the bound: the next window delivers it.
      eu.now += 5 * MIN;
      await hub.orders.sync({ checkpoints, handle: sink.handle, accounts: ['eu'], now: () => eu.now, maxPasses });
      for (const o of eu.orderBook.values()) expect(sink.has('eu', o)).toBe(true);
    }
  });

  it('a quarantined record holds the checkpoint behind it and is reported until it reads cleanly', async () => {
    const { hub, eu } = setup();
    for (let i = 0; i < 5; i++) eu.putOrder(`E${i}`, T0 - 20 * MIN + i * MIN);
    eu.malformed.add('E2');
    const sink = erp();
    const checkpoints = memoryCheckpoints();
    const opts = { checkpoints, handle: sink.handle, accounts: ['eu'], now: () => eu.now, since: new Date(T0 - 60 * MIN) };
    const r1 = await hub.orders.sync(opts);
    expect(r1.ok).toBe(false);
    expect(r1.accounts[0]!.last).toMatchObject({ held: 'quarantined', committed: false, delivered: 4 });
    expect(r1.accounts[0]!.last!.quarantined[0]).toMatchObject({ recordId: 'E2' });
    expect(formatSyncReport(r1)).toMatch(/1 quarantined record\(s\) hold the checkpoint/);
    const held = (await checkpoints.get('eu'))!;
    expect(held.until).toBeUndefined();
    // Held at the start of the slice that held the bad record (at or before E2's update).
    expect(Date.parse(held.next!)).toBeLessThanOrEqual(T0 - 18 * MIN);
    expect(Date.parse(held.next!)).toBeGreaterThanOrEqual(T0 - 60 * MIN);
    expect(held.held).toMatchObject({ reason: 'quarantined', records: [{ recordId: 'E2' }] });

    eu.malformed.delete('E2'); // the adapter learned to read it
    eu.now += 10 * MIN;
    const r2 = await hub.orders.sync(opts);
    expect(r2.ok).toBe(true);
    expect(r2.accounts[0]!.delivered).toBe(1);
    expect(sink.got.map((g) => g.id).sort()).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
    expect((await checkpoints.get('eu'))!.held).toBeUndefined();

    eu.malformed.add('E4');
    eu.putOrder('E4', eu.now - 5 * MIN);
    const r3 = await hub.orders.sync({ ...opts, quarantine: 'skip' });
    expect(r3.accounts[0]!.last).toMatchObject({ committed: true });
    expect(r3.accounts[0]!.last!.quarantined).toHaveLength(1);
  });

  it('a crash at any point loses no order and never leaves a checkpoint ahead of delivered orders', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ crashAtDelivery: fc.option(fc.integer({ min: 1, max: 12 })), crashAtWrite: fc.option(fc.integer({ min: 1, max: 6 })), updates: fc.array(fc.nat(14), { maxLength: 5 }) }), { minLength: 2, maxLength: 5 }),
        async (runs) => {
          const { hub, eu } = setup(4);
          for (let i = 0; i < 15; i++) eu.putOrder(`E${String(i).padStart(2, '0')}`, T0 - 50 * MIN + i * 2 * MIN, i % 3 ? 'DE' : 'FR');
          const sink = erp();
          const base = memoryCheckpoints();
          const violations: string[] = [];
          const check = (_: string, cp: { until?: string }) => {
            for (const o of eu.orderBook.values()) {
              if (Date.parse(o.updatedAt.utc) < Date.parse(cp.until!) && !sink.has('eu', o)) violations.push(`${o.id}@${o.updatedAt.utc} behind ${cp.until}`);
            }
          };
          const runOnce = async (crashAtDelivery: number | null, crashAtWrite: number | null) => {
            const store = new DyingStore(base, crashAtWrite ?? undefined, check);
            let n = 0;
            const handle = async (o: Order, ctx: { account: string; store: string }) => {
              if (store.dead) throw new Crash();
              if (crashAtDelivery !== null && ++n === crashAtDelivery) {
                store.die();
                throw new Crash();
              }
              await sink.handle(o, ctx);
            };
            // Orders keep changing while the scan runs (they move pages).
            eu.beforePage = (p) => {
              if (p === 1) eu.putOrder('E00', eu.now - 30_000);
            };
            // A crash ends the process: whatever sync() reports afterwards is never seen.
            await hub.orders.sync({ checkpoints: store, handle, accounts: ['eu'], now: () => eu.now, since: new Date(T0 - 120 * MIN), overlapMs: 5 * MIN }).catch((e) => {
              if (!(e instanceof Crash)) throw e;
            });
          };
          for (const r of runs) {
            await runOnce(r.crashAtDelivery, r.crashAtWrite);
            eu.now += 3 * MIN;
            for (const u of r.updates) eu.putOrder(`E${String(u).padStart(2, '0')}`, eu.now - 3 * MIN + u * 1000);
          }
          eu.now += 10 * MIN;
          await runOnce(null, null); // the final, healthy run
          expect(violations).toEqual([]);
          for (const o of eu.orderBook.values()) expect(sink.has('eu', o)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('follow mode polls until aborted and reports every window', async () => {
    const { hub, eu } = setup();
    eu.putOrder('E0', T0 - 10 * MIN);
    const sink = erp();
    const ctl = new AbortController();
    let idles = 0;
    const onEvent = (e: SyncEvent) => {
      if (e.type !== 'idle') return;
      idles++;
      eu.now += MIN;
      eu.putOrder(`N${idles}`, eu.now - 3 * MIN);
      if (idles === 3) ctl.abort();
    };
    const r = await hub.orders.sync({ checkpoints: memoryCheckpoints(), handle: sink.handle, accounts: ['eu'], follow: true, intervalMs: 5, signal: ctl.signal, onEvent, now: () => eu.now });
    expect(r.ok).toBe(true);
    expect(r.accounts[0]!.windows).toBe(3);
    expect(sink.got.map((g) => g.id)).toEqual(['E0', 'N1', 'N2']);
  });

  it('file checkpoints: atomic JSON shared by accounts, readable by a new process', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'xb-cp-')), 'sync.json');
    const { hub, eu, sg } = setup();
    for (let i = 0; i < 5; i++) eu.putOrder(`E${i}`, T0 - 20 * MIN + i * MIN);
    for (let i = 0; i < 5; i++) sg.putOrder(`S${i}`, T0 - 20 * MIN + i * MIN);
    const sink = erp();
    await hub.orders.sync({ checkpoints: fileCheckpoints(file), handle: sink.handle, now: () => eu.now, since: new Date(T0 - 60 * MIN) });
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(saved.accounts).sort()).toEqual(['eu', 'sg']);
    expect(saved.accounts.eu.until).toBe(new Date(T0 - 2 * MIN).toISOString());
    const again = await hub.orders.sync({ checkpoints: fileCheckpoints(file), handle: sink.handle, now: () => eu.now });
    expect(again.delivered).toBe(0);
  });

  it('validates its options', async () => {
    const { hub } = setup();
    await expect(hub.orders.sync({ checkpoints: memoryCheckpoints(), handle: 1 as never })).rejects.toThrow(/handle/);
    await expect(hub.orders.sync({ checkpoints: {} as never, handle: () => {} })).rejects.toThrow(/CheckpointStore/);
    await expect(hub.orders.sync({ checkpoints: memoryCheckpoints(), handle: () => {}, accounts: ['zz'] })).rejects.toThrow(/accounts\[0\]|Unknown account "zz"/);
    await expect(hub.orders.sync({ checkpoints: memoryCheckpoints(), handle: () => {}, overlapMs: -1 })).rejects.toThrow(/overlapMs/);
  });
});
