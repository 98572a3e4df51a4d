import type { SandboxContext } from '../../../src/sandbox/module.js';
import { seededRandom } from '../../../src/sandbox/random.js';
import type { AmazonSandboxState } from './state.js';
import { SqsWorld } from './sqs.js';

/** A destination the sandbox holds. */
export interface SandboxDestination {
  destinationId: string;
  name: string;
  arn: string;
}

/** A subscription the sandbox holds. */
export interface SandboxSubscription {
  subscriptionId: string;
  sellerId: string;
  notificationType: string;
  payloadVersion: string;
  destinationId: string;
}

/**
 * Delivery faults, drawn from their own seeded PRNG (so switching them on does not change the
 * sandbox's seed data). Amazon tells integrators to expect them: "Build a backup mechanism ... in
 * the event of an unexpected outage or delay in notification delivery" (Notifications API v1 Use
 * Case Guide, developer-docs.amazon.com/sp-api/docs/notifications-api-v1-use-case-guide); SQS
 * standard queues deliver at least once and not in order (SQSDeveloperGuide standard-queues.html).
 */
export interface NotificationFaults {
  seed?: number;
  /** Probability that a notification is never delivered. */
  dropRate?: number;
  /** Probability that it is delivered twice (two SQS messages, one NotificationId). */
  duplicateRate?: number;
  /** Amazon-time delay before it becomes visible, uniform in [min, max] ms (random delays reorder messages). */
  delayMs?: [number, number];
}

/** `amazonSandbox({ notifications })`: application id, initial queues, region, delivery faults. */
export interface NotificationsSandboxOptions {
  /** The application id Amazon writes into NotificationMetadata.ApplicationId. */
  applicationId?: string;
  /** Queue names that exist in the sandbox's AWS account from the start. */
  queues?: string[];
  region?: string;
  faults?: NotificationFaults;
}

/** The application id the sandbox writes into every notification's metadata by default. */
export const SANDBOX_APPLICATION_ID = 'amzn1.sp.solution.xborder-sandbox-0001';

/** The notifications side of the Amazon sandbox: destinations, subscriptions, the SQS account, stats. */
export class NotificationsWorld {
  readonly grantlessTokens = new Map<string, { scopes: string[]; expiresAt: number }>();
  readonly destinations = new Map<string, SandboxDestination>();
  readonly subscriptions = new Map<string, SandboxSubscription>();
  readonly sqs: SqsWorld;
  readonly applicationId: string;
  /** What the publisher did, for tests and benchmarks. */
  readonly stats = { published: 0, dropped: 0, duplicated: 0, delayed: 0 };
  /** Order id → last published state (status + buyer cancellation request). */
  readonly orderKeys = new Map<string, string>();
  /** Feeds whose FEED_PROCESSING_FINISHED was published (or that finished before any subscription). */
  readonly feedsSeen = new Set<string>();
  /** Listing key → last published merchant (DEFAULT channel) quantity (specs/amazon/ListingsItemMfnQuantityChange.json). */
  readonly mfnQuantities = new Map<string, number>();
  /** The delivery faults in force. */
  faults: NotificationFaults;
  /** The faults' own seeded PRNG. */
  random: () => number;

  constructor(readonly ctx: SandboxContext, opts: NotificationsSandboxOptions = {}) {
    this.sqs = new SqsWorld(ctx, opts.region ?? 'eu-west-1');
    this.applicationId = opts.applicationId ?? SANDBOX_APPLICATION_ID;
    this.faults = opts.faults ?? {};
    this.random = seededRandom(this.faults.seed ?? 1);
    for (const q of opts.queues ?? ['xborder-notifications']) this.sqs.queue(q);
  }

  /** Replaces the delivery faults (tests switch them on and off). */
  setFaults(faults: NotificationFaults): void {
    this.faults = faults;
    this.random = seededRandom(faults.seed ?? 1);
  }

  /** The seller's subscription to a notification type, if any. */
  subscriptionFor(sellerId: string, notificationType: string): SandboxSubscription | undefined {
    for (const s of this.subscriptions.values()) if (s.sellerId === sellerId && s.notificationType === notificationType) return s;
    return undefined;
  }
}

const worlds = new WeakMap<AmazonSandboxState, NotificationsWorld>();

/** Registers the world of a sandbox state (called by the module's install). */
export function attachNotifications(state: AmazonSandboxState, world: NotificationsWorld): void {
  worlds.set(state, world);
}

/** The notifications world of a running Amazon sandbox (`notificationsOf(sandbox.state.amazon)`). */
export function notificationsOf(state: AmazonSandboxState): NotificationsWorld {
  const w = worlds.get(state);
  if (!w) throw new Error('sandbox: the Amazon notifications module is not installed');
  return w;
}
