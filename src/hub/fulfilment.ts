/**
 * Shipping through the hub: the request is validated before any I/O, and a repeated call for the
 * same packages reuses one idempotency key, so a retried ERP job cannot confirm a shipment twice.
 */
import { createHash } from 'node:crypto';
import type { MarketplaceAdapter } from '../adapter.js';
import { parseInput } from '../errors/from-response.js';
import { ValidationError } from '../errors/classes.js';
import type { CallOptions } from '../http/call-options.js';
import { ShipRequestSchema, type Shipment, type ShipRequest } from '../model/shipment.js';
import { accountOf } from './store-ref.js';

export async function ship(accounts: Readonly<Record<string, MarketplaceAdapter>>, account: string, req: ShipRequest, opts: CallOptions = {}): Promise<Shipment> {
  const key = typeof account === 'string' ? accountOf(account) : '';
  const adapter = accounts[key];
  if (!adapter) throw new ValidationError({ message: `Unknown account "${String(account)}" (accounts: ${Object.keys(accounts).join(', ')})`, path: 'account' });
  const valid = parseInput(ShipRequestSchema, req, 'req');
  const idempotencyKey = opts.idempotencyKey ?? defaultShipKey(key, valid);
  return adapter.fulfilment.ship(req, { ...opts, idempotencyKey });
}

/** Same order + same packages (lines, carrier, tracking) → same key. */
export function defaultShipKey(account: string, req: { orderId: string; packages: unknown[] }): string {
  const digest = createHash('sha256').update(JSON.stringify(req.packages)).digest('hex').slice(0, 16);
  return `xb-ship:${account}:${req.orderId}:${digest}`;
}
