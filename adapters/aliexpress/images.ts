import { createHash, randomBytes } from 'node:crypto';
import { MarketplaceError, NetworkError, ValidationError } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { createTransport } from '../../src/http/transport.js';
import type { AdapterContext } from './context.js';
import { sellerOps } from './operations.js';

export type FetchImage = (url: string, signal?: AbortSignal) => Promise<Buffer>;

/** "image_bytes (the file, sent as a multipart part; 3 MB at most)" (specs/aliexpress/photobank.md). */
export const PHOTOBANK_MAX_BYTES = 3 * 1024 * 1024;

/** Plain GET of a caller's image URL; 4xx is the caller's bad URL, the rest is transient. */
export function defaultFetchImage(): FetchImage {
  const http = createTransport();
  return async (url, signal) => {
    let res;
    try {
      res = await http.get<ArrayBuffer>(url, { responseType: 'arraybuffer', signal, timeout: 30_000, maxContentLength: PHOTOBANK_MAX_BYTES + 1 });
    } catch (e) {
      throw new NetworkError({ marketplace: 'aliexpress', operation: 'fetch_image', message: `Downloading image ${url} failed`, cause: e });
    }
    if (res.status >= 400 && res.status < 500) throw new ValidationError({ message: `Image ${url} answered HTTP ${res.status}`, path: 'images' });
    if (res.status >= 300) throw new NetworkError({ marketplace: 'aliexpress', operation: 'fetch_image', message: `Image ${url} answered HTTP ${res.status}` });
    return Buffer.from(res.data);
  };
}

/** multipart/form-data with the one `image_bytes` file part (photobank.md; the SDKs' file parameter). */
export function multipart(bytes: Buffer, fileName: string): { body: Buffer; contentType: string } {
  const boundary = `----xborder${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="image_bytes"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Caller images → photobank URLs: product images must come from the seller's photobank (change log
 * of 2022-08-11, research B4 "images"; product_post.json#marketing_images). Each image is
 * downloaded, hashed (SHA-256 of its bytes) and uploaded once through
 * `aliexpress.photobank.redefining.uploadimageforsdk`; the URL is kept by content hash in the intent
 * journal, so the same bytes are never uploaded twice — across runs when the journal is a file.
 */
export class PhotobankImages {
  private readonly flights = new Map<string, Promise<string>>();
  /** Uploads actually sent (tests, metrics). */
  uploads = 0;

  constructor(private readonly ctx: AdapterContext, private readonly fetchImage: FetchImage) {}

  private key(hash: string): string {
    return `aliexpress:${this.ctx.account}:photobank:${hash}`;
  }

  async urlsFor(urls: readonly string[], path: string, opts: CallOptions = {}): Promise<string[]> {
    const out: string[] = [];
    for (const [i, url] of urls.entries()) out.push(await this.urlFor(url, `${path}.${i}`, opts));
    return out;
  }

  async urlFor(url: string, path: string, opts: CallOptions = {}): Promise<string> {
    const bytes = await this.fetchImage(url, opts.signal);
    if (bytes.length > PHOTOBANK_MAX_BYTES) throw new ValidationError({ message: `Image ${url} is larger than the photobank's 3 MB limit`, path });
    const hash = createHash('sha256').update(bytes).digest('hex');
    const journal = this.ctx.client.config.journal;
    const known = await journal?.get(this.key(hash));
    if (known?.state === 'succeeded' && typeof known.result === 'string') return known.result;
    let flight = this.flights.get(hash);
    if (!flight) {
      flight = this.upload(bytes, hash, url, opts).finally(() => this.flights.delete(hash));
      this.flights.set(hash, flight);
    }
    return flight;
  }

  private async upload(bytes: Buffer, hash: string, url: string, opts: CallOptions): Promise<string> {
    const name = (new URL(url).pathname.split('/').pop() || 'image').slice(-200);
    const fileName = `${hash.slice(0, 16)}-${name}`.slice(0, 256);
    const { body, contentType } = multipart(bytes, fileName);
    this.uploads++;
    const res = await this.ctx.client.call(this.ctx.client.seller, sellerOps.photobankUpload, { query: { file_name: fileName }, body, headers: { 'content-type': contentType } }, opts);
    const r = res.data.result;
    const photobankUrl = r?.photobank_url ?? res.data.photobank_url;
    if (!photobankUrl) {
      throw new MarketplaceError({
        marketplace: 'aliexpress', operation: sellerOps.photobankUpload.id, requestId: res.meta.requestId,
        message: `the photobank returned no URL for ${url}${r?.error_message ? `: ${r.error_message}` : ''}`, errors: r?.error_code ? [{ code: r.error_code, message: r.error_message ?? '' }] : [],
      });
    }
    await this.ctx.client.config.journal?.put({ key: this.key(hash), operation: sellerOps.photobankUpload.id, state: 'succeeded', at: this.ctx.clock.now(), result: photobankUrl });
    return photobankUrl;
  }
}
