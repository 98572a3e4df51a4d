import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Handler, Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { USAGE_PLANS, type AmazonOperationId } from '../rate-plans.js';
import { grantlessToken } from './notifications-auth.js';
import { fail, quotaExceeded } from './responses.js';
import type { AmazonSandboxState } from './state.js';

/**
 * The sandbox's own Login with Amazon and token checks, written from the docs (research A1),
 * independently of the adapter's auth code: a bug there cannot pass its own tests here.
 */
export interface GuardOptions {
  tokenTtlSeconds: number;
  rateLimits: boolean;
}

function oauthError(status: number, error: string, description: string): SandboxResponse {
  return { status, body: { error, error_description: description } };
}

export function installLwa(router: Router, state: AmazonSandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  router.add('POST', '/auth/o2/token', (req) => {
    state.lwaRequests++;
    // The docs describe a form body; JSON is accepted too (as Amazon does).
    const form = req.form();
    const json = form.has('grant_type') ? undefined : req.json<Record<string, string>>();
    const field = (k: string) => (json ? json[k] : form.get(k)) ?? undefined;
    // Grantless operations get an application token by client_credentials + scope (https://developer-docs.amazon.com/sp-api/docs/grantless-operations; specs/amazon/notifications.json marks the destination operations grantless).
    if (field('grant_type') === 'client_credentials') return grantlessToken(state, ctx, opts.tokenTtlSeconds, field);
    if (field('grant_type') !== 'refresh_token') return oauthError(400, 'unsupported_grant_type', 'Only the refresh_token and client_credentials grants are simulated');
    if (field('client_id') !== state.app.clientId || field('client_secret') !== state.app.clientSecret) {
      return oauthError(401, 'invalid_client', 'Client authentication failed');
    }
    const seller = [...state.sellers.values()].find((s) => s.refreshToken === field('refresh_token'));
    if (!seller) return oauthError(400, 'invalid_grant', 'The request has an invalid grant parameter : refresh_token');
    const token = `Atza|${randomBytes(24).toString('base64url')}`;
    state.tokens.set(token, { sellerId: seller.sellerId, expiresAt: ctx.clock.now() + opts.tokenTtlSeconds * 1000 });
    return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: opts.tokenTtlSeconds } };
  });
}

const DENIED = 'Access to requested resource is denied.';

/** 403 Unauthorized as SP-API sends it; the adapter must recognise "expired" from the details text. */
function authenticate(req: SandboxRequest, state: AmazonSandboxState, ctx: SandboxContext): { sellerId: string } | SandboxResponse {
  const header = req.headers['x-amz-access-token'];
  const token = Array.isArray(header) ? header[0] : header;
  const known = token ? state.tokens.get(token) : undefined;
  if (!known) return fail(403, 'Unauthorized', DENIED, 'The access token you provided is revoked, malformed or invalid.');
  if (known.expiresAt <= ctx.clock.now() || ctx.faults.tokenExpired()) {
    known.expiresAt = 0;
    return fail(403, 'Unauthorized', DENIED, 'The access token you provided has expired.');
  }
  return { sellerId: known.sellerId };
}

/** Authenticated SP-API route with its usage plan enforced per seller (the adapter's own plan data). */
export function guarded(
  state: AmazonSandboxState,
  ctx: SandboxContext,
  opts: GuardOptions,
  opId: AmazonOperationId,
  handler: (req: SandboxRequest, sellerId: string) => SandboxResponse | Promise<SandboxResponse>,
): Handler {
  const plan = USAGE_PLANS[opId];
  return async (req) => {
    const who = authenticate(req, state, ctx);
    if ('status' in who) return who;
    if (opts.rateLimits && !ctx.limits.take(`${who.sellerId}:${opId}`, plan).ok) return quotaExceeded(plan.perSecond);
    const res = await handler(req, who.sellerId);
    return { ...res, headers: { ...res.headers, 'x-amzn-RateLimit-Limit': String(plan.perSecond) } };
  };
}
