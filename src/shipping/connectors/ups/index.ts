import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseInput } from '../../../errors/from-response.js';
import { op } from '../../../http/operation.js';
import type { QuoteContext, ShippingConnector } from '../../connector.js';
import type { PreparedShipment } from '../../request.js';
import type { CarrierQuotes } from '../../types.js';
import type { LiveConnectorOptions } from '../common.js';
import { carrierHost, oauthCarrierPipeline } from '../pipeline.js';
import { upsAuth } from './auth.js';
import { mapUpsError } from './errors.js';
import { CARRIER, fromRateResponse, toRateRequest } from './mappers.js';
import { RateResponseSchema, type RateRequestBody, type RateResponse } from './schemas.js';

/** Hosts from Rating.yaml / the OAuth client-credentials spec: CIE (test) and production. */
export const UPS_HOSTS = { production: 'https://onlinetools.ups.com', test: 'https://wwwcie.ups.com' } as const;

type ShopParts = { params: { version: string; requestoption: 'Shop' }; query?: { additionalinfo: string }; body: RateRequestBody; headers: Record<string, string> };

const rate = op<ShopParts, RateResponse>({
  id: 'rate', method: 'POST', path: '/api/rating/{version}/{requestoption}', idempotent: true, response: RateResponseSchema,
});

const ConfigSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  accountNumber: z.string().min(1),
  endpoint: z.url().optional(),
  test: z.boolean().optional(),
  version: z.string().regex(/^v\d+$/, "expected a version like 'v2409'").default('v2409'),
  timeInTransit: z.boolean().default(false),
  transactionSrc: z.string().min(1).max(512).default('xborder'),
});

export interface UpsRatesConfig extends LiveConnectorOptions {
  clientId: string;
  clientSecret: string;
  accountNumber: string;
  /** Rating API version path segment (default v2409, the spec's only valid value). */
  version?: string;
  /** Ask for business days in transit (Shop + additionalinfo=timeintransit + DeliveryTimeInformation). */
  timeInTransit?: boolean;
  transactionSrc?: string;
}

/** UPS Rating: OAuth client credentials, then POST /api/rating/{version}/Shop (every service at once). */
export function upsRates(config: UpsRatesConfig): ShippingConnector {
  const cfg = parseInput(ConfigSchema, config, 'config');
  const pipeline = oauthCarrierPipeline({
    carrier: CARRIER, account: cfg.accountNumber, baseUrl: carrierHost(cfg, UPS_HOSTS), mapError: mapUpsError,
    auth: (self) => upsAuth(cfg.clientId, cfg.clientSecret, self, config.clock),
  }, config);
  return {
    carrier: CARRIER,
    source: 'live',
    async quote(s: PreparedShipment, ctx: QuoteContext): Promise<CarrierQuotes> {
      const parts: ShopParts = {
        params: { version: cfg.version, requestoption: 'Shop' },
        ...(cfg.timeInTransit ? { query: { additionalinfo: 'timeintransit' } } : {}),
        body: toRateRequest(s, cfg),
        // transId: "An identifier unique to the request. Length 32".
        headers: { transId: randomUUID().replaceAll('-', ''), transactionSrc: cfg.transactionSrc },
      };
      const res = await pipeline.call(rate, parts, { signal: ctx.signal });
      return { quotes: fromRateResponse(res.data, s) };
    },
  };
}
