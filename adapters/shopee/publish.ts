import type { CallOptions } from '../../src/http/call-options.js';
import type { ListingIssue } from '../../src/model/listing.js';
import { isRejection, issuesOf, type AdapterContext, type ShopStore } from './context.js';
import { globalOps } from './operations/global.js';
import { done, notDone, withVerify } from './operations/verify.js';
import type { AddItemBody } from './schemas/requests.js';

/** create_publish_task item.logistic takes add_item's per-channel fields (specs/shopee/v2.global_product.create_publish_task.json). */
type LogisticInfo = AddItemBody['logistic_info'][number];

export interface PublishOutcome {
  shopId: number;
  status: 'published' | 'failed' | 'pending';
  itemId?: string;
  publishTaskId?: string;
  issues: ListingIssue[];
}

/**
 * create_publish_task to one shop, then get_publish_task_result until it settles. The task is not
 * idempotent: before a replay get_published_list says whether the item already reached the shop.
 * Omitted text is translated and omitted prices are computed by Shopee (research A4).
 */
export async function publishToShop(ctx: AdapterContext, globalItemId: number, shop: ShopStore, logistic: LogisticInfo[], opts: CallOptions): Promise<PublishOutcome> {
  const merchant = ctx.merchant!;
  const { client } = ctx;
  const published = async () => {
    const res = await client.call(merchant.pipeline, globalOps.get_published_list, { query: { global_item_id: globalItemId, shop_id_list: String(shop.shopId) } });
    return res.data.response.published_item.find((p) => Number(p.shop_id) === shop.shopId);
  };
  const already = await published();
  if (already) return { shopId: shop.shopId, status: 'published', itemId: String(already.item_id), issues: [] };
  const op = withVerify(globalOps.create_publish_task, async () => ((await published()) ? done({ error: '', response: { publish_task_id: '' } }) : notDone()));
  let taskId: string;
  try {
    const res = await client.call(merchant.pipeline, op, {
      body: {
        global_item_id: globalItemId, shop_id: shop.shopId, shop_region: shop.region,
        item: { item_status: 'NORMAL', ...(logistic.length ? { logistic } : {}) },
      },
    }, opts);
    taskId = String(res.data.response.publish_task_id);
  } catch (e) {
    if (isRejection(e)) return { shopId: shop.shopId, status: 'failed', issues: issuesOf(e) };
    throw e;
  }
  if (!taskId) {
    const p = await published();
    return { shopId: shop.shopId, status: p ? 'published' : 'pending', itemId: p ? String(p.item_id) : undefined, issues: [] };
  }
  const poll = ctx.config.publishPoll;
  for (let attempt = 0; attempt < poll.attempts; attempt++) {
    const r = (await client.call(merchant.pipeline, globalOps.get_publish_task_result, { query: { publish_task_id: taskId } }, opts)).data.response;
    if (r.publish_status === 'success') return { shopId: shop.shopId, status: 'published', publishTaskId: taskId, itemId: r.success?.item_id !== undefined ? String(r.success.item_id) : undefined, issues: [] };
    if (r.publish_status === 'failed') {
      const reason = r.failed?.failed_reason ?? 'publish task failed';
      return { shopId: shop.shopId, status: 'failed', publishTaskId: taskId, issues: [{ code: 'PUBLISH_FAILED', message: `shop ${shop.shopId}: ${reason}`, severity: 'error', attributes: [], categories: [] }] };
    }
    await ctx.clock.sleep(poll.intervalMs, opts.signal);
  }
  return {
    shopId: shop.shopId, status: 'pending', publishTaskId: taskId,
    issues: [{ code: 'PUBLISH_PENDING', message: `publish task ${taskId} to shop ${shop.shopId} has not finished; get() later`, severity: 'info', attributes: [], categories: [] }],
  };
}
