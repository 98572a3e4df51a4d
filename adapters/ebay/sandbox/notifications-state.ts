import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { EbaySandboxState } from './state.js';

/** Delivery faults of the simulated Notification API, per notification (seeded PRNG). */
export interface NotificationFaultPlan {
  seed?: number;
  drop?: number;
  duplicate?: number;
  delay?: number;
  reorder?: number;
  /** Marketplace milliseconds of a delay; default [1 s, 20 s]. */
  delayMs?: [number, number];
  /** Marketplace milliseconds a reordered notification waits; default 40 s. */
  reorderMs?: number;
}

/** Counters of the simulated deliveries (Notification API: specs/ebay/commerce_notification_v1_oas3.json). */
export interface NotificationStats {
  /** Notifications addressed to a destination. */
  emitted: number;
  delivered: number;
  dropped: number;
  duplicated: number;
  delayed: number;
  reordered: number;
  /** Deliveries the endpoint did not acknowledge with 2xx. */
  failed: number;
}

/** A destination as the simulator keeps it (specs/ebay/commerce_notification_v1_oas3.json#/components/schemas/Destination). */
export interface SandboxDestination {
  destinationId: string;
  name: string;
  status: string;
  deliveryConfig: { endpoint: string; verificationToken: string };
}

/** A subscription as the simulator keeps it (specs/ebay/commerce_notification_v1_oas3.json#/components/schemas/Subscription). */
export interface SandboxSubscription {
  subscriptionId: string;
  topicId: string;
  status: string;
  destinationId: string;
  payload: { format: string; schemaVersion: string; deliveryProtocol: string };
  creationDate: string;
}

/** The Notification API's slice of the eBay simulator: its signing key, destinations, subscriptions. */
export class NotificationWorld {
  readonly kid = randomUUID();
  readonly privateKey: KeyObject;
  /** getPublicKey's `key`: PEM markers without line breaks, as eBay returns it. */
  readonly publicKeyPem: string;
  alertEmail?: string;
  readonly destinations = new Map<string, SandboxDestination>();
  readonly subscriptions = new Map<string, SandboxSubscription>();
  faults: NotificationFaultPlan = {};
  random: () => number = Math.random;
  readonly stats: NotificationStats = { emitted: 0, delivered: 0, dropped: 0, duplicated: 0, delayed: 0, reordered: 0, failed: 0 };

  constructor(readonly ctx: SandboxContext) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    this.privateKey = pair.privateKey;
    this.publicKeyPem = (pair.publicKey.export({ type: 'spki', format: 'pem' }) as string).replace(/\n/g, '');
  }
}

const worlds = new WeakMap<EbaySandboxState, NotificationWorld>();

/** The Notification API state of one eBay sandbox (created at install). */
export function notificationWorld(state: EbaySandboxState, ctx?: SandboxContext): NotificationWorld {
  let w = worlds.get(state);
  if (!w) {
    if (!ctx) throw new Error('the eBay sandbox is not started');
    worlds.set(state, (w = new NotificationWorld(ctx)));
  }
  return w;
}
