import { z } from 'zod';
import { parseInput } from '../../../errors/from-response.js';
import { op } from '../../../http/operation.js';
import { CurrencyCodeSchema } from '../../../model/money.js';
import type { QuoteContext, ShippingConnector } from '../../connector.js';
import type { PreparedShipment } from '../../request.js';
import type { CarrierQuotes } from '../../types.js';
import type { LiveConnectorOptions } from '../common.js';
import { carrierHost, oauthCarrierPipeline } from '../pipeline.js';
import { fedexAuth } from './auth.js';
import { mapFedexError } from './errors.js';
import { CARRIER, fromRatesResponse, toRateRequest } from './mappers.js';
import { RatesResponseSchema, type RateRequestBody, type RatesResponse } from './schemas.js';

/** FedEx API hosts: production and the test (sandbox) environment. */
export const FEDEX_HOSTS = { production: 'https://apis.fedex.com', test: 'https://apis-sandbox.fedex.com' } as const;

const rateQuotes = op<{ body: RateRequestBody; headers: Record<string, string> }, RatesResponse>({
  id: 'rateQuotes', method: 'POST', path: '/rate/v1/rates/quotes', idempotent: true, response: RatesResponseSchema,
});

const ConfigSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  accountNumber: z.string().min(1),
  endpoint: z.url().optional(),
  test: z.boolean().optional(),
  preferredCurrency: CurrencyCodeSchema.optional(),
});

export interface FedexRatesConfig extends LiveConnectorOptions {
  clientId: string;
  clientSecret: string;
  accountNumber: string;
  preferredCurrency?: string;
}

/** FedEx Rate API: OAuth client credentials at /oauth/token, then POST /rate/v1/rates/quotes. */
export function fedexRates(config: FedexRatesConfig): ShippingConnector {
  const cfg = parseInput(ConfigSchema, config, 'config');
  const pipeline = oauthCarrierPipeline({
    carrier: CARRIER, account: cfg.accountNumber, baseUrl: carrierHost(cfg, FEDEX_HOSTS), mapError: mapFedexError,
    auth: (self) => fedexAuth(cfg.clientId, cfg.clientSecret, self, config.clock),
  }, config);
  return {
    carrier: CARRIER,
    source: 'live',
    async quote(s: PreparedShipment, ctx: QuoteContext): Promise<CarrierQuotes> {
      const res = await pipeline.call(rateQuotes, { body: toRateRequest(s, cfg), headers: { 'x-locale': 'en_US' } }, { signal: ctx.signal });
      return { quotes: fromRatesResponse(res.data, cfg) };
    },
  };
}
