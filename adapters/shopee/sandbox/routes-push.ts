import { scaleOf } from '../../../src/sandbox/clock.js';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import { seededRandom } from '../../../src/sandbox/random.js';
import type { Router } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import { bodyOf, route } from './gate.js';
import { pushAuthorization } from './signature.js';
import type { ShopeeSandboxState } from './world.js';

const THREE_DAYS_S = 3 * 86400;

/** The lost-push backlog: earliest 100 unconfirmed messages of the last 3 days, confirmed by id. */
export function installPush(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  installPushRelay(router, world, ctx);
  route(router, world, ctx, 'GET', '/api/v2/push/get_lost_push_message', () => {
    const open = world.lostPushes.filter((m) => !m.confirmed && m.timestamp >= world.nowSeconds() - THREE_DAYS_S).sort((a, b) => a.id - b.id);
    const page = open.slice(0, 100);
    return ok({
      push_message_list: page.map((m) => ({ shop_id: m.shop_id, code: m.code, timestamp: m.timestamp, data: m.data })),
      has_next_page: open.length > 100,
      ...(page.length ? { last_message_id: page[page.length - 1]!.id } : {}),
    });
  });

  // Refusals: specs/shopee/v2.push.confirm_consumed_lost_push_message.json error_list.
  route(router, world, ctx, 'POST', '/api/v2/push/confirm_consumed_lost_push_message', (req) => {
    const { body: b, res } = bodyOf<{ last_message_id?: number }>(req);
    if (res) return res;
    if (typeof b.last_message_id !== 'number') return fail('error_param', 'Wrong parameters, detail: last_message_id is required.');
    for (const m of world.lostPushes) if (m.id <= b.last_message_id) m.confirmed = true;
    return ok();
  });
}

/**
 * Push delivery faults (issue 22.7). `routePushes` points the simulator's push URL at a relay inside
 * the sandbox, which forwards each signed push to the real target with seeded faults:
 * - drop: the delivery fails (503 to the simulator), so the push goes to the lost-push backlog,
 *   as Shopee keeps pushes it could not deliver (research A6; get_lost_push_message).
 * - duplicate: delivered twice, as Shopee retries a push it has no 2xx for (research A6).
 * - delay / reorder: delivered later (reorder: later than the pushes after it).
 * The relay re-signs for the target URL exactly as Shopee signs: HMAC-SHA256(partner key,
 * URL + "|" + body) (research A6), over the unchanged body bytes.
 */
export interface PushFaultPlan {
  seed?: number;
  /** Probability per push of each fault (0..1). */
  drop?: number;
  duplicate?: number;
  delay?: number;
  reorder?: number;
  /** Marketplace milliseconds a delayed push waits; default [1 s, 20 s]. */
  delayMs?: [number, number];
  /** Marketplace milliseconds a reordered push waits; default 40 s. */
  reorderMs?: number;
}

/** Counters of the push fault relay. */
export interface PushRelayStats {
  /** Pushes the simulator sent to the relay. */
  received: number;
  forwarded: number;
  dropped: number;
  duplicated: number;
  delayed: number;
  reordered: number;
  /** Forwards the target refused or did not answer: moved to the lost-push backlog. */
  failed: number;
}

interface Relay {
  target: string;
  plan: PushFaultPlan;
  random: () => number;
  stats: PushRelayStats;
}

const RELAY_PATH = '/_sandbox/push-relay';
const contexts = new WeakMap<ShopeeSandboxState, SandboxContext>();
const relays = new WeakMap<ShopeeSandboxState, Relay>();

/** Registers the relay route (installPush calls it). */
export function installPushRelay(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  contexts.set(world, ctx);
  router.add('POST', RELAY_PATH, (req) => {
    const relay = relays.get(world);
    if (!relay) return { status: 404 };
    relay.stats.received++;
    const r = relay.random;
    const p = relay.plan;
    if (r() < (p.drop ?? 0)) {
      relay.stats.dropped++;
      return { status: 503 };
    }
    const copies = r() < (p.duplicate ?? 0) ? 2 : 1;
    if (copies === 2) relay.stats.duplicated++;
    let waitMs = 0;
    if (r() < (p.reorder ?? 0)) {
      relay.stats.reordered++;
      waitMs = p.reorderMs ?? 40_000;
    } else if (r() < (p.delay ?? 0)) {
      relay.stats.delayed++;
      const [lo, hi] = p.delayMs ?? [1_000, 20_000];
      waitMs = lo + Math.floor(r() * (hi - lo));
    }
    const body = req.rawBody.toString('utf8');
    void forward(world, ctx, relay, body, copies, waitMs);
    return { status: 200 };
  });
}

/** Sends the simulator's pushes through the fault relay to `target` (state.pushUrl stays the relay). */
export function routePushes(world: ShopeeSandboxState, target: string, plan: PushFaultPlan = {}): PushRelayStats {
  const ctx = contexts.get(world);
  if (!ctx) throw new Error('routePushes: the Shopee sandbox is not started');
  const relay: Relay = { target, plan, random: seededRandom(plan.seed ?? 1), stats: { received: 0, forwarded: 0, dropped: 0, duplicated: 0, delayed: 0, reordered: 0, failed: 0 } };
  relays.set(world, relay);
  world.pushUrl = `${ctx.baseUrl()}${RELAY_PATH}`;
  return relay.stats;
}

async function forward(world: ShopeeSandboxState, ctx: SandboxContext, relay: Relay, body: string, copies: number, waitMs: number): Promise<void> {
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs / scaleOf(ctx.clock)));
  const key = [...world.partners.values()][0]!;
  let ok = false;
  for (let i = 0; i < copies; i++) {
    try {
      const res = await fetch(relay.target, { method: 'POST', headers: { 'content-type': 'application/json', authorization: pushAuthorization(key, relay.target, body) }, body });
      await res.arrayBuffer();
      ok ||= res.status >= 200 && res.status < 300;
    } catch {
      /* counted below */
    }
  }
  if (ok) {
    relay.stats.forwarded++;
    return;
  }
  relay.stats.failed++;
  // Not delivered: kept in the backlog like any push Shopee could not deliver (research A6).
  const push = JSON.parse(body) as { shop_id?: number; code: number; timestamp: number; data: unknown };
  world.lostPushes.push({ id: world.nextId(), shop_id: push.shop_id, code: push.code, timestamp: push.timestamp, data: JSON.stringify(push.data), confirmed: false });
}
