import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { guarded, type GuardOptions } from './guard.js';
import { grantlessGuarded } from './notifications-auth.js';
import { scanAll } from './notifications-publish.js';
import { attachNotifications, NotificationsWorld, type NotificationsSandboxOptions } from './notifications-world.js';
import { fail, invalidInput, ok } from './responses.js';
import { installSqs } from './sqs.js';
import type { AmazonSandboxState } from './state.js';

/**
 * Notifications API v1 routes of the sandbox (specs/amazon/notifications.json) plus the SQS
 * endpoint its destinations point at. Destinations and subscription-by-id routes are grantless
 * (notifications-auth.ts); createSubscription/getSubscription act for the seller of the token.
 */
const DEST = '/notifications/v1/destinations';
const SUB = '/notifications/v1/subscriptions/{notificationType}';
/** #/definitions/SqsResource arn pattern. */
const SQS_ARN = /^arn:aws:sqs:\S+:\S+:\S+/;
const NOT_FOUND = () => fail(404, 'NotFound', 'The resource specified does not exist.');

const view = (d: { destinationId: string; name: string; arn: string }) => ({ name: d.name, destinationId: d.destinationId, resource: { sqs: { arn: d.arn } } });
const subView = (s: { subscriptionId: string; payloadVersion: string; destinationId: string }) => ({ subscriptionId: s.subscriptionId, payloadVersion: s.payloadVersion, destinationId: s.destinationId });

export function installNotifications(router: Router, state: AmazonSandboxState, ctx: SandboxContext, guard: GuardOptions, opts: NotificationsSandboxOptions = {}): NotificationsWorld {
  const world = new NotificationsWorld(ctx, opts);
  attachNotifications(state, world);
  const app = (op: Parameters<typeof grantlessGuarded>[3], h: Parameters<typeof grantlessGuarded>[4]) => grantlessGuarded(state, ctx, guard.rateLimits, op, h);

  router.add('GET', DEST, app('getDestinations', () => ok({ payload: [...world.destinations.values()].map(view) })));
  router.add('POST', DEST, app('createDestination', (req) => {
    const body = req.json<{ name?: unknown; resourceSpecification?: { sqs?: { arn?: unknown } } }>();
    const arn = body?.resourceSpecification?.sqs?.arn;
    // CreateDestinationRequest: name and resourceSpecification required; Destination.name maxLength 256.
    if (typeof body?.name !== 'string' || !body.name || body.name.length > 256) return invalidInput('Invalid input', 'name is required (1-256 characters)');
    if (typeof arn !== 'string' || arn.length > 1000 || !SQS_ARN.test(arn)) return invalidInput('Invalid input', 'resourceSpecification.sqs.arn must be an SQS queue ARN');
    // One destination per queue ARN and application: 409 Conflict, as reported in
    // github.com/amzn/selling-partner-api-docs/issues/1800 (notifications.json createDestination 409).
    if ([...world.destinations.values()].some((d) => d.arn === arn)) {
      return fail(409, 'Conflict', 'The requested resource conflict with a resource in the server.', `A destination with arn ${arn} already exists for the application ${world.applicationId}`);
    }
    // The queue lives in the user's AWS account; in the sandbox it exists once named.
    world.sqs.queue(arn.split(':').pop()!);
    const d = { destinationId: randomUUID(), name: body.name, arn };
    world.destinations.set(d.destinationId, d);
    return ok({ payload: view(d) });
  }));
  router.add('GET', `${DEST}/{destinationId}`, app('getDestination', (req) => {
    const d = world.destinations.get(req.params.destinationId!);
    return d ? ok({ payload: view(d) }) : NOT_FOUND();
  }));
  router.add('DELETE', `${DEST}/{destinationId}`, app('deleteDestination', (req) => (world.destinations.delete(req.params.destinationId!) ? ok({}) : NOT_FOUND())));

  router.add('GET', SUB, guarded(state, ctx, guard, 'getSubscription', (req, sellerId) => {
    // "When you do not provide payloadVersion, the operation returns the latest payload version subscription" (getSubscription).
    const version = req.query.get('payloadVersion');
    const matches = [...world.subscriptions.values()].filter((s) => s.sellerId === sellerId && s.notificationType === req.params.notificationType && (!version || s.payloadVersion === version));
    const s = matches.at(-1);
    return s ? ok({ payload: subView(s) }) : NOT_FOUND();
  }));
  router.add('POST', SUB, guarded(state, ctx, guard, 'createSubscription', (req, sellerId) => {
    const type = req.params.notificationType!;
    const body = req.json<{ payloadVersion?: unknown; destinationId?: unknown }>();
    // CreateSubscriptionRequest: destinationId and payloadVersion required.
    if (typeof body?.destinationId !== 'string' || typeof body.payloadVersion !== 'string') return invalidInput('Invalid input', 'destinationId and payloadVersion are required');
    if (!world.destinations.has(body.destinationId)) {
      // Wording reported in github.com/amzn/selling-partner-api-docs/issues/1988.
      return invalidInput('Invalid input', `No destination with id '${body.destinationId}' for applicationId '${world.applicationId}'`);
    }
    // One subscription per application, seller, notification type and payload version ("We allow
    // multiple subscriptions with different payload versions per application, notification type
    // and party", Notifications API v1 Use Case Guide); a duplicate answers 409 StateConflict
    // (github.com/amzn/selling-partner-api-models/issues/2737).
    if ([...world.subscriptions.values()].some((s) => s.sellerId === sellerId && s.notificationType === type && s.payloadVersion === body.payloadVersion)) {
      return fail(409, 'StateConflict', 'The resource specified conflicts with the current state.', `Subscription already exist for notification type ${type}`);
    }
    // Orders and feeds as they are now were never "changed" for this subscription.
    scanAll(state, world);
    const s = { subscriptionId: randomUUID(), sellerId, notificationType: type, payloadVersion: body.payloadVersion, destinationId: body.destinationId };
    world.subscriptions.set(s.subscriptionId, s);
    return ok({ payload: subView(s) });
  }));
  router.add('GET', `${SUB}/{subscriptionId}`, app('getSubscriptionById', (req) => {
    const s = world.subscriptions.get(req.params.subscriptionId!);
    return s && s.notificationType === req.params.notificationType ? ok({ payload: subView(s) }) : NOT_FOUND();
  }));
  router.add('DELETE', `${SUB}/{subscriptionId}`, app('deleteSubscriptionById', (req) => {
    const s = world.subscriptions.get(req.params.subscriptionId!);
    if (!s || s.notificationType !== req.params.notificationType) return NOT_FOUND();
    world.subscriptions.delete(s.subscriptionId);
    return ok({});
  }));

  // Each SQS poll first publishes what changed since the last one (notifications-publish.ts).
  world.sqs.beforeReceive = () => scanAll(state, world);
  installSqs(router, world.sqs);
  return world;
}
