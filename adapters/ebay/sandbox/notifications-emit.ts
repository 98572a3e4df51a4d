import { randomUUID, sign } from 'node:crypto';
import { scaleOf } from '../../../src/sandbox/clock.js';
import { seededRandom } from '../../../src/sandbox/random.js';
import type { EbaySandboxState } from './state.js';
import { notificationWorld, type NotificationFaultPlan, type NotificationStats, type NotificationWorld } from './notifications-state.js';

/** Sets the delivery faults of the simulated notifications (seeded: the same seed, the same faults). */
export function setNotificationFaults(state: EbaySandboxState, plan: NotificationFaultPlan): NotificationStats {
  const w = notificationWorld(state);
  w.faults = plan;
  w.random = seededRandom(plan.seed ?? 1);
  return w.stats;
}

/**
 * Sends one notification of `topic` to every enabled subscription of it whose destination is
 * enabled, in eBay's envelope `{ metadata, notification: { notificationId, eventDate,
 * publishDate, publishAttemptCount, data } }` (AsyncAPI contracts, e.g.
 * https://developer.ebay.com/api-docs/master/commerce/notification/asyncapi/order_confirmation.yaml)
 * with X-EBAY-SIGNATURE = base64 JSON {alg, kid, signature, digest}: an ECDSA signature of the
 * body by the key getPublicKey serves for `kid` (getPublicKey method page; digest SHA1 as in the
 * contract's PublicKey example). Resolves when every delivery settled (delays included).
 */
export async function emitNotification(state: EbaySandboxState, topic: string, data: Record<string, unknown>): Promise<void> {
  const w = notificationWorld(state);
  const targets = [...w.subscriptions.values()].filter((s) => s.topicId === topic && s.status === 'ENABLED')
    .map((s) => w.destinations.get(s.destinationId))
    .filter((d) => d?.status === 'ENABLED');
  const at = new Date(w.ctx.clock.now()).toISOString();
  await Promise.all(targets.map((d) => {
    w.stats.emitted++;
    const body = JSON.stringify({
      metadata: { topic, schemaVersion: '1.0', deprecated: false },
      notification: { notificationId: randomUUID(), eventDate: at, publishDate: at, publishAttemptCount: 1, data },
    });
    return deliver(w, d!.deliveryConfig.endpoint, body);
  }));
}

async function deliver(w: NotificationWorld, endpoint: string, body: string): Promise<void> {
  const r = w.random;
  const p = w.faults;
  if (r() < (p.drop ?? 0)) {
    w.stats.dropped++;
    return;
  }
  const copies = r() < (p.duplicate ?? 0) ? 2 : 1;
  if (copies === 2) w.stats.duplicated++;
  let waitMs = 0;
  if (r() < (p.reorder ?? 0)) {
    w.stats.reordered++;
    waitMs = p.reorderMs ?? 40_000;
  } else if (r() < (p.delay ?? 0)) {
    w.stats.delayed++;
    const [lo, hi] = p.delayMs ?? [1_000, 20_000];
    waitMs = lo + Math.floor(r() * (hi - lo));
  }
  if (waitMs) await new Promise((res) => setTimeout(res, waitMs / scaleOf(w.ctx.clock)));
  const header = Buffer.from(JSON.stringify({ alg: 'ecdsa', kid: w.kid, signature: sign('sha1', Buffer.from(body), w.privateKey).toString('base64'), digest: 'SHA1' })).toString('base64');
  let ok = false;
  for (let i = 0; i < copies; i++) {
    try {
      const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ebay-signature': header }, body });
      await res.arrayBuffer();
      ok ||= res.ok;
    } catch {
      /* counted below */
    }
  }
  if (ok) w.stats.delivered++;
  else w.stats.failed++;
}
