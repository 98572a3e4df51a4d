import { NotFoundError } from '../../../src/errors/classes.js';
import type { CallOptions } from '../../../src/http/call-options.js';
import type { WebhookVerifier } from '../../../src/notifications/verifier.js';
import type { EbayContext } from '../context.js';
import { notificationOps as ops } from './operations.js';
import type { Config, Destination, PublicKey, Subscription, Topic } from './schemas.js';
import { parsePublicKey } from './signature.js';
import { ebayWebhookVerifier, type EbayWebhookOptions, type PublicKeyResolver } from './webhook.js';

/** "Cache the public key … one hour is recommended" (getPublicKey method page). */
export const PUBLIC_KEY_TTL_MS = 60 * 60_000;

const idFromLocation = (headers: Record<string, string>) => (headers.location ?? headers.Location ?? '').split('/').filter(Boolean).pop() ?? '';
const tokenOf = (next: string | undefined) => (next ? new URL(next, 'https://api.ebay.com').searchParams.get('continuation_token') ?? undefined : undefined);

/** A destination: where eBay POSTs notifications, validated by the challenge first. */
export interface CreateDestinationInput {
  /** Up to 64 characters (contract error 195016). */
  name: string;
  /** The HTTPS endpoint, exactly as the receiver's `endpoint` option. */
  endpoint: string;
  /** The token the challenge hash includes. */
  verificationToken: string;
  /** Default ENABLED. */
  status?: 'ENABLED' | 'DISABLED';
}

/** A subscription of one topic to one destination. */
export interface CreateSubscriptionInput {
  /** e.g. ORDER_CONFIRMATION (read them with topics.list()). */
  topicId: string;
  /** From destinations.create(). */
  destinationId: string;
  /** Default ENABLED. */
  status?: 'ENABLED' | 'DISABLED';
  /** The topic's supported schema version (getTopic → supportedPayloads); default '1.0'. */
  schemaVersion?: string;
}

/** The Notification API for one adapter instance: typed operations, the key cache and the webhook verifier. */
export class EbayNotifications {
  private readonly keys = new Map<string, { at: number; value: Promise<PublicKey | undefined> }>();

  constructor(private readonly ctx: EbayContext) {}

  /** A public key by id, cached per kid for an hour; undefined when eBay answers 404. */
  getPublicKey(kid: string, opts?: CallOptions): Promise<PublicKey | undefined> {
    const now = this.ctx.clock.now();
    const hit = this.keys.get(kid);
    if (hit && now - hit.at < PUBLIC_KEY_TTL_MS) return hit.value;
    const value = this.ctx.call(ops.getPublicKey, { params: { public_key_id: kid } }, opts).then(
      (r) => r.data,
      (e) => {
        if (e instanceof NotFoundError) return undefined;
        this.keys.delete(kid); // a failed fetch is not cached
        throw e;
      },
    );
    this.keys.set(kid, { at: now, value });
    return value;
  }

  /** The verifier for createWebhookReceiver({ ebay }). */
  webhook(opts: EbayWebhookOptions): WebhookVerifier {
    const parsed = new Map<string, ReturnType<typeof parsePublicKey>>();
    const resolve: PublicKeyResolver = async (kid) => {
      const k = await this.getPublicKey(kid);
      if (!k) return undefined;
      let key = parsed.get(k.key);
      if (!key) parsed.set(k.key, (key = parsePublicKey(k.key)));
      return { key, digest: k.digest };
    };
    return ebayWebhookVerifier(resolve, { ...opts, account: opts.account ?? this.ctx.account, now: opts.now ?? (() => this.ctx.clock.now()) });
  }

  /** Destinations (the endpoints eBay delivers to). */
  readonly destinations = {
    /** Creates a destination (createDestination) and returns its id, read from the Location header. */
    create: async (input: CreateDestinationInput, opts?: CallOptions): Promise<string> => {
      const r = await this.ctx.call(ops.createDestination, { body: { name: input.name, status: input.status ?? 'ENABLED', deliveryConfig: { endpoint: input.endpoint, verificationToken: input.verificationToken } } }, opts);
      return idFromLocation(r.headers);
    },
    /** One destination by id (getDestination). */
    get: async (id: string, opts?: CallOptions): Promise<Destination> => (await this.ctx.call(ops.getDestination, { params: { destination_id: id } }, opts)).data,
    /** Every destination, following the continuation pages (getDestinations). */
    list: (opts?: CallOptions): Promise<Destination[]> => this.all((q) => this.ctx.call(ops.getDestinations, { query: q }, opts), (d) => d.destinations),
    /** Deletes a destination (deleteDestination). */
    delete: async (id: string, opts?: CallOptions): Promise<void> => void (await this.ctx.call(ops.deleteDestination, { params: { destination_id: id } }, opts)),
  };

  /** Subscriptions (one topic delivered to one destination). */
  readonly subscriptions = {
    /** Creates a JSON/HTTPS subscription (createSubscription) and returns its id, read from the Location header. */
    create: async (input: CreateSubscriptionInput, opts?: CallOptions): Promise<string> => {
      const body = { topicId: input.topicId, destinationId: input.destinationId, status: input.status ?? 'ENABLED', payload: { format: 'JSON', schemaVersion: input.schemaVersion ?? '1.0', deliveryProtocol: 'HTTPS' } } as const;
      return idFromLocation((await this.ctx.call(ops.createSubscription, { body }, opts)).headers);
    },
    /** One subscription by id (getSubscription). */
    get: async (id: string, opts?: CallOptions): Promise<Subscription> => (await this.ctx.call(ops.getSubscription, { params: { subscription_id: id } }, opts)).data,
    /** Every subscription, following the continuation pages (getSubscriptions). */
    list: (opts?: CallOptions): Promise<Subscription[]> => this.all((q) => this.ctx.call(ops.getSubscriptions, { query: q }, opts), (d) => d.subscriptions),
    /** Enables a subscription (enableSubscription). */
    enable: async (id: string, opts?: CallOptions): Promise<void> => void (await this.ctx.call(ops.enableSubscription, { params: { subscription_id: id } }, opts)),
    /** Disables a subscription (disableSubscription). */
    disable: async (id: string, opts?: CallOptions): Promise<void> => void (await this.ctx.call(ops.disableSubscription, { params: { subscription_id: id } }, opts)),
    /** eBay sends a test notification to the destination (202). */
    test: async (id: string, opts?: CallOptions): Promise<void> => void (await this.ctx.call(ops.testSubscription, { params: { subscription_id: id } }, opts)),
    /** Deletes a subscription (deleteSubscription). */
    delete: async (id: string, opts?: CallOptions): Promise<void> => void (await this.ctx.call(ops.deleteSubscription, { params: { subscription_id: id } }, opts)),
  };

  /** Topics (the notification types one can subscribe to). */
  readonly topics = {
    /** Every topic, following the continuation pages (getTopics). */
    list: (opts?: CallOptions): Promise<Topic[]> => this.all((q) => this.ctx.call(ops.getTopics, { query: q }, opts), (d) => d.topics),
    /** One topic by id, with its supported payloads (getTopic). */
    get: async (id: string, opts?: CallOptions): Promise<Topic> => (await this.ctx.call(ops.getTopic, { params: { topic_id: id } }, opts)).data,
  };

  /** The application's notification configuration (its alert email). */
  readonly config = {
    /** Reads the configuration (getConfig). */
    get: async (opts?: CallOptions): Promise<Config> => (await this.ctx.call(ops.getConfig, {}, opts)).data,
    /** Replaces the configuration (updateConfig). */
    update: async (config: Config, opts?: CallOptions): Promise<void> => void (await this.ctx.call(ops.updateConfig, { body: config }, opts)),
  };

  /** Follows `next` (continuation_token) to the end; these lists are small (topics, subscriptions). */
  private async all<D extends { next?: string }, T>(page: (q: { limit: number; continuation_token?: string }) => Promise<{ data: D }>, items: (d: D) => T[]): Promise<T[]> {
    const out: T[] = [];
    let token: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const { data } = await page({ limit: 100, ...(token ? { continuation_token: token } : {}) });
      out.push(...items(data));
      token = tokenOf(data.next);
      if (!token) break;
    }
    return out;
  }
}
