import { createHash, randomUUID } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { dailyPlan } from '../rate-plans.js';
import { fail, invalidToken, ok, tooManyRequests } from './responses.js';
import type { EbaySandboxState } from './state.js';
import { emitNotification } from './notifications-emit.js';
import { notificationWorld, type NotificationWorld } from './notifications-state.js';

/**
 * The Notification API of the eBay simulator (specs/ebay/commerce_notification_v1_oas3.json):
 * public keys, config, destinations validated by the challenge, subscriptions. Error ids are the
 * contract's x-response-codes.
 */
const N = '/commerce/notification/v1';
// Each errorId and message below is the one its operation lists in specs/ebay/commerce_notification_v1_oas3.json x-response-codes.
const err = (status: number, errorId: number, message: string) => fail(status, { errorId, domain: 'API_NOTIFICATION', category: 'REQUEST', message });
/** Notification API calls per day (research B4, unconfirmed copy of the API Call Limits page). */
const PLAN = dailyPlan(10_000);
/** Topics the simulator emits (Notification API release notes; AsyncAPI contracts per topic). */
const TOPICS = [
  { topicId: 'ORDER_CONFIRMATION', scope: 'USER', status: 'ENABLED', description: 'A buyer completed checkout.' },
  { topicId: 'ITEM_MARKED_SHIPPED', scope: 'USER', status: 'ENABLED', description: 'An item was marked shipped.' },
  { topicId: 'MARKETPLACE_ACCOUNT_DELETION', scope: 'APPLICATION', status: 'ENABLED', description: 'A user asked eBay to delete their account.' },
].map((t) => ({ ...t, supportedPayloads: [{ format: ['JSON'], schemaVersion: '1.0', deliveryProtocol: 'HTTPS', deprecated: false }] }));

/** Registers the Notification API routes. */
export function installNotifications(router: Router, state: EbaySandboxState, ctx: SandboxContext, rateLimits: boolean): void {
  const w = notificationWorld(state, ctx);
  const authed = (h: (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>) => async (req: SandboxRequest) => {
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const known = state.tokens.get(token);
    if (!known || known.expiresAt <= ctx.clock.now()) return invalidToken();
    if (rateLimits) {
      const took = ctx.limits.take(`${known.userId}:notification`, PLAN);
      if (!took.ok) return tooManyRequests(took.retryAfterMs);
    }
    return h(req);
  };
  const add = (method: string, path: string, h: (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>) => router.add(method, `${N}${path}`, authed(h));

  add('GET', '/public_key/{public_key_id}', (req) =>
    req.params.public_key_id === w.kid ? ok({ algorithm: 'ECDSA', digest: 'SHA1', key: w.publicKeyPem }) : err(404, 195001, 'The specified key id is invalid.'));
  add('GET', '/topic', () => ok({ total: TOPICS.length, limit: 100, topics: TOPICS }));
  add('GET', '/topic/{topic_id}', (req) => {
    const t = TOPICS.find((x) => x.topicId === req.params.topic_id);
    return t ? ok(t) : err(404, 195002, 'Invalid or missing topic id.');
  });
  add('GET', '/config', () => (w.alertEmail ? ok({ alertEmail: w.alertEmail }) : err(404, 195026, 'Configuration Not Found.')));
  add('PUT', '/config', (req) => {
    const b = req.json<{ alertEmail?: string }>();
    if (!b?.alertEmail) return err(400, 195025, 'Invalid or missing email.');
    w.alertEmail = b.alertEmail;
    return ok(undefined, 204);
  });
  installDestinations(add, w);
  installSubscriptions(add, w, state);
}

type Add = (method: string, path: string, h: (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>) => void;

function installDestinations(add: Add, w: NotificationWorld): void {
  add('POST', '/destination', async (req) => {
    const b = req.json<{ name?: string; status?: string; deliveryConfig?: { endpoint?: string; verificationToken?: string } }>() ?? {};
    if (!b.name || b.name.length > 64) return err(400, 195016, 'Invalid name. Markups or lengths greater than 64 not supported');
    const endpoint = b.deliveryConfig?.endpoint;
    if (!endpoint || !/^https?:\/\//.test(endpoint)) return err(400, 195017, 'Invalid or missing endpoint.');
    if (b.status !== 'ENABLED' && b.status !== 'DISABLED') return err(400, 195018, 'Invalid or missing destination status. Supported values:[ENABLED,DISABLED]');
    const token = b.deliveryConfig?.verificationToken;
    if (!token) return err(400, 195019, 'Invalid or missing verification token for this endpoint.');
    if (!w.alertEmail) return err(409, 195003, 'Please provide configurations required for notifications. Refer to /config');
    if ([...w.destinations.values()].some((d) => d.deliveryConfig.endpoint === endpoint)) return err(409, 195021, 'Destination exists for this endpoint');
    if (!(await challengePasses(endpoint, token))) return err(409, 195020, 'Challenge verification failed for requested endpoint');
    const id = randomUUID();
    w.destinations.set(id, { destinationId: id, name: b.name, status: b.status, deliveryConfig: { endpoint, verificationToken: token } });
    return ok(undefined, 201, { Location: `${N}/destination/${id}` });
  });
  add('GET', '/destination', () => ok({ total: w.destinations.size, limit: 100, destinations: [...w.destinations.values()] }));
  add('GET', '/destination/{destination_id}', (req) => {
    const d = w.destinations.get(req.params.destination_id!);
    return d ? ok(d) : err(404, 195022, 'Invalid or missing destination id.');
  });
  add('DELETE', '/destination/{destination_id}', (req) => {
    const id = req.params.destination_id!;
    if (!w.destinations.has(id)) return err(404, 195022, 'Invalid or missing destination id.');
    if ([...w.subscriptions.values()].some((s) => s.destinationId === id)) return err(409, 195024, 'Destination is in use and cannot be deleted.');
    w.destinations.delete(id);
    return ok(undefined, 204);
  });
}

/**
 * eBay validates an endpoint before it accepts it: GET endpoint?challenge_code=…, expecting
 * {"challengeResponse": hex(SHA-256(challengeCode + verificationToken + endpoint))}
 * (https://developer.ebay.com/marketplace-account-deletion). Computed here independently.
 */
async function challengePasses(endpoint: string, token: string): Promise<boolean> {
  const code = randomUUID();
  const url = new URL(endpoint);
  url.searchParams.set('challenge_code', code);
  try {
    const res = await fetch(url);
    const body = (await res.json()) as { challengeResponse?: string };
    return res.status === 200 && body.challengeResponse === createHash('sha256').update(code + token + endpoint).digest('hex');
  } catch {
    return false;
  }
}

function installSubscriptions(add: Add, w: NotificationWorld, state: EbaySandboxState): void {
  const find = (req: SandboxRequest) => w.subscriptions.get(req.params.subscription_id!);
  const missing = () => err(404, 195013, 'Invalid subscription Id.');
  add('POST', '/subscription', (req) => {
    const b = req.json<{ topicId?: string; status?: string; destinationId?: string; payload?: { format?: string; schemaVersion?: string; deliveryProtocol?: string } }>() ?? {};
    if (!TOPICS.some((t) => t.topicId === b.topicId)) return err(400, 195027, 'Invalid or missing topic id.');
    if (b.status !== 'ENABLED' && b.status !== 'DISABLED') return err(400, 195006, 'Invalid or missing subscription status.');
    const dest = b.destinationId ? w.destinations.get(b.destinationId) : undefined;
    if (!dest) return err(400, 195007, 'Invalid or missing destination id.');
    if (b.payload?.schemaVersion !== '1.0') return err(400, 195008, 'Invalid or missing schema version. Please refer to /topic/{topic_id} for supported schema versions.');
    if (b.payload?.format !== 'JSON') return err(400, 195009, 'Specified format is not supported for the topic.');
    if (b.payload?.deliveryProtocol !== 'HTTPS') return err(400, 195010, 'Invalid or missing protocol');
    if (!w.alertEmail) return err(409, 195003, 'Please provide configurations required for notifications. Refer to /config');
    if ([...w.subscriptions.values()].some((s) => s.topicId === b.topicId && s.destinationId === dest.destinationId)) return err(409, 195012, 'Subscription already exists');
    if (b.status === 'ENABLED' && dest.status !== 'ENABLED') return err(409, 195015, 'The subscription cannot be enabled since the destination is not enabled.');
    const id = randomUUID();
    w.subscriptions.set(id, {
      subscriptionId: id, topicId: b.topicId!, status: b.status, destinationId: dest.destinationId,
      payload: { format: 'JSON', schemaVersion: '1.0', deliveryProtocol: 'HTTPS' }, creationDate: new Date(w.ctx.clock.now()).toISOString(),
    });
    return ok(undefined, 201, { Location: `${N}/subscription/${id}` });
  });
  add('GET', '/subscription', () => ok({ total: w.subscriptions.size, limit: 100, subscriptions: [...w.subscriptions.values()] }));
  add('GET', '/subscription/{subscription_id}', (req) => (find(req) ? ok(find(req)) : missing()));
  add('DELETE', '/subscription/{subscription_id}', (req) => (w.subscriptions.delete(req.params.subscription_id!) ? ok(undefined, 204) : missing()));
  for (const [path, status] of [['enable', 'ENABLED'], ['disable', 'DISABLED']] as const) {
    add('POST', `/subscription/{subscription_id}/${path}`, (req) => {
      const s = find(req);
      if (!s) return missing();
      s.status = status;
      return ok(undefined, 204);
    });
  }
  // test: eBay sends a test notification of the topic to the subscription's destination (202).
  add('POST', '/subscription/{subscription_id}/test', (req) => {
    const s = find(req);
    if (!s) return missing();
    void emitNotification(state, s.topicId, { test: true });
    return ok(undefined, 202);
  });
}
