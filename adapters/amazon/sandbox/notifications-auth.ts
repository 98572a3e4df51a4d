import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Handler, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { USAGE_PLANS, type AmazonOperationId } from '../rate-plans.js';
import { fail, quotaExceeded } from './responses.js';
import type { AmazonSandboxState } from './state.js';
import { notificationsOf } from './notifications-world.js';

/**
 * Grantless access for the sandbox, written from "Grantless Operations"
 * (https://developer-docs.amazon.com/sp-api/docs/grantless-operations; specs/amazon/notifications.json
 * describes createDestination/getDestinations/deleteDestination as grantless): the LWA token request carries
 * grant_type=client_credentials and a `scope` instead of a refresh token; the token it returns
 * belongs to the application, not to a seller, so seller operations refuse it and grantless ones
 * accept only it.
 */
export const GRANTLESS_SCOPES = ['sellingpartnerapi::notifications'] as const;

export function grantlessToken(state: AmazonSandboxState, ctx: SandboxContext, ttlSeconds: number, field: (k: string) => string | undefined): SandboxResponse {
  if (field('client_id') !== state.app.clientId || field('client_secret') !== state.app.clientSecret) {
    return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
  }
  const scopes = (field('scope') ?? '').split(' ').filter(Boolean);
  if (!scopes.length || !scopes.every((s) => (GRANTLESS_SCOPES as readonly string[]).includes(s))) {
    return { status: 400, body: { error: 'invalid_scope', error_description: 'The requested scope is invalid, unknown, or malformed.' } };
  }
  const token = `Atza|${randomBytes(24).toString('base64url')}`;
  notificationsOf(state).grantlessTokens.set(token, { scopes, expiresAt: ctx.clock.now() + ttlSeconds * 1000 });
  return { status: 200, body: { access_token: token, scope: scopes.join(' '), token_type: 'bearer', expires_in: ttlSeconds } };
}

const DENIED = 'Access to requested resource is denied.';

/** A grantless route: the app's notifications-scoped token, its usage plan enforced per application. */
export function grantlessGuarded(state: AmazonSandboxState, ctx: SandboxContext, rateLimits: boolean, opId: AmazonOperationId, handler: (req: SandboxRequest) => SandboxResponse): Handler {
  const plan = USAGE_PLANS[opId];
  return (req) => {
    const header = req.headers['x-amz-access-token'];
    const token = Array.isArray(header) ? header[0] : header;
    const known = token ? notificationsOf(state).grantlessTokens.get(token) : undefined;
    // A seller's (refresh-token) access token is not a grantless one: refused like an unknown token.
    if (!known || !known.scopes.includes('sellingpartnerapi::notifications')) return fail(403, 'Unauthorized', DENIED, 'The access token you provided is revoked, malformed or invalid.');
    if (known.expiresAt <= ctx.clock.now() || ctx.faults.tokenExpired()) {
      known.expiresAt = 0;
      return fail(403, 'Unauthorized', DENIED, 'The access token you provided has expired.');
    }
    if (rateLimits && !ctx.limits.take(`app:${opId}`, plan).ok) return quotaExceeded(plan.perSecond);
    const res = handler(req);
    return { ...res, headers: { ...res.headers, 'x-amzn-RateLimit-Limit': String(plan.perSecond) } };
  };
}
