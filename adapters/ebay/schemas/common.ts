import { z } from 'zod';

/** eBay Amount: decimal string + currency (Fulfillment and Inventory contracts). */
export const Amount = z.object({ value: z.string(), currency: z.string(), convertedFromValue: z.string().optional(), convertedFromCurrency: z.string().optional() }).loose();
export type Amount = z.infer<typeof Amount>;

/** One entry of the REST error envelope (research B5). */
export const ErrorDetail = z
  .object({
    errorId: z.number().optional(),
    domain: z.string().optional(),
    subdomain: z.string().optional(),
    category: z.string().optional(),
    message: z.string().optional(),
    longMessage: z.string().optional(),
    parameters: z.array(z.object({ name: z.string().optional(), value: z.string().optional() }).loose()).optional(),
  })
  .loose();
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const TokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive(), token_type: z.string().optional() }).loose();
