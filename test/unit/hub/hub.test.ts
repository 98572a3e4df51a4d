import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/classes.js';
import { Hub } from '../../../src/hub/index.js';
import { FakeAdapter, store } from './support/fake-adapter.js';

describe('Hub', () => {
  const eu = new FakeAdapter({ stores: [store('DE', 'EUR'), store('FR', 'EUR')] });
  const sg = new FakeAdapter({ stores: [store('SG', 'SGD')] });
  const hub = new Hub({ accounts: { amazonEU: eu, shopeeSG: sg } });

  it('addresses stores as account:store', () => {
    expect(hub.stores).toEqual(['amazonEU:DE', 'amazonEU:FR', 'shopeeSG:SG']);
    expect(hub.store('shopeeSG').store.currency).toBe('SGD');
    expect(hub.store('amazonEU:FR')).toMatchObject({ ref: 'amazonEU:FR', account: 'amazonEU' });
    expect(hub.account('amazonEU:DE')).toBe(eu);
    expect(() => hub.store('amazonEU')).toThrow(/has 2 stores/);
  });

  it('refuses accounts that are not adapters or keys with a colon', () => {
    expect(() => new Hub({ accounts: {} })).toThrow(ValidationError);
    expect(() => new Hub({ accounts: { 'a:b': eu } })).toThrow(/no ":"/);
    expect(() => new Hub({ accounts: { x: {} as never } })).toThrow(/not a marketplace adapter/);
  });

  it('ships through the account, validated first, with one idempotency key per package content', async () => {
    const req = { orderId: 'O1', packages: [{ lines: [{ lineId: 'L1', quantity: 1 }], carrier: 'DHL', trackingNumber: '123' }] };
    const a = await hub.fulfilment.ship('amazonEU', req);
    const b = await hub.fulfilment.ship('amazonEU:DE', req);
    expect(a.outcome).toBe('confirmed');
    expect(b.outcome).toBe('already_done');
    expect(eu.shipments.size).toBe(1);
    await hub.fulfilment.ship('amazonEU', { ...req, packages: [{ ...req.packages[0]!, trackingNumber: '456' }] });
    expect(eu.shipments.size).toBe(2);
    await expect(hub.fulfilment.ship('amazonEU', { orderId: 'O1', packages: [] })).rejects.toMatchObject({ code: 'VALIDATION', path: 'req.packages' });
    await expect(hub.fulfilment.ship('nope', req)).rejects.toMatchObject({ code: 'VALIDATION', path: 'account' });
  });
});
