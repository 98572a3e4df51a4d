import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { MemoryIntentJournal } from '../../../src/state/intent-journal.js';
import { aliexpress } from '../../../adapters/aliexpress/index.js';
import { aeSandbox, CREDS, LISTING_DEFAULTS, TIME_SCALE, type SandboxSetup } from './helpers.js';

let s: SandboxSetup;
const journal = new MemoryIntentJournal();
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  s = await aeSandbox({ adapter: { journal, carrierTrackingWebsites: { 'Royal Mail': 'https://www.royalmail.com/track-your-item' } } });
});
afterAll(() => s.close());

/** A second process: same seller, same journal, fresh adapter. */
const restarted = () => aliexpress({
  appKey: CREDS.appKey, appSecret: CREDS.appSecret, sellerId: CREDS.sellerId, tokens: s.store, endpoint: s.url, listingDefaults: LISTING_DEFAULTS,
  timeScale: TIME_SCALE, retry: { baseDelayMs: 1, maxDelayMs: 5 }, consistency: { windowMs: 50, intervalMs: 10 }, journal,
});

const twoLines = () => s.world.addOrder({ lines: [{ sku: 'A', price: '5.00' }, { sku: 'B', price: '6.00' }] });

describe('shipment declaration completes the order', () => {
  it('the last package is declared `all` from what was already declared, even from another run', async () => {
    const o = twoLines();
    const [a, b] = o.lines;
    await s.adapter.fulfilment.ship({ orderId: o.id, packages: [{ lines: [{ lineId: a!.childId, quantity: 1 }], carrier: 'CAINIAO_STANDARD', trackingNumber: 'LPA1' }] });
    expect(s.world.orders.get(o.id)!.logistics.map((x) => x.send_type)).toEqual(['part']);
    expect(s.world.orders.get(o.id)!.status).toBe('SELLER_PART_SEND_GOODS');
    const shipment = await restarted().fulfilment.ship({ orderId: o.id, packages: [{ lines: [{ lineId: b!.childId, quantity: 1 }], carrier: 'CAINIAO_STANDARD', trackingNumber: 'LPB1' }] });
    expect(shipment.warnings).toEqual([]);
    expect(s.world.orders.get(o.id)!.logistics.map((x) => x.send_type)).toEqual(['part', 'all']);
    expect(s.world.orders.get(o.id)!.status).toBe('WAIT_BUYER_ACCEPT_GOODS');
  });

  it('repeating an earlier package with the new one counts it once', async () => {
    const o = twoLines();
    const [a, b] = o.lines;
    const first = { lines: [{ lineId: a!.childId, quantity: 1 }], carrier: 'UPS', trackingNumber: 'LPA2' };
    await s.adapter.fulfilment.ship({ orderId: o.id, packages: [first] });
    const r = await s.adapter.fulfilment.ship({ orderId: o.id, packages: [first, { lines: [{ lineId: b!.childId, quantity: 1 }], carrier: 'UPS', trackingNumber: 'LPB2' }] });
    expect(r.outcome).toBe('confirmed');
    expect(s.world.orders.get(o.id)!.logistics.map((x) => [x.logistics_no, x.send_type])).toEqual([['LPA2', 'part'], ['LPB2', 'all']]);
  });

  it('declarations made outside the adapter are reported: lines unknown, declared part with a warning', async () => {
    const o = twoLines();
    s.world.orders.get(o.id)!.logistics.push({ logistics_no: 'SELLER-CENTER-1', logistics_service_name: 'UPS', gmt_send: '2026-11-01 00:00:00', send_type: 'part' });
    s.world.orders.get(o.id)!.status = 'SELLER_PART_SEND_GOODS';
    const r = await s.adapter.fulfilment.ship({ orderId: o.id, packages: [{ lines: [{ lineId: o.lines[1]!.childId, quantity: 1 }], carrier: 'UPS', trackingNumber: 'LPB3' }] });
    expect(r.warnings[0]).toContain('SELLER-CENTER-1');
    expect(s.world.orders.get(o.id)!.logistics.at(-1)!.send_type).toBe('part');
  });
});

describe('carriers outside the service list', () => {
  it('a unified carrier is matched against the seller\'s service list (fedex → FEDEX)', async () => {
    const o = s.world.addOrder({ lines: [{ sku: 'C', price: '1.00' }] });
    const r = await s.adapter.fulfilment.ship({ orderId: o.id, packages: [{ lines: [{ lineId: o.lines[0]!.childId, quantity: 1 }], carrier: 'Federal Express', trackingNumber: '7700' }] });
    expect(r.packages[0]!.carrier).toEqual({ code: 'FEDEX', marketplaceCode: 'FEDEX' });
    expect(s.world.orders.get(o.id)!.logistics[0]).toMatchObject({ logistics_service_name: 'FEDEX', send_type: 'all' });
    expect(s.world.orders.get(o.id)!.logistics[0]!.tracking_website).toBeUndefined();
  });

  it('is declared as `other` with its tracking website', async () => {
    const o = s.world.addOrder({ lines: [{ sku: 'D', price: '1.00' }] });
    const r = await s.adapter.fulfilment.ship({ orderId: o.id, packages: [{ lines: [{ lineId: o.lines[0]!.childId, quantity: 1 }], carrier: 'Royal Mail', trackingNumber: 'RM123GB' }] });
    expect(r.packages[0]!.carrier).toEqual({ code: 'ROYAL_MAIL', marketplaceCode: 'other' });
    expect(s.world.orders.get(o.id)!.logistics[0]).toMatchObject({ logistics_service_name: 'other', tracking_website: 'https://www.royalmail.com/track-your-item', send_type: 'all' });
  });

  it('without a tracking website it is a ValidationError naming the package, before any declaration', async () => {
    const o = s.world.addOrder({ lines: [{ sku: 'E', price: '1.00' }] });
    const before = s.world.fulfilCalls;
    const err = await s.adapter.fulfilment.ship({ orderId: o.id, packages: [{ lines: [{ lineId: o.lines[0]!.childId, quantity: 1 }], carrier: 'Correos Express', trackingNumber: 'CE1' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ path: 'packages.0.carrier' });
    expect(s.world.fulfilCalls).toBe(before);
  });

  it('the sandbox gateway refuses `other` without tracking_website and unlisted service names', async () => {
    const o = s.world.addOrder({ lines: [{ sku: 'F', price: '1.00' }] });
    const base = { out_ref: o.id, send_type: 'all', logistics_no: 'X1' };
    await expect(s.adapter.raw.seller.fulfill({ body: { ...base, service_name: 'other' } })).rejects.toMatchObject({ errors: [{ code: 'isv.tracking-website-required' }] });
    await expect(s.adapter.raw.seller.fulfill({ body: { ...base, service_name: 'ROYAL_MAIL' } })).rejects.toMatchObject({ errors: [{ code: 'isv.logistics-service-invalid' }] });
    expect(s.world.orders.get(o.id)!.logistics).toEqual([]);
  });
});
