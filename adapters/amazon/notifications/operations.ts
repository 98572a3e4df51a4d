import { z } from 'zod';
import { op } from '../../../src/http/operation.js';
import { USAGE_PLANS } from '../rate-plans.js';

/**
 * Notifications API v1 as data (specs/amazon/notifications.json): paths, parameters and bodies
 * come from the model; usage plans from USAGE_PLANS (each operation's "Usage Plan" table).
 */
const ErrorsSchema = z.array(z.object({ code: z.string(), message: z.string(), details: z.string().optional() })).optional();

/** #/definitions/SqsResource and EventBridgeResource (kept loose: we only create SQS ones). */
export const DestinationSchema = z.object({
  name: z.string(),
  destinationId: z.string(),
  resource: z.object({ sqs: z.object({ arn: z.string() }).nullish(), eventBridge: z.unknown().optional() }).loose(),
});
/** A destination as getDestinations/createDestination return it. */
export type Destination = z.infer<typeof DestinationSchema>;

/** #/definitions/Subscription */
export const SubscriptionSchema = z.object({
  subscriptionId: z.string(),
  payloadVersion: z.string(),
  destinationId: z.string(),
  processingDirective: z.unknown().optional(),
});
/** A subscription as createSubscription/getSubscription return it. */
export type Subscription = z.infer<typeof SubscriptionSchema>;

const DestinationListResponse = z.object({ payload: z.array(DestinationSchema).optional(), errors: ErrorsSchema });
const DestinationResponse = z.object({ payload: DestinationSchema.optional(), errors: ErrorsSchema });
const SubscriptionResponse = z.object({ payload: SubscriptionSchema.optional(), errors: ErrorsSchema });
const EmptyResponse = z.object({ errors: ErrorsSchema }).loose();

/** #/definitions/CreateDestinationRequest (SQS resource only: the SDK consumes SQS). */
export interface CreateDestinationRequest {
  name: string;
  resourceSpecification: { sqs: { arn: string } };
}

/** #/definitions/CreateSubscriptionRequest */
export interface CreateSubscriptionRequest {
  payloadVersion: string;
  destinationId: string;
  processingDirective?: { eventFilter?: Record<string, unknown>; filterExpression?: string };
}

const DEST = '/notifications/v1/destinations';
const SUB = '/notifications/v1/subscriptions/{notificationType}';

/** The Notifications API v1 operations (typed raw client: `adapter.notifications.raw`). */
export const notificationOps = {
  getDestinations: op<Record<string, never>, z.infer<typeof DestinationListResponse>>({
    id: 'getDestinations', method: 'GET', path: DEST, rate: USAGE_PLANS.getDestinations, idempotent: true, response: DestinationListResponse,
  }),
  createDestination: op<{ body: CreateDestinationRequest }, z.infer<typeof DestinationResponse>>({
    // Not replayed blindly: setupNotifications re-reads getDestinations (a second create answers 409).
    id: 'createDestination', method: 'POST', path: DEST, rate: USAGE_PLANS.createDestination, idempotent: false, response: DestinationResponse,
  }),
  getDestination: op<{ params: { destinationId: string } }, z.infer<typeof DestinationResponse>>({
    id: 'getDestination', method: 'GET', path: `${DEST}/{destinationId}`, rate: USAGE_PLANS.getDestination, idempotent: true, response: DestinationResponse,
  }),
  deleteDestination: op<{ params: { destinationId: string } }, z.infer<typeof EmptyResponse>>({
    id: 'deleteDestination', method: 'DELETE', path: `${DEST}/{destinationId}`, rate: USAGE_PLANS.deleteDestination, idempotent: true, response: EmptyResponse,
  }),
  getSubscription: op<{ params: { notificationType: string }; query?: { payloadVersion?: string } }, z.infer<typeof SubscriptionResponse>>({
    id: 'getSubscription', method: 'GET', path: SUB, rate: USAGE_PLANS.getSubscription, idempotent: true, response: SubscriptionResponse,
  }),
  createSubscription: op<{ params: { notificationType: string }; body: CreateSubscriptionRequest }, z.infer<typeof SubscriptionResponse>>({
    // Not replayed blindly: a duplicate answers 409 StateConflict, which setupNotifications reads back.
    id: 'createSubscription', method: 'POST', path: SUB, rate: USAGE_PLANS.createSubscription, idempotent: false, response: SubscriptionResponse,
  }),
  getSubscriptionById: op<{ params: { notificationType: string; subscriptionId: string } }, z.infer<typeof SubscriptionResponse>>({
    id: 'getSubscriptionById', method: 'GET', path: `${SUB}/{subscriptionId}`, rate: USAGE_PLANS.getSubscriptionById, idempotent: true, response: SubscriptionResponse,
  }),
  deleteSubscriptionById: op<{ params: { notificationType: string; subscriptionId: string } }, z.infer<typeof EmptyResponse>>({
    id: 'deleteSubscriptionById', method: 'DELETE', path: `${SUB}/{subscriptionId}`, rate: USAGE_PLANS.deleteSubscriptionById, idempotent: true, response: EmptyResponse,
  }),
} as const;

/** The Notifications API operation table's type. */
export type AmazonNotificationOperations = typeof notificationOps;

/**
 * Operations that take a grantless token (client_credentials, scope sellingpartnerapi::notifications):
 * the table in developer-docs.amazon.com/sp-api/docs/grantless-operations, and "is grantless" in each
 * operation's description in notifications.json. createSubscription/getSubscription need the seller's grant.
 */
export const GRANTLESS_OPERATIONS: ReadonlySet<string> = new Set(['getDestinations', 'createDestination', 'getDestination', 'deleteDestination', 'getSubscriptionById', 'deleteSubscriptionById']);

/** The LWA scope of the grantless Notifications operations. */
export const NOTIFICATIONS_SCOPE = 'sellingpartnerapi::notifications';

/**
 * The notification types this SDK subscribes to and interprets, with the payload version each
 * payload schema documents (specs/amazon/<Type>Notification*.json examples: PayloadVersion).
 */
export const PAYLOAD_VERSIONS = {
  ORDER_CHANGE: '1.0',
  LISTINGS_ITEM_STATUS_CHANGE: '1.0',
  LISTINGS_ITEM_ISSUES_CHANGE: '2023-12-13',
  LISTINGS_ITEM_MFN_QUANTITY_CHANGE: '1.0',
  FEED_PROCESSING_FINISHED: '2020-09-04',
  REPORT_PROCESSING_FINISHED: '2020-09-04',
} as const;
/** A notification type this SDK subscribes to and maps to events. */
export type AmazonNotificationType = keyof typeof PAYLOAD_VERSIONS;
/** Every {@link AmazonNotificationType}. */
export const NOTIFICATION_TYPES = Object.keys(PAYLOAD_VERSIONS) as AmazonNotificationType[];
