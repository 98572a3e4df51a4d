import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Handler, Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { RATE_PLANS, type EbayApi } from '../rate-plans.js';
import { fail, invalidToken, tooManyRequests } from './responses.js';
import type { EbaySandboxState } from './state.js';

/**
 * The sandbox's own OAuth token endpoint and bearer checks, written from the docs (research B1),
 * independently of the adapter's auth code.
 */
export interface GuardOptions {
  tokenTtlSeconds: number;
  rateLimits: boolean;
  /**
   * Answer an expired token on Inventory calls with 403 errorId 1100 "Access denied", as eBay
   * sometimes does (research B5; hendt/ebay-api#148), instead of 401.
   */
  expiredAs403?: boolean;
}

function oauthError(status: number, error: string, description: string): SandboxResponse {
  return { status, body: { error, error_description: description } };
}

export function installToken(router: Router, state: EbaySandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  router.add('POST', '/identity/v1/oauth2/token', (req) => {
    state.tokenRequests++;
    const type = String(req.headers['content-type'] ?? '');
    if (!type.startsWith('application/x-www-form-urlencoded')) return oauthError(400, 'invalid_request', 'Request must be application/x-www-form-urlencoded');
    const basic = String(req.headers.authorization ?? '');
    const expected = `Basic ${Buffer.from(`${state.app.clientId}:${state.app.clientSecret}`).toString('base64')}`;
    if (basic !== expected) return oauthError(401, 'invalid_client', 'client authentication failed');
    const form = req.form();
    if (form.get('grant_type') === 'client_credentials') {
      // Application token for public data such as Taxonomy (research amazon-ebay.md token table: client_credentials, 7200 s); no user behind it.
      const token = `v^1.1#i^1#app#${randomBytes(24).toString('base64url')}`;
      state.tokens.set(token, { userId: '', expiresAt: ctx.clock.now() + 7200 * 1000 });
      return { status: 200, body: { access_token: token, expires_in: 7200, token_type: 'Application Access Token' } };
    }
    if (form.get('grant_type') !== 'refresh_token') return oauthError(400, 'unsupported_grant_type', 'grant type in request is not supported by the authorization server');
    const user = [...state.users.values()].find((u) => u.refreshToken === form.get('refresh_token'));
    if (!user) return oauthError(400, 'invalid_grant', 'the provided authorization refresh token is invalid or was issued to another client');
    const token = `v^1.1#i^1#${randomBytes(24).toString('base64url')}`;
    state.tokens.set(token, { userId: user.userId, expiresAt: ctx.clock.now() + opts.tokenTtlSeconds * 1000 });
    return { status: 200, body: { access_token: token, expires_in: opts.tokenTtlSeconds, token_type: 'User Access Token' } };
  });
}

function authenticate(req: SandboxRequest, state: EbaySandboxState, ctx: SandboxContext, as403: boolean): { userId: string } | SandboxResponse {
  const header = String(req.headers.authorization ?? '');
  const token = header.startsWith('Bearer ') ? header.slice(7) : undefined;
  const known = token ? state.tokens.get(token) : undefined;
  // An application token (client_credentials) carries no user: Sell APIs refuse it.
  if (known?.userId === '') return invalidToken();
  if (!known || known.expiresAt <= ctx.clock.now() || ctx.faults.tokenExpired()) {
    if (known) known.expiresAt = 0;
    if (known && as403) return fail(403, { errorId: 1100, domain: 'ACCESS', category: 'REQUEST', message: 'Access denied', longMessage: 'Insufficient permissions to fulfill the request.' });
    return invalidToken();
  }
  return { userId: known.userId };
}

/** Authenticated Sell API route, with the adapter's daily plan enforced per user. */
export function guarded(
  state: EbaySandboxState,
  ctx: SandboxContext,
  opts: GuardOptions,
  api: EbayApi,
  handler: (req: SandboxRequest, userId: string) => SandboxResponse | Promise<SandboxResponse>,
): Handler {
  return async (req) => {
    const who = authenticate(req, state, ctx, api === 'inventory' && !!opts.expiredAs403);
    if ('status' in who) return who;
    if (opts.rateLimits) {
      const took = ctx.limits.take(`${who.userId}:${api}`, RATE_PLANS[api]);
      if (!took.ok) return tooManyRequests(took.retryAfterMs);
    }
    return handler(req, who.userId);
  };
}
