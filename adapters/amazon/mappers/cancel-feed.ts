import type { CancelRequest } from '../../../src/adapter.js';

/**
 * POST_ORDER_ACKNOWLEDGEMENT_DATA document. Amazon retired the listing XML/flat-file feeds in 2025,
 * not the order feeds (DESIGN §10); this one is still the XML `AmazonEnvelope` (amzn-envelope.xsd,
 * MessageType OrderAcknowledgement). A cancellation is an acknowledgement with StatusCode Failure
 * and a CancelReason per cancelled item. The Feeds model does not describe document formats; the
 * envelope and the reason codes follow Amazon's XSD as used by existing integrations.
 */
export const CANCEL_REASON = {
  out_of_stock: 'NoInventory',
  buyer_request: 'BuyerCanceled',
  address_problem: 'ShippingAddressUndeliverable',
  pricing_error: 'PricingError',
  other: 'GeneralAdjustment',
} as const satisfies Record<CancelRequest['reason'], string>;

export const ORDER_FEED_CONTENT_TYPE = 'text/xml; charset=UTF-8';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function cancellationDocument(input: { sellerId: string; orderId: string; orderItemIds: string[]; reason: CancelRequest['reason'] }): string {
  const reason = CANCEL_REASON[input.reason];
  const items = input.orderItemIds
    .map((id) => `      <Item>\n        <AmazonOrderItemCode>${xml(id)}</AmazonOrderItemCode>\n        <CancelReason>${reason}</CancelReason>\n      </Item>`)
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">',
    '  <Header>',
    '    <DocumentVersion>1.01</DocumentVersion>',
    `    <MerchantIdentifier>${xml(input.sellerId)}</MerchantIdentifier>`,
    '  </Header>',
    '  <MessageType>OrderAcknowledgement</MessageType>',
    '  <Message>',
    '    <MessageID>1</MessageID>',
    '    <OrderAcknowledgement>',
    `      <AmazonOrderID>${xml(input.orderId)}</AmazonOrderID>`,
    '      <StatusCode>Failure</StatusCode>',
    items,
    '    </OrderAcknowledgement>',
    '  </Message>',
    '</AmazonEnvelope>',
    '',
  ].join('\n');
}
