/**
 * How a finished AliExpress order ended (`end_reason` of solution.order.get, `order_end_reason` of
 * solution.order.info.get). The stored metadata describes the field only as "order finished
 * reason" (specs/aliexpress/aliexpress_solution_order_get.json#result.target_list.end_reason,
 * aliexpress_solution_order_info_get.json#result.data.order_end_reason) and lists no values, and
 * FINISH covers both completed and closed orders ("FINISH: fund processing completed, the order
 * finish", developer.alibaba.com/docs/doc.htm?articleId=108126). So every value is mapped
 * explicitly below, each with where it comes from; a value not in this table is never guessed at
 * (no substring matching): the order keeps its raw status and carries a warning.
 *
 * Sources:
 * - [I16] issue #16: the buyer's confirmation period running out (buyer_confirm_goods_timeout,
 *   buyer_accept_goods_timeout) means the order completed — the usual way AliExpress orders end.
 * - [OBS-T] values the gateway returns in the trade family's end_reason, as handled by public seller
 *   integrations (listed in the adapter's report): buyer_accept_goods(_timeout), buyer_pay_timeout,
 *   buyer_cancel_notpay_order, risk_reject_closed, cancel_order_close_trade, seller_send_goods_timeout,
 *   buyer_cancel_order_in_risk, seller_accept_issue_no_goods_return, seller_response_issue_timeout.
 * - [OBS-S] the shorter spellings of the same reasons found in the same integrations:
 *   buyer_confirm_goods(_timeout), pay_timeout, buyer_cancel_order, risk_closed, suspicious_trade,
 *   security_close, confirm_payamount_timeout, reject_payamount, send_goods_timeout.
 * Meanings follow the value names; `end_issue` and `trade_close` are left out on purpose: neither
 * says whether the buyer was refunded, so they take the unknown path.
 */
export type EndOutcome = 'completed' | 'cancelled' | 'refunded';

export const END_REASONS: Readonly<Record<string, { outcome: EndOutcome; source: string }>> = {
  // The buyer confirmed receipt, or the confirmation period ran out: the sale completed.
  buyer_accept_goods: { outcome: 'completed', source: 'OBS-T' },
  buyer_accept_goods_timeout: { outcome: 'completed', source: 'I16, OBS-T' },
  buyer_confirm_goods: { outcome: 'completed', source: 'OBS-S' },
  buyer_confirm_goods_timeout: { outcome: 'completed', source: 'I16, OBS-S' },
  // Never paid: payment window ran out, or the buyer cancelled before paying.
  buyer_pay_timeout: { outcome: 'cancelled', source: 'OBS-T' },
  pay_timeout: { outcome: 'cancelled', source: 'OBS-S' },
  buyer_cancel_notpay_order: { outcome: 'cancelled', source: 'OBS-T, OBS-S' },
  // Closed by risk control / security (the 24 h RISK_CONTROL period, specs order_get.json#order_status).
  risk_reject_closed: { outcome: 'cancelled', source: 'OBS-T' },
  risk_closed: { outcome: 'cancelled', source: 'OBS-S' },
  security_close: { outcome: 'cancelled', source: 'OBS-S' },
  suspicious_trade: { outcome: 'cancelled', source: 'OBS-S' },
  buyer_cancel_order_in_risk: { outcome: 'cancelled', source: 'OBS-T, OBS-S' },
  // Cancelled before shipment (IN_CANCEL agreed) or because the seller did not ship in time.
  cancel_order_close_trade: { outcome: 'cancelled', source: 'OBS-T' },
  buyer_cancel_order: { outcome: 'cancelled', source: 'OBS-S' },
  seller_send_goods_timeout: { outcome: 'cancelled', source: 'OBS-T' },
  send_goods_timeout: { outcome: 'cancelled', source: 'OBS-S' },
  // Offline payment amount refused or not confirmed (WAIT_SELLER_EXAMINE_MONEY, articleId=108126).
  confirm_payamount_timeout: { outcome: 'cancelled', source: 'OBS-S' },
  reject_payamount: { outcome: 'cancelled', source: 'OBS-S' },
  // A dispute ended in the buyer's favour: refunded (the seller accepted it, or did not answer in time).
  seller_accept_issue_no_goods_return: { outcome: 'refunded', source: 'OBS-T' },
  seller_response_issue_timeout: { outcome: 'refunded', source: 'OBS-T' },
};

export function endOutcome(reason: string | undefined): EndOutcome | undefined {
  return reason !== undefined && Object.hasOwn(END_REASONS, reason) ? END_REASONS[reason]!.outcome : undefined;
}
