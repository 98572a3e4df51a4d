import type { AuthStep } from '../../../src/http/auth-step.js';
import type { HttpRequest } from '../../../src/http/request.js';
import { GRANTLESS_OPERATIONS } from './operations.js';

/**
 * One pipeline, two kinds of LWA token: grantless operations (GRANTLESS_OPERATIONS) carry the
 * application's client_credentials token, every other operation the seller's refresh-token one.
 * Both go in `x-amz-access-token` ("Grantless Operations", developer-docs.amazon.com/sp-api/docs/grantless-operations).
 */
export function routeGrantless(seller: AuthStep, grantless: AuthStep): AuthStep {
  const pick = (operation: string) => (GRANTLESS_OPERATIONS.has(operation) ? grantless : seller);
  return {
    authorize: (req: HttpRequest, ctx) => pick(ctx.operation).authorize(req, ctx),
    refresh: async (ctx) => {
      await pick(ctx.operation).refresh?.(ctx);
    },
  };
}
