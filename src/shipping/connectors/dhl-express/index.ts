import { z } from 'zod';
import { parseInput } from '../../../errors/from-response.js';
import { op } from '../../../http/operation.js';
import type { ShippingConnector, QuoteContext } from '../../connector.js';
import type { PreparedShipment } from '../../request.js';
import type { CarrierQuotes } from '../../types.js';
import type { LiveConnectorOptions } from '../common.js';
import { carrierHost, carrierPipeline } from '../pipeline.js';
import { DhlBasicAuth } from './auth.js';
import { mapDhlError } from './errors.js';
import { CARRIER, fromRatesResponse, toRatesBody, toRatesQuery } from './mappers.js';
import { RatesResponseSchema, type RateRequestBody, type RatesResponse } from './schemas.js';

/** Hosts from the MyDHL API 3.1.1 spec `servers`. */
export const DHL_HOSTS = {
  production: 'https://express.api.dhl.com/mydhlapi',
  test: 'https://express.api.dhl.com/mydhlapi/test',
  mock: 'https://api-mock.dhl.com/mydhlapi',
} as const;

/** Required header; the spec says "Interface version - do not change this field value" (default 3.1.0). */
const X_VERSION = '3.1.0';

const ops = {
  /** exp-api-rates: one piece, query parameters. */
  getRates: op<{ query: Record<string, string>; headers: Record<string, string> }, RatesResponse>({
    id: 'getRates', method: 'GET', path: '/rates', idempotent: true, response: RatesResponseSchema,
  }),
  /** exp-api-rates-many: multi-piece JSON body. A quote changes nothing, so replaying it is safe. */
  postRates: op<{ body: RateRequestBody; headers: Record<string, string> }, RatesResponse>({
    id: 'postRates', method: 'POST', path: '/rates', idempotent: true, response: RatesResponseSchema,
  }),
};

const ConfigSchema = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  accountNumber: z.string().min(1).max(12),
  endpoint: z.url().optional(),
  test: z.boolean().optional(),
  pickupTime: z.string().regex(/^\d{2}:\d{2}:\d{2}$/, "expected 'HH:MM:SS'").default('10:00:00'),
  utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/, "expected '+08:00'").default('+00:00'),
});

export interface DhlExpressConfig extends LiveConnectorOptions {
  username: string;
  password: string;
  accountNumber: string;
  pickupTime?: string;
  utcOffset?: string;
}

/**
 * DHL Express rating through the MyDHL API: GET /rates for one piece with dimensions, POST /rates
 * otherwise; each product priced in the billing currency (`totalPrice[currencyType=BILLC]`).
 */
export function dhlExpress(config: DhlExpressConfig): ShippingConnector {
  const cfg = parseInput(ConfigSchema, config, 'config');
  const baseUrl = carrierHost(cfg, DHL_HOSTS);
  const pipeline = carrierPipeline(
    { carrier: CARRIER, account: cfg.accountNumber, baseUrl, auth: new DhlBasicAuth(cfg.username, cfg.password), mapError: mapDhlError },
    config,
  );
  const headers = { 'x-version': X_VERSION, accept: 'application/json' };
  return {
    carrier: CARRIER,
    source: 'live',
    async quote(s: PreparedShipment, ctx: QuoteContext): Promise<CarrierQuotes> {
      const single = s.parcels.length === 1 && s.parcels[0]!.sidesNm !== undefined;
      const res = single
        ? await pipeline.call(ops.getRates, { query: toRatesQuery(s, cfg), headers }, { signal: ctx.signal })
        : await pipeline.call(ops.postRates, { body: toRatesBody(s, cfg), headers }, { signal: ctx.signal });
      return { quotes: fromRatesResponse(res.data) };
    },
  };
}
