/**
 * Sandbox actors for the "order feeds never skip" proofs: every order-list request first lets a
 * buyer change an order, so orders leave the listed window between page requests. The hook wraps
 * a sandbox module's routes from outside (no marketplace file changes); the changes themselves use
 * each sandbox's own control API (buyer-actions.ts for Amazon and eBay).
 */
import type { SandboxModule } from '../../src/sandbox/module.js';
import type { Router, SandboxRequest } from '../../src/sandbox/router.js';

/** Runs `before(req)` ahead of every request `matches` selects, on every route the module installs. */
export function withRequestHook<S>(module: SandboxModule<S>, matches: (req: SandboxRequest) => boolean, before: () => void): SandboxModule<S> {
  return {
    name: module.name, state: module.state, throttled: (ms) => module.throttled(ms), serverError: () => module.serverError(),
    install(router: Router, ctx) {
      const proxy = Object.create(router) as Router;
      proxy.add = (method, template, handler) => router.add(method, template, async (req) => {
        if (matches(req)) before();
        return handler(req);
      });
      module.install(proxy, ctx);
    },
  };
}

/** Which request lists orders, per marketplace (AliExpress: one gateway path, the method is a parameter). */
export const isOrderList: Record<string, (req: SandboxRequest) => boolean> = {
  amazon: (r) => r.method === 'GET' && r.path === '/orders/2026-01-01/orders',
  ebay: (r) => r.method === 'GET' && r.path === '/sell/fulfillment/v1/order',
  shopee: (r) => r.path === '/api/v2/order/get_order_list',
  aliexpress: (r) => (r.query.get('method') ?? r.form().get('method')) === 'aliexpress.solution.order.get',
};

/** A seeded PRNG: the sandbox's own (mulberry32), so a run repeats exactly. */
export { seededRandom as prng } from '../../src/sandbox/random.js';
