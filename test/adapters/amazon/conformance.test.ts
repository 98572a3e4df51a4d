import { describe, expect, it } from 'vitest';
import { amazonOperations, USAGE_PLANS } from '../../../adapters/amazon/index.js';
import { fixture } from './helpers.js';

/** The op table against the official models (copied subset: test/fixtures/amazon/model-operations.json). */
interface ModelOp {
  model: string;
  operationId: string;
  method: string;
  path: string;
  deprecated: boolean;
  plan: { perSecond: number; burst: number };
  parameters: string[];
}
const model = fixture<{ operations: ModelOp[] }>('model-operations.json').operations;
const byId = (id: string, modelName?: string) => model.find((o) => o.operationId === id && (!modelName || o.model === modelName));

describe('op table conformance', () => {
  for (const [name, op] of Object.entries(amazonOperations)) {
    it(`${name}: method, path and usage plan exist in the model`, () => {
      const m = name === 'getOrder' ? byId(name, 'orders_2026-01-01.json') : byId(name);
      expect(m, `${name} is not in the models`).toBeDefined();
      expect(op.method).toBe(m!.method);
      expect(op.path).toBe(m!.path);
      expect(op.rate).toEqual(m!.plan);
      expect(USAGE_PLANS[name as keyof typeof USAGE_PLANS]).toEqual(m!.plan);
      expect(m!.deprecated).toBe(false);
    });
  }

  it('never uses a deprecated Orders v0 read', () => {
    const deprecated = model.filter((o) => o.deprecated).map((o) => o.path);
    expect(deprecated).toContain('/orders/v0/orders');
    for (const op of Object.values(amazonOperations)) expect(deprecated.includes(op.path) && op.method === 'GET').toBe(false);
  });

  it('every query parameter the adapter sends is declared by the model', () => {
    const sent: Record<string, string[]> = {
      getListingsItem: ['marketplaceIds', 'includedData'],
      putListingsItem: ['marketplaceIds', 'includedData', 'mode'],
      patchListingsItem: ['marketplaceIds', 'includedData', 'mode'],
      deleteListingsItem: ['marketplaceIds'],
      searchListingsItems: ['marketplaceIds', 'identifiers', 'identifiersType', 'includedData', 'pageSize'],
      searchOrders: ['createdAfter', 'createdBefore', 'lastUpdatedAfter', 'lastUpdatedBefore', 'fulfillmentStatuses', 'marketplaceIds', 'maxResultsPerPage', 'paginationToken', 'includedData'],
    };
    for (const [id, params] of Object.entries(sent)) for (const p of params) expect(byId(id)!.parameters, `${id}?${p}`).toContain(p);
    expect(byId('getOrder', 'orders_2026-01-01.json')!.parameters).toEqual(['includedData']);
  });
});
