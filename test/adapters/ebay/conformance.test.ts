import { describe, expect, it } from 'vitest';
import { ebayOperations } from '../../../adapters/ebay/index.js';
import { fixture } from './helpers.js';

/** The op table against eBay's OpenAPI contracts (subset copied to test/fixtures/ebay/contract-operations.json). */
interface ContractOp {
  contract: string;
  operationId: string;
  method: string;
  path: string;
  parameters: Array<{ name: string; in: string; required: boolean }>;
  responses: string[];
}
const contract = fixture<{ operations: ContractOp[] }>('contract-operations.json').operations;

/** Query parameters and headers the adapter sends per operation. */
const SENT: Record<string, { query?: string[]; headers?: string[] }> = {
  getOrders: { query: ['filter', 'limit', 'offset', 'fieldGroups'] },
  getOrder: { query: ['fieldGroups'] },
  createOrReplaceInventoryItemGroup: { headers: ['Content-Language'] },
  bulkCreateOrReplaceInventoryItem: { headers: ['Content-Language'] },
  bulkCreateOffer: { headers: ['Content-Language'] },
  getOffers: { query: ['sku', 'marketplace_id'] },
  createOrReplaceInventoryItem: { headers: ['Content-Language'] },
  createOffer: { headers: ['Content-Language'] },
  updateOffer: { headers: ['Content-Language'] },
};

describe('op table conformance with the eBay contracts', () => {
  for (const [name, op] of Object.entries(ebayOperations)) {
    if (name === 'refreshToken') continue; // OAuth endpoint: not part of the Sell contracts (research B1).
    it(`${name}: method and path exist in the contract`, () => {
      const c = contract.find((o) => o.operationId === name);
      expect(c, `${name} is not in the contracts`).toBeDefined();
      expect(op.method).toBe(c!.method);
      expect(op.path).toBe(c!.path);
    });
  }

  it('every query parameter and header the adapter sends is declared, and required headers are sent', () => {
    for (const name of Object.keys(ebayOperations).filter((n) => n !== 'refreshToken')) {
      const sent = SENT[name] ?? {};
      const c = contract.find((o) => o.operationId === name)!;
      for (const q of sent.query ?? []) expect(c.parameters.some((p) => p.in === 'query' && p.name === q), `${name} ?${q}`).toBe(true);
      for (const h of sent.headers ?? []) expect(c.parameters.some((p) => p.in === 'header' && p.name === h), `${name} ${h}`).toBe(true);
      const requiredHeaders = c.parameters.filter((p) => p.in === 'header' && p.required && p.name !== 'Content-Type').map((p) => p.name);
      for (const h of requiredHeaders) expect(sent.headers ?? [], `${name} must send ${h}`).toContain(h);
    }
  });

  it('createShippingFulfillment answers 201 (fulfillment id in Location), not a body', () => {
    expect(contract.find((o) => o.operationId === 'createShippingFulfillment')!.responses).toContain('201');
  });
});
