import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { fail, ok, requestId } from './envelope.js';
import { bodyOf, route, type Caller } from './gate.js';
import { idList } from './routes-product.js';
import type { PublishTask } from './state.js';
import type { ShopeeSandboxState } from './world.js';

type Merchant = Extract<Caller, { kind: 'merchant' }>;

/** Publish tasks: a global item reaches a shop as a shop item after publishDelayMs. */
export function installPublish(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  const settle = (t: PublishTask) => {
    if (t.status !== 'running' || world.now() < t.readyAt) return;
    const g = world.globalItems.get(t.globalItemId);
    const shop = world.shops.get(t.shopId);
    if (!g || !shop) {
      t.status = 'failed';
      t.failedReason = 'global item or shop no longer exists';
      return;
    }
    const now = world.nowSeconds();
    const itemId = world.nextId() * 1000 + 5;
    world.items.set(itemId, {
      shopId: t.shopId, item_id: itemId, item_name: g.global_item_name, description: g.description, item_sku: g.global_item_sku, category_id: g.category_id,
      price: g.price, stock: g.stock, reserved: 0, item_status: 'NORMAL', image_id_list: g.image_id_list, attribute_list: [], weight: 1, create_time: now, update_time: now,
      searchableAt: world.now(), tiers: [], models: [], globalItemId: g.global_item_id,
    });
    g.published.push({ shopId: t.shopId, region: t.region, itemId });
    t.status = 'success';
    t.itemId = itemId;
  };

  // Refusals: specs/shopee/v2.global_product.create_publish_task.json error_list.
  route<Merchant>(router, world, ctx, 'POST', '/api/v2/global_product/create_publish_task', (req, caller) => {
    const { body: b, res } = bodyOf<{ global_item_id?: number; shop_id?: number; shop_region?: string; item?: { logistic?: unknown[] } }>(req);
    if (res) return res;
    const g = world.globalItems.get(Number(b.global_item_id));
    if (!g || g.merchantId !== caller.id) return fail('error_busi_global_item_not_found', 'Global item not found.') // specs/shopee/v2.global_product.create_publish_task.json error_list;
    const shop = world.shops.get(Number(b.shop_id));
    if (!shop || !caller.merchant.shopIds.includes(shop.shopId)) return fail('error_auth', 'shop is not upgraded or lack service fee rate') // specs/shopee/v2.global_product.create_publish_task.json error_list;
    if (shop.region !== b.shop_region) return fail('error_param', 'Wrong parameters, detail: shop_region does not match the shop.');
    if (g.published.some((p) => p.shopId === shop.shopId)) return fail('error_param', 'Wrong parameters, detail: the global item is already published to this shop.');
    world.counters.publish++;
    // int64 task ids exceed 2^53 (docs sample 202011300000012000): written as a raw JSON literal.
    const id = `2020113000000${String(world.nextId()).padStart(5, '0')}`;
    world.publishTasks.set(id, { id, globalItemId: g.global_item_id, shopId: shop.shopId, region: shop.region, readyAt: world.now() + world.options.publishDelayMs, status: 'running', ...(b.item?.logistic ? { logistic: b.item.logistic } : {}) });
    return { status: 200, headers: { 'content-type': 'application/json' }, body: `{"request_id":"${requestId()}","error":"","message":"","warning":"","response":{"publish_task_id":${id}}}` };
  });

  // Refusals: specs/shopee/v2.global_product.get_publish_task_result.json error_list.
  route<Merchant>(router, world, ctx, 'GET', '/api/v2/global_product/get_publish_task_result', (req, caller) => {
    const t = world.publishTasks.get(req.query.get('publish_task_id') ?? '');
    if (!t || world.globalItems.get(t.globalItemId)?.merchantId !== caller.id) return fail('error_param', 'The information you queried is not found.') // specs/shopee/v2.global_product.get_publish_task_result.json error_list;
    settle(t);
    return ok({
      publish_status: t.status,
      ...(t.status === 'success' ? { success: { region: t.region, shop_id: t.shopId, item_id: t.itemId } } : {}),
      ...(t.status === 'failed' ? { failed: { failed_reason: t.failedReason } } : {}),
    });
  });

  // Refusals: specs/shopee/v2.global_product.get_published_list.json error_list.
  route<Merchant>(router, world, ctx, 'GET', '/api/v2/global_product/get_published_list', (req, caller) => {
    const g = world.globalItems.get(Number(req.query.get('global_item_id')));
    if (!g || g.merchantId !== caller.id) return fail('error_busi_global_item_not_found', 'Global item not found.') // specs/shopee/v2.global_product.get_published_list.json error_list;
    for (const t of world.publishTasks.values()) if (t.globalItemId === g.global_item_id) settle(t);
    const shops = idList(req.query.get('shop_id_list'));
    const list = g.published.filter((p) => !shops.length || shops.includes(p.shopId));
    return ok({ published_item: list.map((p) => ({ shop_id: p.shopId, shop_region: p.region, item_id: p.itemId, item_status: 1 })) });
  });
}
