import { z } from 'zod';

/** LWA token response (research A1): access_token (Atza|…), token_type bearer, expires_in seconds. */
export const LwaTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().optional(),
});
export type LwaTokenResponse = z.infer<typeof LwaTokenResponseSchema>;

/** LWA error body (OAuth 2.0): { error, error_description }. */
export const LwaErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });
