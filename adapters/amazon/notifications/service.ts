import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../../src/errors/classes.js';
import { parseInput } from '../../../src/errors/from-response.js';
import type { CallOptions } from '../../../src/http/call-options.js';
import type { RawClient } from '../../../src/http/operation.js';
import type { AmazonContext } from '../context.js';
import { AmazonSqsSource, type AmazonSqsSourceOptions } from './sqs-source.js';
import { NOTIFICATION_TYPES, notificationOps, PAYLOAD_VERSIONS, type AmazonNotificationOperations, type AmazonNotificationType, type Destination, type Subscription } from './operations.js';

/** #/definitions/SqsResource arn: maxLength 1000, pattern ^arn:aws:sqs:\S+:\S+:\S+ */
const SQS_ARN = /^arn:aws:sqs:\S+:\S+:\S+/;

const SetupSchema = z.object({
  queueArn: z.string().max(1000).regex(SQS_ARN, 'must be an SQS queue ARN (arn:aws:sqs:region:account:name)'),
  types: z.array(z.enum(NOTIFICATION_TYPES as [AmazonNotificationType, ...AmazonNotificationType[]])).min(1),
  /** #/definitions/Destination name: maxLength 256. */
  name: z.string().min(1).max(256).optional(),
});
/** `setupNotifications` input: the SQS queue ARN, the notification types, an optional destination name. */
export type SetupNotificationsInput = z.input<typeof SetupSchema>;

/** What `setupNotifications` found or created. */
export interface SetupNotificationsResult {
  destinationId: string;
  destination: 'created' | 'existing';
  subscriptions: Array<{
    type: AmazonNotificationType;
    subscriptionId: string;
    payloadVersion: string;
    /** `other_destination`: this seller already has this type delivered elsewhere; left untouched. */
    status: 'created' | 'existing' | 'other_destination';
  }>;
}

/** `adapter.notifications`: the Notifications API of one seller account. */
export interface AmazonNotificationsService {
  /** Typed Notifications API operations (grantless ones carry the app's client_credentials token). */
  readonly raw: RawClient<AmazonNotificationOperations>;
  /**
   * Idempotent: reuses the destination with this queue ARN and each existing subscription, creates
   * what is missing. Safe to run at every start.
   */
  setupNotifications(input: SetupNotificationsInput, opts?: CallOptions): Promise<SetupNotificationsResult>;
  /** An {@link AmazonSqsSource} on this adapter's clock and time scale (the sandbox's, when pointed at it). */
  sqsSource(opts: Omit<AmazonSqsSourceOptions, 'timeScale'>): AmazonSqsSource;
}

/** Builds `adapter.notifications` on the adapter's pipeline. */
export function notificationsService(ctx: AmazonContext): AmazonNotificationsService {
  const raw = ctx.pipeline.raw(notificationOps);

  async function findDestination(arn: string, opts?: CallOptions): Promise<Destination | undefined> {
    const res = await raw.getDestinations({}, opts);
    return res.data.payload?.find((d) => d.resource.sqs?.arn === arn);
  }

  async function ensureDestination(arn: string, name: string, opts?: CallOptions): Promise<{ id: string; created: boolean }> {
    const existing = await findDestination(arn, opts);
    if (existing) return { id: existing.destinationId, created: false };
    try {
      const res = await raw.createDestination({ body: { name, resourceSpecification: { sqs: { arn } } } }, opts);
      if (res.data.payload) return { id: res.data.payload.destinationId, created: true };
    } catch (e) {
      // 409 Conflict "A destination with arn … already exists for the application" (notifications.json
      // createDestination 409; github.com/amzn/selling-partner-api-docs/issues/1800): read it back.
      if (!(e instanceof ConflictError)) throw e;
    }
    const raced = await findDestination(arn, opts);
    if (!raced) throw new ConflictError({ marketplace: 'amazon', operation: 'createDestination', message: 'createDestination conflicted but no destination with this queue ARN is listed' });
    return { id: raced.destinationId, created: false };
  }

  async function currentSubscription(type: AmazonNotificationType, opts?: CallOptions): Promise<Subscription | undefined> {
    try {
      const res = await raw.getSubscription({ params: { notificationType: type }, query: { payloadVersion: PAYLOAD_VERSIONS[type] } }, opts);
      return res.data.payload;
    } catch (e) {
      // getSubscription 404: "The resource specified does not exist." (notifications.json).
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  async function ensureSubscription(type: AmazonNotificationType, destinationId: string, opts?: CallOptions): Promise<SetupNotificationsResult['subscriptions'][number]> {
    const describe = (s: Subscription, created: boolean) => ({
      type, subscriptionId: s.subscriptionId, payloadVersion: s.payloadVersion,
      status: created ? ('created' as const) : s.destinationId === destinationId ? ('existing' as const) : ('other_destination' as const),
    });
    const existing = await currentSubscription(type, opts);
    if (existing) return describe(existing, false);
    try {
      const res = await raw.createSubscription({ params: { notificationType: type }, body: { payloadVersion: PAYLOAD_VERSIONS[type], destinationId } }, opts);
      if (res.data.payload) return describe(res.data.payload, true);
    } catch (e) {
      // A duplicate answers 409 StateConflict "Subscription already exist for notification type …"
      // with no subscription in the body (notifications.json createSubscription 409;
      // github.com/amzn/selling-partner-api-models/issues/2737): read the existing one back.
      if (!(e instanceof ConflictError)) throw e;
    }
    const raced = await currentSubscription(type, opts);
    if (!raced) throw new ConflictError({ marketplace: 'amazon', operation: 'createSubscription', message: `createSubscription(${type}) conflicted but getSubscription finds none` });
    return describe(raced, false);
  }

  return {
    raw,
    sqsSource: (opts) => new AmazonSqsSource({ clock: ctx.clock, ...opts, timeScale: ctx.config.parsed.timeScale }),
    async setupNotifications(input, opts) {
      const parsed = parseInput(SetupSchema, input, 'input');
      const dest = await ensureDestination(parsed.queueArn, parsed.name ?? `xborder-${parsed.queueArn.split(':').pop()}`, opts);
      const subscriptions: SetupNotificationsResult['subscriptions'] = [];
      // Sequential: the plans allow 1 request per second (burst 5); the limiter paces them anyway.
      for (const type of [...new Set(parsed.types)]) subscriptions.push(await ensureSubscription(type, dest.id, opts));
      return { destinationId: dest.id, destination: dest.created ? 'created' : 'existing', subscriptions };
    },
  };
}
