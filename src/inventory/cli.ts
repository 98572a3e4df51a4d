/**
 * `xborder stock set|map|policy|show|sync` as plain functions over a ledger: argv strings in
 * (coerced and validated with zod), data out, plus text formatters. The CLI adds commander glue,
 * `--json`, and `await ledger.flush()` before exiting.
 */
import { z } from 'zod';
import type { MarketplaceAdapter } from '../adapter.js';
import { parseInput } from '../errors/from-response.js';
import { DEFAULT_RULES, targetOf } from './availability.js';
import { StockLedger, type MappingView } from './ledger.js';
import type { InventorySyncReport } from './report.js';
import { FulfilledBySchema, SkuSchema, StoreRefSchema, type Component, type Policy, type StockException } from './schemas.js';
import { fileLedgerStore } from './store.js';
import { inventorySync, type InventorySyncOptions } from './sync.js';

const Count = z.coerce.number().int().min(0).max(1_000_000_000);

export function openLedger(file: string): StockLedger {
  return new StockLedger({ store: fileLedgerStore(parseInput(z.string().min(1), file, 'ledger')) });
}

export interface StockRow {
  sku: string;
  onHand: number;
  reserved: number;
  free: number;
}

const SetSchema = z.object({ sku: SkuSchema, quantity: Count.optional(), delta: z.coerce.number().int().min(-1e9).max(1e9).optional(), asOf: z.string().min(1).optional() }).strict()
  .refine((v) => (v.quantity === undefined) !== (v.delta === undefined), { message: 'give either quantity or delta', path: ['quantity'] });

/** `stock set <sku> <quantity>` (absolute count) or `--delta <n>` (receipt / write-off). */
export function stockSet(ledger: StockLedger, input: { sku: string; quantity?: number | string; delta?: number | string; asOf?: string }): StockRow {
  const i = parseInput(SetSchema, input, '');
  if (i.quantity !== undefined) ledger.setOnHand(i.sku, i.quantity, i.asOf ? { asOf: i.asOf } : {});
  else ledger.adjustOnHand(i.sku, i.delta!);
  return row(ledger, i.sku);
}

/** 'WH-A' · 'WH-A:6' (a pack of 6) · 'WH-A:2,WH-B' (a bundle). */
export function parseComponents(text: string, path = 'to'): Component[] {
  const parts = parseInput(z.string().min(1), text, path).split(',').map((p) => p.trim()).filter(Boolean);
  return parts.map((p, i) => {
    const m = /^(.*):(\d+)$/.exec(p);
    return parseInput(z.object({ sku: SkuSchema, qty: Count.pipe(z.number().min(1)) }), m ? { sku: m[1], qty: m[2] } : { sku: p, qty: 1 }, `${path}[${i}]`);
  });
}

const MapSchema = z.object({ store: StoreRefSchema, marketplaceSku: SkuSchema, to: z.string().optional(), fulfilledBy: FulfilledBySchema.optional(), unmap: z.boolean().optional() }).strict()
  .refine((v) => v.unmap || v.to, { message: 'give the warehouse SKU(s) to map to', path: ['to'] });

/** `stock map <store> <marketplaceSku> <to>` or `--unmap`; returns the mapping now in force. */
export function stockMap(ledger: StockLedger, input: { store: string; marketplaceSku: string; to?: string; fulfilledBy?: 'merchant' | 'marketplace'; unmap?: boolean }): MappingView | undefined {
  const i = parseInput(MapSchema, input, '');
  if (i.unmap) ledger.unmap(i.store, i.marketplaceSku);
  else ledger.map(i.store, i.marketplaceSku, { bundle: parseComponents(i.to!), ...(i.fulfilledBy ? { fulfilledBy: i.fulfilledBy } : {}) });
  return ledger.mappings().find((m) => m.store === i.store && m.sku === i.marketplaceSku);
}

const PolicyInput = z.object({ store: StoreRefSchema, safetyStock: Count.optional(), cap: z.union([z.literal('none'), Count]).optional(), paused: z.boolean().optional() }).strict();

/** `stock policy <store> [--safety n] [--cap n|none] [--pause|--resume]`. */
export function stockPolicy(ledger: StockLedger, input: { store: string; safetyStock?: number | string; cap?: number | string; paused?: boolean }): Policy {
  const i = parseInput(PolicyInput, input, '');
  ledger.policy(i.store, { safetyStock: i.safetyStock, cap: i.cap === 'none' ? null : i.cap, paused: i.paused });
  return ledger.policyOf(i.store);
}

export interface StockView {
  skus: Array<StockRow & { listings: Array<{ store: string; marketplaceSku: string; unitsPerListing: number; available: number | undefined; confirmed?: number }> }>;
  exceptions: StockException[];
}

/** `stock show [--sku s] [--store r]`; pass the accounts to apply each marketplace's quantity rules. */
export function stockShow(ledger: StockLedger, input: { sku?: string; store?: string; accounts?: Record<string, MarketplaceAdapter> } = {}): StockView {
  const sku = input.sku === undefined ? undefined : parseInput(SkuSchema, input.sku, 'sku');
  const mappings = ledger.mappings().filter((m) => !input.store || m.store === input.store);
  const rulesOf = (store: string) => ({ ...DEFAULT_RULES, ...input.accounts?.[store.slice(0, store.indexOf(':'))]?.capabilities.quantity });
  const skus = ledger.skus().filter((s) => !sku || s === sku);
  return {
    skus: skus.map((s) => ({
      ...row(ledger, s),
      listings: mappings.filter((m) => m.components.some((c) => c.sku === s)).map((m) => {
        const rules = rulesOf(m.store);
        const confirmed = ledger.confirmed(targetOf(m.store, m.sku, rules))?.qty;
        return { store: m.store, marketplaceSku: m.sku, unitsPerListing: m.components.find((c) => c.sku === s)!.qty, available: ledger.available(m.store, m.sku, rules), ...(confirmed !== undefined ? { confirmed } : {}) };
      }),
    })),
    exceptions: ledger.exceptions({ open: true }),
  };
}

/** `stock sync --stores stores.json [--follow]`: exit code 0 when all pushes landed and nothing oversold, else 1. */
export async function stockSync(ledger: StockLedger, accounts: Record<string, MarketplaceAdapter>, opts: Omit<InventorySyncOptions, 'ledger' | 'accounts'> = {}): Promise<{ report: InventorySyncReport; exitCode: 0 | 1 }> {
  const report = await inventorySync({ ...opts, ledger, accounts });
  return { report, exitCode: report.ok ? 0 : 1 };
}

export function formatStockView(view: StockView): string {
  const rows = view.skus.flatMap((s) => [
    [s.sku, String(s.onHand), String(s.reserved), String(s.free), '', '', ''],
    ...s.listings.map((l) => ['', '', '', '', `${l.store} ${l.marketplaceSku}${l.unitsPerListing > 1 ? ` (×${l.unitsPerListing})` : ''}`, l.available === undefined ? 'read-only' : String(l.available), l.confirmed === undefined ? '-' : String(l.confirmed)]),
  ]);
  const out = [table(['SKU', 'on hand', 'reserved', 'free', 'listing', 'to show', 'shown'], rows)];
  if (view.exceptions.length) out.push('', `Open exceptions (${view.exceptions.length}):`, ...view.exceptions.map(describeException));
  return out.join('\n');
}

export function formatInventoryReport(r: InventorySyncReport): string {
  const p = r.pushes;
  const lines = [
    `orders applied ${r.ordersApplied} (ignored ${r.ordersIgnored}) · calls ${p.calls} · confirmed ${p.confirmed} · failed ${p.failed} · retried ${p.retried} · stale discarded ${p.discardedStale} · unchanged ${p.skippedUnchanged}`,
    `propagation p50 ${r.propagationMs.p50} ms · p95 ${r.propagationMs.p95} ms · zero-out p95 ${r.zeroOutMs.p95} ms`,
    table(['store', 'confirmed', 'failed', 'lag p50 ms', 'lag p95 ms', 'lag max ms'], Object.entries(r.stores).map(([s, v]) => [s, String(v.confirmed), String(v.failed), String(v.lagMs.p50), String(v.lagMs.p95), String(v.lagMs.max)])),
  ];
  for (const f of r.failures) lines.push(`FAILED ${f.account}${f.store ? `:${f.store}` : ''} ${f.sku}: ${f.code} ${f.message}`);
  for (const e of r.oversells) lines.push(describeException(e));
  for (const w of r.warnings) lines.push(`warning ${w.store ?? w.account ?? ''} ${w.sku ?? ''}: ${w.message}`.replace(/\s+/g, ' '));
  return lines.join('\n');
}

function describeException(e: StockException): string {
  return e.kind === 'oversell'
    ? `${e.id} OVERSOLD ${e.sku} by ${e.shortBy} (order ${e.orderId} on ${e.store})`
    : `${e.id} UNMAPPED ${e.store} ${e.sku} (order ${e.orderId})`;
}

function row(ledger: StockLedger, sku: string): StockRow {
  return { sku, onHand: ledger.onHand(sku), reserved: ledger.reserved(sku), free: ledger.free(sku) };
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
