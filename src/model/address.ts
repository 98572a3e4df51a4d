import { z } from 'zod';

/** ISO 3166-1 alpha-2 country code (upper-case). */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code like "DE"');

/** A postal address. Buyer addresses are PII: adapters only fill them when the caller asks. */
export const AddressSchema = z.object({
  name: z.string().optional(),
  company: z.string().optional(),
  lines: z.array(z.string()).default([]),
  city: z.string().optional(),
  district: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: CountryCodeSchema,
  phone: z.string().optional(),
  email: z.string().optional(),
});
export type Address = z.infer<typeof AddressSchema>;
