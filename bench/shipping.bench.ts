/**
 * Shipping benchmarks (issue 7), one thread:
 *  - quoteShipping() per second for a 3-carrier (the sample rate cards), 1-parcel request, end to end:
 *    input validation, unit normalisation, every card's services, sorting (target ≥ 100,000)
 *  - the same as carrier quotes per second (3 per request)
 *  - the rate-card engine alone (shipment prepared once), per card quote
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prepareShipment, quoteShipping, rateCard, type ShipmentRequest } from '../src/shipping/index.js';

const dir = fileURLToPath(new URL('../examples/rate-cards/', import.meta.url));
const cards = readdirSync(dir)
  .filter((f) => f.endsWith('.sample.json'))
  .sort()
  .map((f) => rateCard(JSON.parse(readFileSync(dir + f, 'utf8'))));

const request: ShipmentRequest = {
  from: { country: 'CN', postalCode: '518000' },
  to: { country: 'US', postalCode: '10115' },
  parcels: [{ weight: { value: 1.2, unit: 'kg' }, dimensions: { length: 30, width: 20, height: 10, unit: 'cm' } }],
  shipDate: '2026-11-23',
};

/**
 * Ops per second of wall time, and per second of this process's CPU time: on a shared machine the
 * second is the "one core" figure (time other processes take from us is not counted).
 */
async function perSecond(label: string, ms: number, fn: () => unknown): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < 20_000; i++) await fn(); // warm-up (JIT)
  let ops = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const until = start + ms;
  while (performance.now() < until) {
    for (let i = 0; i < 1000; i++) await fn();
    ops += 1000;
  }
  const wallS = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuS = (used.user + used.system) / 1e6;
  const wall = Math.round(ops / wallS);
  const cpu = Math.round(ops / cpuS);
  console.log(`${label}: ${wall.toLocaleString('en-US')} ops/s wall, ${cpu.toLocaleString('en-US')} ops per CPU-second`);
  return { wall, cpu };
}

export async function run(): Promise<Record<string, number>> {
  if (cards.length !== 3) throw new Error(`expected 3 sample cards, found ${cards.length}`);
  const options = { carriers: cards, timeoutMs: 8000 };
  let sink = 0;
  const check = await quoteShipping(request, options);
  if (check.quotes.length === 0 || check.errors.length > 0) throw new Error('the benchmark request must be quotable');
  const requests = await perSecond('quoteShipping(), 3 rate cards, 1 parcel (target ≥ 100,000)', 3000, async () => {
    sink += (await quoteShipping(request, options)).quotes.length;
  });
  console.log(`  = ${(requests.cpu * cards.length).toLocaleString('en-US')} carrier quotes per CPU-second`);
  const shipment = prepareShipment(request);
  let i = 0;
  const engine = await perSecond('rate-card engine alone, per card', 2000, () => {
    sink += cards[i++ % cards.length]!.quote(shipment).quotes.length;
  });
  if (sink === 42) console.log('');
  return {
    quoteShippingPerCpuSecond: requests.cpu,
    quoteShippingPerWallSecond: requests.wall,
    carrierQuotesPerCpuSecond: requests.cpu * cards.length,
    engineQuotesPerCpuSecond: engine.cpu,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
