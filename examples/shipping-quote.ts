/**
 * Quote one parcel CN → DE with the sample rate cards (examples/rate-cards, SAMPLE PRICES) and,
 * when their credentials are in the environment, the live carrier APIs:
 *
 *   DHL_USERNAME, DHL_PASSWORD, DHL_ACCOUNT            (MyDHL API)
 *   FEDEX_CLIENT_ID, FEDEX_CLIENT_SECRET, FEDEX_ACCOUNT (FedEx Rate API)
 *   UPS_CLIENT_ID, UPS_CLIENT_SECRET, UPS_ACCOUNT       (UPS Rating)
 *   CARRIER_SANDBOX=1 uses the carriers' test hosts.
 *
 *   npx tsx examples/shipping-quote.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { money, toDecimal } from 'xborder';
import { rateTable } from 'xborder/currency';
import {
  dhlExpress, fedexRates, quoteShipping, rateCard, upsRates, type ShippingConnector, type ShipmentRequest,
} from 'xborder/shipping';

const env = process.env;
const test = env.CARRIER_SANDBOX === '1';
const dir = fileURLToPath(new URL('./rate-cards/', import.meta.url));

const carriers: ShippingConnector[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => rateCard(JSON.parse(readFileSync(dir + f, 'utf8'))));
if (env.DHL_USERNAME && env.DHL_PASSWORD && env.DHL_ACCOUNT) {
  carriers.push(dhlExpress({ username: env.DHL_USERNAME, password: env.DHL_PASSWORD, accountNumber: env.DHL_ACCOUNT, test }));
}
if (env.FEDEX_CLIENT_ID && env.FEDEX_CLIENT_SECRET && env.FEDEX_ACCOUNT) {
  carriers.push(fedexRates({ clientId: env.FEDEX_CLIENT_ID, clientSecret: env.FEDEX_CLIENT_SECRET, accountNumber: env.FEDEX_ACCOUNT, test }));
}
if (env.UPS_CLIENT_ID && env.UPS_CLIENT_SECRET && env.UPS_ACCOUNT) {
  carriers.push(upsRates({ clientId: env.UPS_CLIENT_ID, clientSecret: env.UPS_CLIENT_SECRET, accountNumber: env.UPS_ACCOUNT, test, timeInTransit: true }));
}

// Live APIs want a near-future date; the sample cards (and their fuel table) are dated Nov–Dec 2026.
const live = carriers.some((c) => c.source === 'live');
const shipDate = live ? new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) : '2026-11-23';
const request: ShipmentRequest = {
  from: { country: 'CN', postalCode: '518000', city: 'Shenzhen' },
  to: { country: 'DE', postalCode: '10115', city: 'Berlin' },
  parcels: [{ weight: { value: 1.2, unit: 'kg' }, dimensions: { length: 30, width: 20, height: 10, unit: 'cm' } }],
  declaredValue: money('45.00', 'USD'),
  contents: [{ description: 'Cotton T-shirt', hsCode: '610910', quantity: 3, value: money('45.00', 'USD'), originCountry: 'CN' }],
  cargoClass: 'general',
  shipDate,
};

// Illustrative rates (1 EUR = x): use an ECB table from xborder/currency in real code.
const rates = rateTable({ base: 'EUR', asOf: shipDate, source: 'example (not live)', rates: { CNY: '7.80', USD: '1.08', GBP: '0.85' } });

const res = await quoteShipping(request, { carriers, timeoutMs: 8000, rates, currency: 'EUR' });

const days = (t: { minDays: number; maxDays: number; kind: string } | null) => (t ? `${t.minDays}–${t.maxDays} ${t.kind} days` : 'n/a');
console.log(`Quotes for 1.2 kg, 30×20×10 cm, Shenzhen → Berlin, shipping ${shipDate} (EUR, converted at example rates):\n`);
for (const q of res.quotes) {
  const from = q.converted ? ` (${toDecimal(q.converted.from)} ${q.converted.from.currency})` : '';
  console.log(`${`${toDecimal(q.total)} ${q.total.currency}`.padStart(12)}${from.padEnd(16)}  ${q.carrier} / ${q.serviceName} — ${q.chargeableWeight?.value ?? '?'} ${q.chargeableWeight?.unit ?? ''} billed, ${days(q.transit)} [${q.source}]`);
  for (const l of q.breakdown) console.log(`${''.padStart(30)}${l.kind.padEnd(13)}${toDecimal(l.amount).padStart(10)}  ${l.label ?? ''}`);
}
for (const u of res.unavailable) console.log(`not serviceable: ${u.carrier} / ${u.serviceName} — ${u.reason}: ${u.message}`);
for (const e of res.errors) console.log(`error: ${e.carrier} — ${e.error.code}: ${e.error.message}`);
if (!live) console.log('\n(no carrier credentials in the environment: sample rate cards only)');
