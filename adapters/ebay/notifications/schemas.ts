import { z } from 'zod';

/**
 * Notification API wire shapes (specs/ebay/commerce_notification_v1_oas3.json#/components/schemas).
 * Loose objects: fields eBay adds later are kept.
 */
export const PublicKey = z.looseObject({ algorithm: z.string().optional(), digest: z.string().optional(), key: z.string() });
/** getPublicKey's answer: the key (PEM without line breaks), its algorithm and digest. */
export type PublicKey = z.infer<typeof PublicKey>;

const PayloadDetail = z.looseObject({ format: z.string().optional(), schemaVersion: z.string().optional(), deliveryProtocol: z.string().optional() });
/** A subscription's payload format, schema version and protocol. */
export type SubscriptionPayload = z.infer<typeof PayloadDetail>;

/** A subscription as eBay returns it. */
export const Subscription = z.looseObject({
  subscriptionId: z.string(), topicId: z.string().optional(), status: z.string().optional(), creationDate: z.string().optional(),
  payload: PayloadDetail.optional(), destinationId: z.string().optional(),
});
/** A subscription as eBay returns it. */
export type Subscription = z.infer<typeof Subscription>;

/** The v1.2.0 contract types deliveryConfig as a string; eBay's pages show an object: both kept. */
export const Destination = z.looseObject({
  destinationId: z.string(), name: z.string().optional(), status: z.string().optional(),
  deliveryConfig: z.union([z.looseObject({ endpoint: z.string().optional(), verificationToken: z.string().optional() }), z.string()]).optional(),
});
/** A destination as eBay returns it. */
export type Destination = z.infer<typeof Destination>;

/** A topic as eBay returns it. */
export const Topic = z.looseObject({
  topicId: z.string(), description: z.string().optional(), authorizationScopes: z.array(z.string()).optional(), status: z.string().optional(),
  context: z.string().optional(), scope: z.string().optional(), supportedPayloads: z.array(z.unknown()).optional(),
});
/** A topic as eBay returns it. */
export type Topic = z.infer<typeof Topic>;

const paging = { total: z.number().optional(), href: z.string().optional(), next: z.string().optional(), limit: z.number().optional() };
/** getSubscriptions page. */
export const SubscriptionPage = z.looseObject({ ...paging, subscriptions: z.array(Subscription).default([]) });
/** getDestinations page. */
export const DestinationPage = z.looseObject({ ...paging, destinations: z.array(Destination).default([]) });
/** getTopics page. */
export const TopicPage = z.looseObject({ ...paging, topics: z.array(Topic).default([]) });
/** The app's notification config (alert email). */
export const Config = z.looseObject({ alertEmail: z.string().optional() });
/** The app's notification config (alert email). */
export type Config = z.infer<typeof Config>;

/** createDestination / updateDestination body. */
export interface DestinationRequest {
  name: string;
  status: 'ENABLED' | 'DISABLED';
  /** eBay validates the endpoint with a challenge_code GET (webhook.ts) before it accepts it. */
  deliveryConfig: { endpoint: string; verificationToken: string };
}

/** createSubscription body. */
export interface CreateSubscriptionRequest {
  topicId: string;
  status: 'ENABLED' | 'DISABLED';
  destinationId: string;
  payload: { format: 'JSON'; schemaVersion: string; deliveryProtocol: 'HTTPS' };
}
