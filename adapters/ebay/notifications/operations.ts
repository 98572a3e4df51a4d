import { op, type RequestParts } from '../../../src/http/operation.js';
import { dailyPlan } from '../rate-plans.js';
import type { CreateSubscriptionRequest, DestinationRequest } from './schemas.js';
import { Config, Destination, DestinationPage, PublicKey, Subscription, SubscriptionPage, Topic, TopicPage } from './schemas.js';

/**
 * Notification API operations (specs/ebay/commerce_notification_v1_oas3.json#/paths, base path
 * /commerce/notification/v1). 10,000 calls a day is from copies of eBay's API Call Limits page
 * (research B4, unconfirmed).
 */
const N = '/commerce/notification/v1';
/** Notification API calls per day (unconfirmed, see above). */
export const NOTIFICATION_DAILY_LIMIT = 10_000;
const notification = { group: 'notification', rate: dailyPlan(NOTIFICATION_DAILY_LIMIT) } as const;

type P<Params extends Record<string, string> | undefined = undefined, Q = undefined, B = undefined> = RequestParts &
  (Params extends undefined ? object : { params: Params }) & (Q extends undefined ? object : { query: Q }) & (B extends undefined ? object : { body: B });
type PageQuery = { limit?: number; continuation_token?: string };

const read = { ...notification, idempotent: true } as const;
const write = { ...notification, idempotent: true } as const;

/** The Notification API op table. */
export const notificationOps = {
  getPublicKey: op<P<{ public_key_id: string }>, PublicKey>({ id: 'getPublicKey', method: 'GET', path: `${N}/public_key/{public_key_id}`, ...read, response: PublicKey }),
  getTopics: op<P<undefined, PageQuery>, typeof TopicPage._output>({ id: 'getTopics', method: 'GET', path: `${N}/topic`, ...read, response: TopicPage }),
  getTopic: op<P<{ topic_id: string }>, Topic>({ id: 'getTopic', method: 'GET', path: `${N}/topic/{topic_id}`, ...read, response: Topic }),
  getConfig: op<P, Config>({ id: 'getConfig', method: 'GET', path: `${N}/config`, ...read, response: Config }),
  updateConfig: op<P<undefined, undefined, Config>, unknown>({ id: 'updateConfig', method: 'PUT', path: `${N}/config`, ...write }),
  getDestinations: op<P<undefined, PageQuery>, typeof DestinationPage._output>({ id: 'getDestinations', method: 'GET', path: `${N}/destination`, ...read, response: DestinationPage }),
  getDestination: op<P<{ destination_id: string }>, Destination>({ id: 'getDestination', method: 'GET', path: `${N}/destination/{destination_id}`, ...read, response: Destination }),
  /** 201 + Location; a second call with the same endpoint answers 409 (contract), so it is not replayed blindly. */
  createDestination: op<P<undefined, undefined, DestinationRequest>, unknown>({ id: 'createDestination', method: 'POST', path: `${N}/destination`, ...notification, idempotent: false }),
  updateDestination: op<P<{ destination_id: string }, undefined, DestinationRequest>, unknown>({ id: 'updateDestination', method: 'PUT', path: `${N}/destination/{destination_id}`, ...write }),
  deleteDestination: op<P<{ destination_id: string }>, unknown>({ id: 'deleteDestination', method: 'DELETE', path: `${N}/destination/{destination_id}`, ...write }),
  getSubscriptions: op<P<undefined, PageQuery>, typeof SubscriptionPage._output>({ id: 'getSubscriptions', method: 'GET', path: `${N}/subscription`, ...read, response: SubscriptionPage }),
  getSubscription: op<P<{ subscription_id: string }>, Subscription>({ id: 'getSubscription', method: 'GET', path: `${N}/subscription/{subscription_id}`, ...read, response: Subscription }),
  /** 201 + Location; 409 when this topic/destination pair exists (contract). */
  createSubscription: op<P<undefined, undefined, CreateSubscriptionRequest>, unknown>({ id: 'createSubscription', method: 'POST', path: `${N}/subscription`, ...notification, idempotent: false }),
  enableSubscription: op<P<{ subscription_id: string }>, unknown>({ id: 'enableSubscription', method: 'POST', path: `${N}/subscription/{subscription_id}/enable`, ...write }),
  disableSubscription: op<P<{ subscription_id: string }>, unknown>({ id: 'disableSubscription', method: 'POST', path: `${N}/subscription/{subscription_id}/disable`, ...write }),
  /** 202 Accepted: eBay sends a test notification to the subscription's destination. */
  testSubscription: op<P<{ subscription_id: string }>, unknown>({ id: 'test', method: 'POST', path: `${N}/subscription/{subscription_id}/test`, ...notification, idempotent: false }),
  deleteSubscription: op<P<{ subscription_id: string }>, unknown>({ id: 'deleteSubscription', method: 'DELETE', path: `${N}/subscription/{subscription_id}`, ...write }),
};
/** Type of {@link notificationOps}. */
export type NotificationOperations = typeof notificationOps;
