import { z } from 'zod';

/** UPS Rating API (Rating.yaml, v2409) and OAuth client-credentials shapes we read. Lenient. */
const Charge = z.object({ CurrencyCode: z.string(), MonetaryValue: z.string() });
/** Containers the spec turns into arrays from some versions on: accept one or many. */
const oneOrMany = <T extends z.ZodType>(s: T) => z.union([z.array(s), s]).transform((v) => (Array.isArray(v) ? v : [v]) as Array<z.output<T>>);

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.string(), z.number()]).optional(),
  issued_at: z.string().optional(),
  status: z.string().optional(),
});

export const RatedShipmentSchema = z.object({
  Service: z.object({ Code: z.string(), Description: z.string().optional() }),
  BillingWeight: z.object({ UnitOfMeasurement: z.object({ Code: z.string() }), Weight: z.string() }).optional(),
  TransportationCharges: Charge,
  BaseServiceCharge: Charge.optional(),
  ServiceOptionsCharges: Charge.optional(),
  TotalCharges: Charge,
  NegotiatedRateCharges: z
    .object({ BaseServiceCharge: oneOrMany(Charge).optional(), TotalCharge: Charge })
    .optional(),
  GuaranteedDelivery: z.object({ BusinessDaysInTransit: z.string().optional() }).optional(),
  TimeInTransit: z
    .object({ ServiceSummary: z.object({ EstimatedArrival: z.object({ BusinessDaysInTransit: z.string().optional() }).optional() }).optional() })
    .optional(),
});
export type RatedShipment = z.infer<typeof RatedShipmentSchema>;

export const RateResponseSchema = z.object({
  RateResponse: z.object({
    Response: z.object({ ResponseStatus: z.object({ Code: z.string(), Description: z.string().optional() }) }).optional(),
    RatedShipment: oneOrMany(RatedShipmentSchema),
  }),
});
export type RateResponse = z.infer<typeof RateResponseSchema>;

/** `{ response: { errors: [{ code, message }] } }` (ErrorResponse / tokenErrorResponse). */
export const ErrorBodySchema = z.object({
  response: z.object({ errors: z.array(z.object({ code: z.string().optional(), message: z.string().optional() })).optional() }).optional(),
});

interface UpsAddress {
  AddressLine: string[];
  City?: string;
  StateProvinceCode?: string;
  PostalCode?: string;
  CountryCode: string;
  ResidentialAddressIndicator?: string;
}

interface Uom {
  Code: string;
  Description: string;
}

/** The RATERequestWrapper fields we send. */
export interface RateRequestBody {
  RateRequest: {
    Request: { RequestOption: 'Shop'; TransactionReference?: { CustomerContext: string } };
    Shipment: {
      Shipper: { ShipperNumber: string; Address: UpsAddress };
      ShipTo: { Address: UpsAddress };
      ShipFrom: { Address: UpsAddress };
      PaymentDetails: { ShipmentCharge: Array<{ Type: '01'; BillShipper: { AccountNumber: string } }> };
      Package: Array<{
        PackagingType: Uom;
        Dimensions?: { UnitOfMeasurement: Uom; Length: string; Width: string; Height: string };
        PackageWeight: { UnitOfMeasurement: Uom; Weight: string };
      }>;
      ShipmentRatingOptions: { NegotiatedRatesIndicator: string };
      InvoiceLineTotal?: { CurrencyCode: string; MonetaryValue: string };
      DeliveryTimeInformation?: { PackageBillType: '03'; Pickup: { Date: string } };
    };
  };
}
