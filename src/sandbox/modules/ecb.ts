import type { SandboxModule } from '../module.js';

/**
 * An ECB-shaped reference-rate feed (eurofxref-daily.xml and the history files) for the demo and
 * offline tests; point `ecbRates({ endpoint })` at it. Rates are demo data given by the caller.
 */
export interface EcbFeedState {
  /** Publication date → (currency → rate per 1 EUR, decimal string). */
  days: Record<string, Record<string, string>>;
}

export const DEMO_EUR_RATES: Record<string, string> = {
  USD: '1.0512', JPY: '162.31', GBP: '0.8345', CNY: '7.6123', SGD: '1.4210', MYR: '4.9540', THB: '37.850',
  IDR: '17102.50', PHP: '61.205', AUD: '1.6122', CAD: '1.4687', CHF: '0.9420', NOK: '11.6850', SEK: '11.2400',
  PLN: '4.2650', KRW: '1468.20', BRL: '5.8870', MXN: '19.8450', INR: '89.120', TRY: '44.310', NZD: '1.7790',
};

function cube(days: EcbFeedState['days']): string {
  return Object.entries(days)
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([day, rates]) => `\t\t<Cube time='${day}'>\n${Object.entries(rates).map(([c, r]) => `\t\t\t<Cube currency='${c}' rate='${r}'/>`).join('\n')}\n\t\t</Cube>`)
    .join('\n');
}

function envelope(days: EcbFeedState['days']): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender>
\t\t<gesmes:name>European Central Bank</gesmes:name>
\t</gesmes:Sender>
\t<Cube>
${cube(days)}
\t</Cube>
</gesmes:Envelope>`;
}

export function ecbSandbox(opts: { days?: EcbFeedState['days'] } = {}): SandboxModule<EcbFeedState> {
  const state: EcbFeedState = { days: opts.days ?? { [new Date().toISOString().slice(0, 10)]: DEMO_EUR_RATES } };
  const xml = { status: 200, headers: { 'content-type': 'text/xml' } };
  return {
    name: 'ecb',
    state,
    install(router) {
      const latest = () => {
        const day = Object.keys(state.days).sort().at(-1)!;
        return { [day]: state.days[day]! };
      };
      router.add('GET', '/eurofxref-daily.xml', () => ({ ...xml, body: envelope(latest()) }));
      router.add('GET', '/eurofxref-hist-90d.xml', () => ({ ...xml, body: envelope(state.days) }));
      router.add('GET', '/eurofxref-hist.xml', () => ({ ...xml, body: envelope(state.days) }));
    },
    throttled: () => ({ status: 503, body: 'Service Unavailable' }),
    serverError: () => ({ status: 500, body: 'Internal Server Error' }),
  };
}
