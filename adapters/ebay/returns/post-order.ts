import type { MarketplaceErrorEntry } from '../../../src/errors/classes.js';
import { AuthError, QuotaExhaustedError, RateLimitError } from '../../../src/errors/classes.js';
import { errorFromResponse } from '../../../src/errors/from-response.js';
import { redactText } from '../../../src/errors/redact.js';
import type { XborderError } from '../../../src/errors/xborder-error.js';
import type { AuthStep } from '../../../src/http/auth-step.js';
import type { WireResponse } from '../../../src/http/pipeline.js';
import type { HttpRequest } from '../../../src/http/request.js';
import { isQuotaExhausted } from '../errors.js';
import { PO } from './operations.js';

const isPostOrder = (req: HttpRequest | undefined) => !!req && req.path.startsWith(`${PO}/`);

/**
 * The Post-Order API takes the user's OAuth token as `Authorization: IAF <token>`, not Bearer
 * (https://developer.ebay.com/Devzone/post-order/concepts/makingacall.html, "HTTP Headers"; the
 * `TOKEN <token>` form shown on older call pages is for Auth'n'Auth tokens). This wraps the
 * adapter's auth step: same token, same single-flight refresh, the scheme swapped on Post-Order
 * paths only; a refused request is handed back in Bearer form so the refresh can tell whose
 * token was rejected.
 */
export function withIafScheme(auth: AuthStep): AuthStep {
  return {
    async authorize(req, ctx) {
      await auth.authorize(req, ctx);
      if (isPostOrder(req) && req.headers.Authorization) req.headers.Authorization = req.headers.Authorization.replace(/^Bearer /, 'IAF ');
    },
    ...(auth.refresh
      ? {
          refresh: (ctx) => {
            const r = ctx.rejected;
            const rejected = r && isPostOrder(r) ? { ...r, headers: { ...r.headers, Authorization: (r.headers.Authorization ?? '').replace(/^IAF /, 'Bearer ') } } : r;
            return auth.refresh!({ ...ctx, rejected });
          },
        }
      : {}),
  };
}

/**
 * Post-Order sites are named with hyphens in X-EBAY-C-MARKETPLACE-ID ("EBAY-US, EBAY-UK, and
 * EBAY-DE": https://developer.ebay.com/Devzone/post-order/post-order_v2_cancellation___post.html,
 * supported HTTP request headers), unlike the Sell APIs' EBAY_GB.
 */
export function postOrderSite(storeId: string): string {
  if (storeId === 'EBAY_GB') return 'EBAY-UK';
  return storeId.replace(/_/g, '-');
}

interface PoError {
  errorId?: number | string;
  message?: string;
  longMessage?: string;
  parameter?: Array<{ value?: string }> | { value?: string };
}

/**
 * Post-Order's own error envelope `{ errorMessage: { error: [{ errorId, domain, severity,
 * category, message, parameter[], longMessage, httpStatusCode }] } }`
 * (https://developer.ebay.com/Devzone/post-order/ErrorResponse.html; research amazon-ebay.md)
 * → typed errors. Undefined for other bodies (the Sell envelope is errors.ts's).
 */
export function mapPostOrderError(res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError | undefined {
  if (res.status < 400) return undefined;
  const body = res.data as { errorMessage?: { error?: PoError[] | PoError } } | undefined;
  const raw = body?.errorMessage?.error;
  if (!raw) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  const errors: MarketplaceErrorEntry[] = list.map((e) => {
    const params = (Array.isArray(e.parameter) ? e.parameter : e.parameter ? [e.parameter] : []).map((p) => p.value).filter((v): v is string => !!v);
    return {
      code: String(e.errorId ?? 'Unknown'),
      message: String(e.message ?? ''),
      ...(e.longMessage && e.longMessage !== e.message ? { details: e.longMessage } : {}),
      ...(params.length ? { field: redactText(params.join(',')) } : {}),
    };
  });
  const base = { marketplace: 'ebay', operation: ctx.operation, status: res.status, requestId: ctx.requestId, errors };
  const message = errors.map((e) => `${e.code}: ${e.message}`).join('; ') || `HTTP ${res.status}`;
  if (res.status === 401) return new AuthError({ ...base, code: 'AUTH_EXPIRED', message });
  if (isQuotaExhausted(errors)) return new QuotaExhaustedError({ ...base, message });
  if (res.status === 429) return new RateLimitError({ ...base, message });
  return errorFromResponse({ ...base, message });
}
