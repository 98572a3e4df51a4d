import { z } from 'zod';

/**
 * FedEx Rate API wire shapes we read (/rate/v1/rates/quotes), after the sample bodies kept in
 * karrioapi/karrio (modules/connectors/fedex/schemas). Lenient: what the mapper needs, nothing more.
 */
const Amount = z.union([z.number(), z.string()]);

/** POST /oauth/token answer (client credentials). */
export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string()]).optional(),
  scope: z.string().optional(),
});

const Charge = z.object({ type: z.string().optional(), description: z.string().optional(), amount: Amount });

export const RatedShipmentDetailSchema = z.object({
  /** ACCOUNT, LIST, PREFERRED_CURRENCY, PREFERRED_INCENTIVE... */
  rateType: z.string().optional(),
  currency: z.string().optional(),
  totalBaseCharge: Amount.optional(),
  totalDiscounts: Amount.optional(),
  totalNetCharge: Amount,
  shipmentRateDetail: z
    .object({
      currency: z.string().optional(),
      surCharges: z.array(Charge).optional(),
      taxes: z.array(Charge).optional(),
      totalBillingWeight: z.object({ units: z.string(), value: Amount }).optional(),
    })
    .optional(),
});
export type RatedShipmentDetail = z.infer<typeof RatedShipmentDetailSchema>;

export const RateReplyDetailSchema = z.object({
  serviceType: z.string(),
  serviceName: z.string().optional(),
  ratedShipmentDetails: z.array(RatedShipmentDetailSchema).min(1),
  operationalDetail: z.object({ transitTime: z.string().optional() }).optional(),
});
export type RateReplyDetail = z.infer<typeof RateReplyDetailSchema>;

export const RatesResponseSchema = z.object({
  transactionId: z.string().optional(),
  output: z.object({ rateReplyDetails: z.array(RateReplyDetailSchema).default([]) }),
});
export type RatesResponse = z.infer<typeof RatesResponseSchema>;

/** `{ transactionId, errors: [{ code, message }] }` */
export const ErrorBodySchema = z.object({
  transactionId: z.string().optional(),
  errors: z.array(z.object({ code: z.string().optional(), message: z.string().optional() })).optional(),
});

interface FedexAddress {
  streetLines?: string[];
  city?: string;
  stateOrProvinceCode?: string;
  postalCode?: string;
  countryCode: string;
  residential?: boolean;
}

/** The request fields we send (FedEx rate request sample). */
export interface RateRequestBody {
  accountNumber: { value: string };
  rateRequestControlParameters: { returnTransitTimes: boolean };
  requestedShipment: {
    shipper: { address: FedexAddress };
    recipient: { address: FedexAddress };
    pickupType: 'DROPOFF_AT_FEDEX_LOCATION';
    rateRequestType: string[];
    preferredCurrency?: string;
    shipDateStamp: string;
    packagingType: 'YOUR_PACKAGING';
    requestedPackageLineItems: Array<{
      weight: { units: 'KG' | 'LB'; value: number };
      dimensions?: { length: number; width: number; height: number; units: 'CM' | 'IN' };
    }>;
    customsClearanceDetail?: {
      dutiesPayment: { paymentType: 'SENDER' | 'RECIPIENT'; payor?: { responsibleParty: { accountNumber: { value: string } } } };
      commodities: Array<{
        description: string;
        quantity: number;
        quantityUnits: 'PCS';
        customsValue: { amount: string; currency: string };
        countryOfManufacture?: string;
        harmonizedCode?: string;
      }>;
    };
  };
}
