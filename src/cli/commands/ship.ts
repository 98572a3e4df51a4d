/** `xborder ship --stores f --account a --order ID --line L1:2 --carrier DHL --tracking N`. */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import type { ShipRequest } from '../../model/shipment.js';
import { CliError, EXIT_OK, EXIT_PARTIAL } from '../exit.js';
import { hubFromConfig, type CliContext } from '../context.js';

interface ShipFlags {
  stores?: string;
  account?: string;
  order?: string;
  line: string[];
  carrier?: string;
  service?: string;
  tracking?: string;
  shippedAt?: string;
  request?: string;
  force?: boolean;
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerShip(program: Command, ctx: CliContext, done: (code: number) => void): void {
  program
    .command('ship')
    .description('confirm a shipment (one package from flags, or any request from --request file.json)')
    .option('--stores <file>', 'store config file')
    .option('--account <key>', "account (or 'account:store') the order belongs to")
    .option('--order <id>', 'order id')
    .option('--line <lineId:qty>', 'order line and quantity in the package (repeatable)', collect, [])
    .option('--carrier <code>', 'carrier code, e.g. DHL, UPS, YANWEN')
    .option('--service <name>', 'carrier service')
    .option('--tracking <number>', 'tracking number')
    .option('--shipped-at <iso>', 'ship date-time with offset (default: now)')
    .option('--request <file>', 'a full ShipRequest as JSON (several packages...)')
    .option('--force', 'ship even when the order is on hold')
    .action(async (flags: ShipFlags) => done(await runShip(ctx, flags)));
}

async function runShip(ctx: CliContext, flags: ShipFlags): Promise<number> {
  if (!flags.account) throw new CliError('--account <key> is required');
  const req = flags.request ? await readRequest(flags.request) : fromFlags(flags);
  const { hub } = await hubFromConfig(ctx, flags.stores);
  const shipment = await hub.fulfilment.ship(flags.account, req, { signal: ctx.signal });
  if (ctx.io.json) ctx.io.out(JSON.stringify(shipment));
  else {
    const tracking = shipment.packages.map((p) => `${p.carrier?.code ?? '?'} ${p.trackingNumber ?? '(pending)'}`).join(', ');
    ctx.io.out(`${shipment.orderId}: ${shipment.status} (${shipment.outcome}) — ${tracking}`);
    for (const w of shipment.warnings) ctx.io.err(`warning: ${w}`);
  }
  return shipment.outcome === 'unknown' ? EXIT_PARTIAL : EXIT_OK;
}

function fromFlags(flags: ShipFlags): ShipRequest {
  if (!flags.order) throw new CliError('--order <id> is required (or --request file.json)');
  if (flags.line.length === 0) throw new CliError('at least one --line <lineId:qty> is required');
  const lines = flags.line.map((l) => {
    const m = /^(.+):(\d+)$/.exec(l);
    if (!m || Number(m[2]) < 1) throw new CliError(`--line ${l}: expected <lineId>:<quantity>, e.g. 123-1:2`);
    return { lineId: m[1]!, quantity: Number(m[2]) };
  });
  return {
    orderId: flags.order,
    packages: [{ lines, ...(flags.carrier ? { carrier: flags.carrier } : {}), ...(flags.service ? { service: flags.service } : {}), ...(flags.tracking ? { trackingNumber: flags.tracking } : {}) }],
    shippedAt: flags.shippedAt ?? new Date().toISOString(),
    ...(flags.force ? { force: true } : {}),
  };
}

async function readRequest(file: string): Promise<ShipRequest> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as ShipRequest;
  } catch (e) {
    throw new CliError(`Cannot read ship request ${file}: ${(e as Error).message}`);
  }
}
