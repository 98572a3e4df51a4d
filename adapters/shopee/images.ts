import { createHash, randomBytes } from 'node:crypto';
import { MarketplaceError, NetworkError, ValidationError } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { SingleFlight } from '../../src/http/single-flight.js';
import { createTransport } from '../../src/http/transport.js';
import { readJsonFile, withFileLock, writeFileAtomic } from '../../src/state/atomic-file.js';
import type { ShopeeClient } from './client.js';
import { publicOps } from './operations/public.js';

export type FetchImage = (url: string, signal?: AbortSignal) => Promise<Buffer>;

/** image_id by "url#sha256": a re-run (same URL, same bytes) never uploads again. */
export interface ImageCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, imageId: string): Promise<void>;
}

export class MemoryImageCache implements ImageCache {
  private readonly map = new Map<string, string>();
  async get(key: string) {
    return this.map.get(key);
  }
  async set(key: string, id: string) {
    this.map.set(key, id);
  }
}

/** A JSON file cache shared across runs and processes (atomic writes under a lock file). */
export class FileImageCache implements ImageCache {
  constructor(private readonly file: string) {}
  async get(key: string) {
    return (await readJsonFile<Record<string, string>>(this.file))?.[key];
  }
  async set(key: string, id: string) {
    await withFileLock(this.file, async () => {
      const all = (await readJsonFile<Record<string, string>>(this.file)) ?? {};
      all[key] = id;
      await writeFileAtomic(this.file, JSON.stringify(all, null, 2));
    });
  }
}

export const fileImageCache = (file: string) => new FileImageCache(file);

const MAX_BYTES = 10 * 1024 * 1024;

/** Plain GET of an image URL; 4xx is the caller's bad URL, the rest is transient. */
export function defaultFetchImage(): FetchImage {
  const http = createTransport();
  return async (url, signal) => {
    let res;
    try {
      res = await http.get<ArrayBuffer>(url, { responseType: 'arraybuffer', signal, timeout: 30_000, maxContentLength: MAX_BYTES });
    } catch (e) {
      throw new NetworkError({ marketplace: 'shopee', operation: 'fetch_image', message: `Downloading image ${url} failed`, cause: e });
    }
    if (res.status >= 400 && res.status < 500) throw new ValidationError({ message: `Image ${url} answered HTTP ${res.status}`, path: 'images' });
    if (res.status >= 300) throw new NetworkError({ marketplace: 'shopee', operation: 'fetch_image', message: `Image ${url} answered HTTP ${res.status}` });
    return Buffer.from(res.data);
  };
}

function contentType(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  return undefined;
}

/** multipart/form-data with one `image` file and `scene=normal` (media_space/upload_image). */
export function multipartImage(bytes: Buffer, type: string): { body: Buffer; contentType: string } {
  const boundary = `----xborder${randomBytes(12).toString('hex')}`;
  const ext = type === 'image/png' ? 'png' : 'jpg';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="scene"\r\n\r\nnormal\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="image.${ext}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return { body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export class ImageUploader {
  private readonly flights = new SingleFlight<string>();
  /** Uploads actually sent (tests, metrics). */
  uploads = 0;

  constructor(private readonly client: ShopeeClient, private readonly fetchImage: FetchImage, private readonly cache: ImageCache) {}

  async idsFor(urls: readonly string[], opts: CallOptions = {}): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, url] of urls.entries()) ids.push(await this.idFor(url, opts, `images[${i}]`));
    return ids;
  }

  async idFor(url: string, opts: CallOptions = {}, path = 'images'): Promise<string> {
    const bytes = await this.fetchImage(url, opts.signal);
    const type = contentType(bytes);
    if (!type) throw new ValidationError({ message: `Image ${url} is not a JPG or PNG (Shopee accepts only those)`, path });
    if (bytes.length > MAX_BYTES) throw new ValidationError({ message: `Image ${url} is larger than Shopee's 10 MB limit`, path });
    const key = `${url}#${createHash('sha256').update(bytes).digest('hex')}`;
    const cached = await this.cache.get(key);
    if (cached) return cached;
    return this.flights.run(key, async () => {
      const { body, contentType: ct } = multipartImage(bytes, type);
      this.uploads++;
      const res = await this.client.call(this.client.public, publicOps.upload_image, { body, headers: { 'content-type': ct } }, opts);
      const r = res.data.response;
      const listed = r.image_info_list?.[0];
      const id = r.image_info?.image_id ?? listed?.image_info?.image_id;
      if (!id) {
        throw new MarketplaceError({
          marketplace: 'shopee', operation: 'upload_image', requestId: res.meta.requestId,
          message: `Shopee did not return an image_id for ${url}`, errors: listed?.error ? [{ code: listed.error, message: listed.message ?? '' }] : [],
        });
      }
      await this.cache.set(key, id);
      return id;
    });
  }
}
