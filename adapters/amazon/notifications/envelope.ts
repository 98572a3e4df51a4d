import { z } from 'zod';
import type { EventKind, MarketplaceEvent } from '../../../src/notifications/event.js';
import { payloadEvent } from './payloads.js';

/**
 * The notification envelope Amazon writes to the SQS message body. ORDER_CHANGE and the listings
 * types use PascalCase keys (specs/amazon/OrderChangeNotification.json, ListingsItem*.json:
 * NotificationVersion, NotificationType, PayloadVersion, EventTime, Payload, NotificationMetadata
 * {ApplicationId, SubscriptionId, PublishTime, NotificationId}); FEED_/REPORT_PROCESSING_FINISHED
 * use camelCase ones (specs/amazon/FeedProcessingFinishedNotification.json, ReportProcessing…).
 */
const Pascal = z.object({
  NotificationVersion: z.string(),
  NotificationType: z.string().min(1),
  PayloadVersion: z.string(),
  EventTime: z.string(),
  Payload: z.record(z.string(), z.unknown()),
  NotificationMetadata: z.object({ ApplicationId: z.string(), SubscriptionId: z.string(), PublishTime: z.string(), NotificationId: z.string().min(1) }),
});
const Camel = z.object({
  notificationVersion: z.string(),
  notificationType: z.string().min(1),
  payloadVersion: z.string(),
  eventTime: z.string(),
  payload: z.record(z.string(), z.unknown()),
  notificationMetadata: z.object({ applicationId: z.string(), subscriptionId: z.string(), publishTime: z.string(), notificationId: z.string().min(1) }),
});

export interface Envelope {
  type: string;
  notificationVersion: string;
  payloadVersion: string;
  eventTime: string;
  payload: Record<string, unknown>;
  applicationId: string;
  subscriptionId: string;
  publishTime: string;
  notificationId: string;
}

export type RejectReason = 'malformed' | 'foreign_application';
export type Parsed = { ok: true; event: MarketplaceEvent; envelope: Envelope } | { ok: false; reason: RejectReason; detail: string };

function normalize(body: unknown): Envelope | undefined {
  const p = Pascal.safeParse(body);
  if (p.success) {
    const m = p.data.NotificationMetadata;
    return { type: p.data.NotificationType, notificationVersion: p.data.NotificationVersion, payloadVersion: p.data.PayloadVersion, eventTime: p.data.EventTime, payload: p.data.Payload, applicationId: m.ApplicationId, subscriptionId: m.SubscriptionId, publishTime: m.PublishTime, notificationId: m.NotificationId };
  }
  const c = Camel.safeParse(body);
  if (!c.success) return undefined;
  const m = c.data.notificationMetadata;
  return { type: c.data.notificationType, notificationVersion: c.data.notificationVersion, payloadVersion: c.data.payloadVersion, eventTime: c.data.eventTime, payload: c.data.payload, applicationId: m.applicationId, subscriptionId: m.subscriptionId, publishTime: m.publishTime, notificationId: m.notificationId };
}

/** ISO-8601 UTC, or undefined when the text is not a date. */
export function isoUtc(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const t = Date.parse(text);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/**
 * SQS message body → verified event. The ApplicationId must be ours (one queue can receive another
 * application's notifications when it is shared or misconfigured); the payload must match its
 * type's schema. Nothing is handled that fails either check.
 */
export function parseNotification(body: string | undefined, applicationId: string, receivedAt: number): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(body ?? '');
  } catch {
    return { ok: false, reason: 'malformed', detail: 'body is not JSON' };
  }
  const envelope = normalize(json);
  if (!envelope) return { ok: false, reason: 'malformed', detail: 'not an SP-API notification envelope' };
  if (envelope.applicationId !== applicationId) return { ok: false, reason: 'foreign_application', detail: `ApplicationId ${envelope.applicationId} is not this application` };
  const mapped = payloadEvent(envelope);
  if (!mapped.ok) return { ok: false, reason: 'malformed', detail: `${envelope.type} payload: ${mapped.detail}` };
  const event: MarketplaceEvent = {
    marketplace: 'amazon',
    account: mapped.account,
    kind: mapped.kind as EventKind,
    eventId: envelope.notificationId,
    occurredAt: isoUtc(mapped.occurredAt) ?? isoUtc(envelope.eventTime) ?? new Date(receivedAt).toISOString(),
    ...(mapped.orderId ? { orderId: mapped.orderId } : {}),
    ...(mapped.sku ? { sku: mapped.sku } : {}),
    ...(mapped.quantity !== undefined ? { quantity: mapped.quantity } : {}),
    topic: envelope.type,
    raw: json,
  };
  return { ok: true, event, envelope };
}
