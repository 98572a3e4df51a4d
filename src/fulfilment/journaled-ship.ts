import { randomUUID } from 'node:crypto';
import { ConflictError, OutcomeUnknownError, ValidationError } from '../errors/classes.js';
import { parseInput } from '../errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../http/call-options.js';
import type { Clock } from '../http/clock.js';
import type { Order } from '../model/order.js';
import { ShipRequestSchema, type Package, type Shipment, type ShipRequest } from '../model/shipment.js';
import type { IntentJournal } from '../state/intent-journal.js';

type ShipInput = ReturnType<typeof ShipRequestSchema.parse>;
type PackageInput = ShipInput['packages'][number];
type PassedOptions = Pick<CallOptions, 'signal' | 'deadline' | 'timeoutMs'>;

export interface JournaledShipSpec<Wire> {
  marketplace: string;
  account: string;
  /** The marketplace's write operation, for error messages. */
  operation: string;
  journal: IntentJournal;
  clock: Clock;
  /** Reads the order as it is now: the wire document (handed back to `sendPackage`), the mapped order and its line ids. */
  readOrder(orderId: string, opts: PassedOptions): Promise<{ wire: Wire; order: Order; lineIds: ReadonlySet<string> }>;
  /** The unified package for one input package (carrier mapping, references); may add warnings. */
  describePackage(p: PackageInput, ctx: PackageContext<Wire>): Package;
  /**
   * Sends one package under its own idempotency key (`ctx.key`). Resolves with what the answer adds
   * (e.g. the marketplace's package id); throws OutcomeUnknownError when the write cannot be proven.
   */
  sendPackage(p: PackageInput, ctx: PackageContext<Wire>): Promise<Partial<Package> | void>;
}

export interface PackageContext<Wire> {
  index: number;
  key: string;
  input: ShipInput;
  wire: Wire;
  shippedAt: string;
  opts: PassedOptions;
  warnings: string[];
}

/**
 * The ship flow every adapter whose shipment write is not idempotent shares: validate, refuse an
 * order that is not shippable (unless forced or resuming), journal the intent under the caller's
 * idempotency key, send one write per package (each keyed, so a retry skips what went through),
 * and journal the shipment — or `outcome: 'unknown'` when a write could not be proven.
 */
export async function journaledShip<Wire>(spec: JournaledShipSpec<Wire>, req: ShipRequest, opts: CallOptions = {}): Promise<Shipment> {
  const input = parseInput(ShipRequestSchema, req, 'request');
  opts = parseCallOptions(opts); // null: none; a non-string idempotencyKey: ValidationError before any call
  const key = opts.idempotencyKey ?? randomUUID();
  const shipKey = `${spec.marketplace}:${spec.account}:ship:${key}`;
  const prior = await spec.journal.get(shipKey);
  if (prior?.state === 'succeeded') return { ...(prior.result as Shipment), outcome: 'already_done' };
  const passed: PassedOptions = { signal: opts.signal, deadline: opts.deadline, timeoutMs: opts.timeoutMs };

  const { wire, order, lineIds } = await spec.readOrder(input.orderId, passed);
  const resuming = prior !== undefined && prior.state !== 'failed';
  if (!order.shippable && !input.force && !resuming) {
    const why = order.holds.length ? `holds: ${order.holds.join(', ')}` : `status ${order.marketplaceStatus}, fulfilled by ${order.fulfilledBy}`;
    throw new ConflictError({ marketplace: spec.marketplace, operation: spec.operation, message: `Order ${input.orderId} is not shippable (${why}); pass force: true to ship anyway` });
  }
  checkPackages(spec.marketplace, input, lineIds);
  await spec.journal.put({ key: shipKey, operation: 'ship', state: 'pending', at: spec.clock.now() });

  const shippedAt = new Date(input.shippedAt ?? spec.clock.now()).toISOString();
  const warnings: string[] = [];
  const packages: Package[] = [];
  let unknown = false;
  for (const [index, p] of input.packages.entries()) {
    const ctx: PackageContext<Wire> = { index, key: input.packages.length > 1 ? `${key}#${index + 1}` : key, input, wire, shippedAt, opts: passed, warnings };
    const pkg = spec.describePackage(p, ctx);
    try {
      packages.push({ ...pkg, ...(await spec.sendPackage(p, ctx)) });
    } catch (e) {
      if (!(e instanceof OutcomeUnknownError)) throw e;
      unknown = true;
      warnings.push(`Package ${index + 1}: ${spec.marketplace} did not answer clearly and re-reading the order could not tell whether it was recorded; ship again with the same idempotency key to re-check`);
      packages.push(pkg);
    }
  }
  const shipment: Shipment = {
    orderId: input.orderId,
    marketplace: spec.marketplace,
    packages,
    shippedAt,
    ...(input.shipFrom ? { shipFrom: input.shipFrom } : {}),
    status: unknown ? 'pending' : 'shipped',
    outcome: unknown ? 'unknown' : 'confirmed',
    warnings,
  };
  await spec.journal.put({ key: shipKey, operation: 'ship', state: unknown ? 'unknown' : 'succeeded', at: spec.clock.now(), ...(unknown ? {} : { result: shipment }) });
  return shipment;
}

/** Seller-provided tracking: every package needs a carrier, a tracking number and lines of this order. */
function checkPackages(marketplace: string, input: ShipInput, lineIds: ReadonlySet<string>): void {
  input.packages.forEach((p, i) => {
    if (!p.carrier) throw new ValidationError({ message: `${marketplace} needs a carrier for every package`, path: `request.packages[${i}].carrier` });
    if (!p.trackingNumber) throw new ValidationError({ message: `${marketplace} needs a tracking number for every package`, path: `request.packages[${i}].trackingNumber` });
    p.lines.forEach((l, j) => {
      if (!lineIds.has(l.lineId)) throw new ValidationError({ message: `Order ${input.orderId} has no line ${l.lineId}`, path: `request.packages[${i}].lines[${j}].lineId` });
    });
  });
}
