import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import { bodyOf, route } from './gate.js';
import type { ShopeeSandboxState } from './world.js';

const THREE_DAYS_S = 3 * 86400;

/** The lost-push backlog: earliest 100 unconfirmed messages of the last 3 days, confirmed by id. */
export function installPush(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  route(router, world, ctx, 'GET', '/api/v2/push/get_lost_push_message', () => {
    const open = world.lostPushes.filter((m) => !m.confirmed && m.timestamp >= world.nowSeconds() - THREE_DAYS_S).sort((a, b) => a.id - b.id);
    const page = open.slice(0, 100);
    return ok({
      push_message_list: page.map((m) => ({ shop_id: m.shop_id, code: m.code, timestamp: m.timestamp, data: m.data })),
      has_next_page: open.length > 100,
      ...(page.length ? { last_message_id: page[page.length - 1]!.id } : {}),
    });
  });

  route(router, world, ctx, 'POST', '/api/v2/push/confirm_consumed_lost_push_message', (req) => {
    const { body: b, res } = bodyOf<{ last_message_id?: number }>(req);
    if (res) return res;
    if (typeof b.last_message_id !== 'number') return fail('error_param', 'Wrong parameters, detail: last_message_id is required.');
    for (const m of world.lostPushes) if (m.id <= b.last_message_id) m.confirmed = true;
    return ok();
  });
}
