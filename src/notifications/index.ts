/** Notifications: verified marketplace pushes as unified events. */
export * from './event.js';
export type { WebhookRequest, Verification, WebhookVerifier, RejectReason } from './verifier.js';
export { REJECT_REASONS } from './verifier.js';
export { createWebhookReceiver, type WebhookReceiver, type WebhookReceiverOptions, type WebhookReceiverStats } from './receiver.js';
export { eventInbox, type EventInbox } from './inbox.js';
