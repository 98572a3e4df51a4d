/**
 * Order watch benchmark (issue 22): the Shopee sandbox on a marketplace clock, pushes through the
 * simulator's fault relay with 10 % dropped (plus 5 % duplicated, 10 % delayed 1–20 s), the
 * webhook receiver feeding `hub.orders.watch`, and order sync polling every 5 minutes (start to
 * start) as the safety net. Two runs: `poll` (no lost-push drain: a dropped push waits for the next
 * poll, whose window ends at its start since Shopee documents no feed lag) and `drain` (Shopee's
 * lost-push backlog drained every minute). The ORDERS orders are placed over the hour before the
 * run, one every few seconds (a shop's orders do not share one second; 150 in one second would make
 * every poll window page and re-verify that second while its orders change). Each gets one change
 * (a buyer cancellation request) at a random marketplace time; the figure is change → handler
 * latency in marketplace time (p50/p95 overall, p95 of the pushed ones, max of the dropped ones;
 * target ≤ one poll interval plus the poll's own read) and the changes the handler never saw (target 0).
 * XB_BENCH_WATCH_ORDERS / XB_BENCH_WATCH_SCALE override the size and the clock compression.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { shopee } from '../adapters/shopee/index.js';
import { lostPushSource, shopeeWebhookVerifier } from '../adapters/shopee/public.js';
import { routePushes, SANDBOX_PARTNER, seedOrder, shopeeSandbox } from '../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../adapters/shopee/tokens.js';
import { Hub, memoryCheckpoints } from '../src/hub/index.js';
import { createWebhookReceiver, eventInbox } from '../src/notifications/index.js';
import { marketplaceClock, startSandbox } from '../src/sandbox/index.js';
import { MemoryTokenStore } from '../src/state/token-store.js';

const ORDERS = Number(process.env.XB_BENCH_WATCH_ORDERS ?? 150);
const SCALE = Number(process.env.XB_BENCH_WATCH_SCALE ?? 15);
const SHOP = 14701711;
const SPREAD_MS = 20 * 60_000;
const POLL_MS = 5 * 60_000;

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]! : 0);
const realWait = (marketMs: number) => new Promise((r) => setTimeout(r, marketMs / SCALE));

async function once(mode: 'poll' | 'drain'): Promise<Record<string, number>> {
  const clock = marketplaceClock({ scale: SCALE });
  const module = shopeeSandbox({ shops: [{ shopId: SHOP, region: 'SG' }] });
  const sb = await startSandbox({ marketplaces: { shopee: module }, clock });
  const world = module.state;
  const pair = world.grant(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: SHOP });
  const tokens = new MemoryTokenStore({ [tokenKey(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: SHOP })]: { ...pair, version: 1 } });
  const adapter = shopee({ region: 'SG', partnerId: SANDBOX_PARTNER.partnerId, partnerKey: SANDBOX_PARTNER.partnerKey, shopId: SHOP, tokens, endpoint: sb.urls.shopee!, clock });
  const inbox = eventInbox('shopee');
  const receiver = createWebhookReceiver({ shopee: shopeeWebhookVerifier(adapter.push), onEvent: inbox.onEvent, clock });
  const server = createServer(receiver);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const relay = routePushes(world, `http://127.0.0.1:${(server.address() as AddressInfo).port}/push`, { seed: 22, drop: 0.1, duplicate: 0.05, delay: 0.1 });

  const orders = Array.from({ length: ORDERS }, (_, i) => seedOrder(world, { createdAt: clock.now() - 55 * 60_000 + Math.floor((i * 45 * 60_000) / ORDERS) }));
  const changedAt = new Map<string, number>();
  const latency = new Map<string, { ms: number; via: 'push' | 'poll' }>();
  const ac = new AbortController();
  const hub = new Hub({ accounts: { sg: adapter } });
  const done = hub.orders.watch({
    sources: [inbox, ...(mode === 'drain' ? [lostPushSource(adapter.push, { clock, everyMs: 60_000 })] : [])], signal: ac.signal, clock,
    poll: { checkpoints: memoryCheckpoints(), since: new Date(clock.now() - 3600_000), intervalMs: POLL_MS },
    handle: (order, ctx) => {
      const t0 = changedAt.get(order.id);
      if (t0 !== undefined && !latency.has(order.id) && order.holds.includes('pending_buyer_cancellation')) latency.set(order.id, { ms: clock.now() - t0, via: ctx.via });
    },
  });
  // One change per order at a random marketplace time (deterministic spread).
  const start = clock.now();
  await Promise.all(orders.map(async (o, i) => {
    await realWait(((i * 7919) % ORDERS) / ORDERS * SPREAD_MS);
    changedAt.set(o.wire.order_sn, clock.now());
    world.requestBuyerCancellation(o.wire.order_sn);
  }));
  // Give the safety net two poll intervals (and a margin) after the last change.
  const deadline = clock.now() + 2 * POLL_MS + 3 * 60_000;
  while (latency.size < ORDERS && clock.now() < deadline) await realWait(10_000);
  ac.abort();
  const report = await done;
  server.close();
  await sb.close();

  const all = [...latency.values()].map((l) => l.ms);
  const pushed = [...latency.values()].filter((l) => l.via === 'push').map((l) => l.ms);
  const polled = [...latency.values()].filter((l) => l.via === 'poll').map((l) => l.ms);
  const figures: Record<string, number> = {
    changes: ORDERS,
    lost: ORDERS - latency.size,
    dropped: relay.dropped,
    duplicated: relay.duplicated,
    p50LatencyS: Number((pct(all, 50) / 1000).toFixed(1)),
    p95LatencyS: Number((pct(all, 95) / 1000).toFixed(1)),
    maxLatencyS: Number((Math.max(0, ...all) / 1000).toFixed(1)),
    pushP95LatencyS: Number((pct(pushed, 95) / 1000).toFixed(1)),
    pollRecovered: polled.length,
    pollMaxLatencyS: Number((Math.max(0, ...polled) / 1000).toFixed(1)),
    pollIntervalS: POLL_MS / 1000,
    replaysRefused: receiver.stats().rejected.replayed,
    marketplaceMinutes: Number(((clock.now() - start) / 60_000).toFixed(1)),
  };
  console.log(`[${mode}] ${ORDERS} changes over ${SPREAD_MS / 60_000} marketplace minutes, ${relay.dropped} pushes dropped, ${relay.duplicated} duplicated: ` +
    `latency p50 ${figures.p50LatencyS} s, p95 ${figures.p95LatencyS} s max ${figures.maxLatencyS} s (push path p95 ${figures.pushP95LatencyS} s, target ≤ 60 s); ` +
    `${polled.length} recovered by ${mode === 'drain' ? 'the drain or the poll' : 'the poll'}, max ${figures.pollMaxLatencyS} s (interval ${POLL_MS / 1000} s); lost ${figures.lost} (target 0); ` +
    `watch: ${report.events} events, ${report.reads} reads, ${report.duplicates} duplicates`);
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [`${mode}.${k}`, v]));
}

export async function run(): Promise<Record<string, number>> {
  return { ...(await once('poll')), ...(await once('drain')) };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
