import type { SandboxContext, SandboxModule } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { serverError, throttled } from './envelope.js';
import { install } from './routes.js';
import { AliExpressSandboxState } from './state.js';
import { aliexpressBuyer } from './buyers.js';
import { registerRequirementCategories } from './requirements.js';

export { AliExpressSandboxState, type SandboxOrder, type SandboxProduct } from './state.js';
export { expectedSign } from './signature.js';

/** Demo app and seller of the simulator (never valid on the real gateway). */
export const SANDBOX_CREDENTIALS = { appKey: '500001', appSecret: 'sandbox-ae-secret-4b9d2f7a1c', sellerId: '2000000001' } as const;

export interface AliExpressSandboxOptions {
  apps?: Array<{ appKey: string; appSecret: string }>;
  accessTtlMs?: number;
  refreshTtlMs?: number;
  /** Leaf categories → attribute name ids they require (2 = brand). */
  categories?: Record<number, number[]>;
  /**
   * Brands the seller may use: values of the brand attribute, id 2, which product post requires
   * (specs/aliexpress/aliexpress_solution_product_post.json attribute_list; attribute ids per
   * specs/aliexpress/aliexpress_solution_sku_attribute_query.json).
   */
  brands?: string[];
}

/**
 * The AliExpress module of the embedded sandbox: the IOP gateway's `/sync` and `/rest` protocol
 * for the operations the adapter uses, its own signature check, token create/refresh, US-Pacific
 * order filters with page numbers, FINISH only on explicit request, shipment declarations.
 */
export function aliexpressSandbox(opts: AliExpressSandboxOptions = {}): SandboxModule<AliExpressSandboxState> {
  const world = new AliExpressSandboxState(opts.accessTtlMs ?? 86_400_000, opts.refreshTtlMs ?? 172_800_000);
  for (const a of opts.apps ?? [SANDBOX_CREDENTIALS]) world.apps.set(a.appKey, a.appSecret);
  if (opts.categories) world.categories = opts.categories;
  if (opts.brands) world.brands = opts.brands;
  // The published categories of sandbox/requirements.ts (specs/aliexpress/aliexpress_solution_product_schema_get.json).
  registerRequirementCategories(world);
  return {
    name: 'aliexpress',
    state: world,
    buyer: aliexpressBuyer(world),
    install(router: Router, ctx: SandboxContext) {
      world.now = () => ctx.clock.now();
      install(router, world, ctx);
    },
    throttled,
    serverError,
  };
}
