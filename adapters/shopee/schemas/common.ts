import { z } from 'zod';

/** Numbers Shopee sometimes sends as strings ("weight": "1.1", shopee_stock "stock": "-"). */
export const Num = z.union([z.number(), z.string()]);
/** int64 ids: numbers on the wire, strings once a big id was kept lossless (see lossless-json.ts). */
export const Id = z.union([z.number(), z.string()]);

/** The envelope every call returns; `response` is typed per operation. */
export function envelope<T extends z.ZodType>(response: T) {
  return z.looseObject({
    request_id: z.string().optional(),
    error: z.string().optional(),
    message: z.string().optional(),
    warning: z.unknown().optional(),
    response,
  });
}

/** Calls that answer with the envelope only (ship_order, handle_buyer_cancellation...). */
export const BareEnvelope = z.looseObject({
  request_id: z.string().optional(),
  error: z.string().optional(),
  message: z.string().optional(),
  warning: z.unknown().optional(),
  response: z.unknown().optional(),
});
export type BareEnvelope = z.infer<typeof BareEnvelope>;

export const SuccessFailure = z.looseObject({
  success_list: z.array(z.looseObject({ model_id: Id.optional() })).default([]),
  failure_list: z.array(z.looseObject({ model_id: Id.optional(), failed_reason: z.string().optional() })).default([]),
});
