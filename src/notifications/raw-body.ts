import type { IncomingMessage } from 'node:http';

/** A request a framework may already have read: Express/Fastify raw-body plugins set `rawBody`. */
export type MaybeParsedRequest = IncomingMessage & { rawBody?: Buffer | string; body?: unknown };

/** The body exceeded maxBodyBytes (answered 413). */
export class BodyTooLarge extends Error {}
/** A framework consumed the body without keeping `rawBody` (answered 500: configure raw-body capture). */
export class BodyConsumed extends Error {}

/**
 * The exact bytes the marketplace sent. A framework's `req.rawBody` (Buffer or string) is used as
 * is; a body parsed by a framework without it cannot be verified (re-serialized JSON differs).
 */
export async function readRawBody(req: MaybeParsedRequest, maxBytes: number): Promise<Buffer> {
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
  if (typeof req.rawBody === 'string') return Buffer.from(req.rawBody, 'utf8');
  if (req.body !== undefined || req.readableEnded) throw new BodyConsumed();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** The URL the sender called: the configured public URL's origin, else Host (and X-Forwarded-Proto). */
export function requestUrl(req: IncomingMessage, publicUrl?: string): string {
  const path = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  if (publicUrl) return new URL(path, publicUrl).toString();
  const proto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() || ((req.socket as { encrypted?: boolean } | undefined)?.encrypted ? 'https' : 'http');
  return `${proto}://${req.headers.host ?? 'localhost'}${path}`;
}
