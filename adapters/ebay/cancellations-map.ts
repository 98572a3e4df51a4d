import type { CancellationRequest } from '../../src/model/return.js';
import { amountOf, instant } from './returns/mapper.js';
import type { CancelDetail } from './returns/wire.js';

/**
 * CancelStateEnum (https://developer.ebay.com/Devzone/post-order/types/CancelStateEnum.html) and
 * cancelStatus (a new buyer request has cancelStatus CANCEL_REQUESTED:
 * https://developer.ebay.com/api-docs/user-guides/static/trading-user-guide/order-cancellations-buyer.html)
 * → requested / accepted / rejected / closed. A refund step means the cancellation was approved.
 */
export function cancelStatusOf(c: Pick<CancelDetail, 'cancelState' | 'cancelStatus'>): CancellationRequest['status'] {
  const status = c.cancelStatus ?? '';
  const state = c.cancelState ?? '';
  if (/REJECT/.test(status)) return 'rejected';
  if (state === 'APPROVAL_PENDING' || status === 'CANCEL_REQUESTED') return 'requested';
  if (/^REFUND_|CONFIRM_REFUND_PENDING/.test(state) || /APPROVED|CLOSED_WITH_REFUND|CLOSED_NO_REFUND|CLOSED_FOR_COMMITMENT/.test(status)) return 'accepted';
  if (state === 'CLOSED') return 'closed';
  return 'requested';
}

export function mapCancellation(c: CancelDetail, ctx: { account: string; store?: string }): CancellationRequest {
  const created = c.cancelRequestDate?.value ?? c.cancelCloseDate?.value ?? new Date(0).toISOString();
  const refund = amountOf(c.requestRefundAmount);
  return {
    id: c.cancelId,
    marketplace: 'ebay',
    account: ctx.account,
    ...(ctx.store ? { store: ctx.store } : {}),
    orderId: c.legacyOrderId ?? '',
    // requestorType BUYER | SELLER (CancelDetail.requestorType).
    requestedBy: c.requestorType === 'SELLER' ? 'seller' : 'buyer',
    status: cancelStatusOf(c),
    marketplaceStatus: [c.cancelStatus, c.cancelState].filter(Boolean).join('/') || 'UNKNOWN',
    reason: c.cancelReason ? { marketplaceCode: c.cancelReason } : {},
    // Post-Order cancellations act on the whole order (post-order-cancellations user guide).
    lines: [],
    ...(c.sellerResponseDueDate ? { respondBy: instant(c.sellerResponseDueDate.value) } : {}),
    ...(refund ? { refund } : {}),
    createdAt: instant(created),
    updatedAt: instant(c.cancelCloseDate?.value ?? created),
    raw: c,
  };
}
