/**
 * Currency benchmarks (issue 5), single thread:
 *  - convert() per second across cross rates through EUR, incl. large IDR/VND amounts (target ≥ 500,000)
 *  - priceForMarket() per second (fees, margin, buffer, VAT, market ending)
 */
import { convert, priceForMarket, rateTable } from '../src/currency/index.js';
import type { Money } from '../src/model/money.js';

const table = rateTable({
  base: 'EUR',
  asOf: '2024-06-28',
  source: 'ecb',
  rates: { USD: '1.0705', JPY: '171.94', CNY: '7.7748', IDR: '17487.21', GBP: '0.84638', KRW: '1476.08', VND: '27345' },
});

const CASES: Array<[Money, string]> = [
  [{ amount: 1299, currency: 'USD' }, 'JPY'],
  [{ amount: 8520, currency: 'CNY' }, 'USD'],
  [{ amount: 100_000_000_000, currency: 'IDR' }, 'USD'],
  [{ amount: 9_000_000_000_000, currency: 'VND' }, 'IDR'],
  [{ amount: 45_000, currency: 'JPY' }, 'GBP'],
  [{ amount: 2_499, currency: 'EUR' }, 'KRW'],
];

function perSecond(label: string, ms: number, fn: (i: number) => unknown): number {
  for (let i = 0; i < 20_000; i++) fn(i); // warm-up (JIT, per-table caches)
  let ops = 0;
  const start = performance.now();
  const until = start + ms;
  while (performance.now() < until) {
    for (let i = 0; i < 1000; i++) fn(ops + i);
    ops += 1000;
  }
  const rate = Math.round(ops / ((performance.now() - start) / 1000));
  console.log(`${label}: ${rate.toLocaleString('en-US')} ops/s`);
  return rate;
}

export async function run(): Promise<Record<string, number>> {
  let sink = 0;
  const conversions = perSecond('convert() (target ≥ 500,000)', 2000, (i) => {
    const [m, to] = CASES[i % CASES.length]!;
    sink += convert(m, to, table).money.amount;
  });
  const costs: Money[] = [{ amount: 8520, currency: 'CNY' }, { amount: 1240, currency: 'USD' }, { amount: 123_456, currency: 'JPY' }];
  const targets = ['USD', 'JPY', 'EUR', 'IDR'];
  const prices = perSecond('priceForMarket()', 2000, (i) => {
    const p = priceForMarket(costs[i % costs.length]!, {
      to: targets[i % targets.length]!, rates: table, fees: ['0.12', '0.02'], margin: '0.20', fxBuffer: '0.02', vatRate: '0.19', ending: 'auto',
    });
    sink += p.price.amount;
  });
  if (sink === 42) console.log('');
  return { conversionsPerSecond: conversions, priceForMarketPerSecond: prices };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
