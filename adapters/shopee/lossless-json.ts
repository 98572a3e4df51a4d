import { z } from 'zod';

/**
 * JSON.parse rounds integers above 2^53, and Shopee's int64 ids reach them (publish_task_id
 * sample 202011300000012000). For responses that carry such ids the operation asks for text and
 * this quotes every integer literal of 16+ digits before parsing, so the id survives as a string.
 */
export function parseLossless(text: string): unknown {
  const quoted = text.replace(/([:[,]\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"');
  return JSON.parse(quoted);
}

/** A zod schema over a text body: lossless parse, then the given schema. */
export function losslessJson<T extends z.ZodType>(schema: T) {
  return z.string().transform((text, ctx) => {
    try {
      return parseLossless(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'response is not JSON' });
      return z.NEVER;
    }
  }).pipe(schema);
}
