import { z } from 'zod';

/**
 * MyDHL API 3.1.1 wire shapes we read (spec: supermodelIoLogisticsExpressRates / ErrorResponse).
 * Lenient: only what the mapper needs, unknown fields ignored; money may be a number or text.
 */
const Amount = z.union([z.number(), z.string()]);

export const PriceSchema = z.object({
  /** BILLC billing currency, PULCL public rates currency, BASEC base currency. */
  currencyType: z.string().optional(),
  priceCurrency: z.string().optional(),
  price: Amount,
});

export const ProductSchema = z.object({
  productName: z.string().optional(),
  productCode: z.string(),
  localProductCode: z.string().optional(),
  weight: z.object({ volumetric: Amount.optional(), provided: Amount.optional(), unitOfMeasurement: z.string().optional() }).optional(),
  totalPrice: z.array(PriceSchema),
  totalPriceBreakdown: z
    .array(z.object({ currencyType: z.string().optional(), priceCurrency: z.string().optional(), priceBreakdown: z.array(z.object({ typeCode: z.string(), price: Amount })).optional() }))
    .optional(),
  detailedPriceBreakdown: z
    .array(
      z.object({
        currencyType: z.string().optional(),
        priceCurrency: z.string().optional(),
        breakdown: z.array(z.object({ name: z.string().optional(), serviceCode: z.string().optional(), price: Amount.optional() })).optional(),
      }),
    )
    .optional(),
  deliveryCapabilities: z.object({ totalTransitDays: z.number().optional(), estimatedDeliveryDateAndTime: z.string().optional() }).optional(),
});
export type Product = z.infer<typeof ProductSchema>;

export const RatesResponseSchema = z.object({ products: z.array(ProductSchema) });
export type RatesResponse = z.infer<typeof RatesResponseSchema>;

export const ErrorBodySchema = z.object({
  instance: z.string().optional(),
  detail: z.string().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  status: z.union([z.string(), z.number()]).optional(),
  additionalDetails: z.array(z.string()).optional(),
});

/** POST /rates request body (supermodelIoLogisticsExpressRateRequest), the fields we send. */
export interface RateRequestBody {
  customerDetails: { shipperDetails: DhlAddress; receiverDetails: DhlAddress };
  accounts: Array<{ typeCode: 'shipper'; number: string }>;
  plannedShippingDateAndTime: string;
  unitOfMeasurement: 'metric' | 'imperial';
  isCustomsDeclarable: boolean;
  monetaryAmount?: Array<{ typeCode: 'declaredValue'; value: number; currency: string }>;
  packages: Array<{ weight: number; dimensions?: { length: number; width: number; height: number } }>;
}

export interface DhlAddress {
  postalCode: string;
  cityName: string;
  countryCode: string;
}
