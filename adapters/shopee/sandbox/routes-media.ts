import { createHash } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import { route } from './gate.js';
import type { ShopeeSandboxState } from './world.js';

/** The first file part of a multipart/form-data body named `field`. */
function filePart(req: SandboxRequest, field: string): Buffer | undefined {
  const m = /boundary=("?)([^";]+)\1/i.exec(String(req.headers['content-type'] ?? ''));
  if (!m) return undefined;
  const delimiter = Buffer.from(`--${m[2]}`);
  const raw = req.rawBody;
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const next = raw.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(at + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    if (new RegExp(`name="${field}"`).test(head) && /filename=/.test(head)) return part.subarray(split + 4);
    at = next;
  }
  return undefined;
}

const isImage = (b: Buffer) => (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || (b[0] === 0xff && b[1] === 0xd8);

/** A tiny valid PNG whose bytes depend on `name` (so different URLs hash differently). */
export function samplePng(name: string): Buffer {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  return Buffer.concat([png, createHash('sha256').update(name).digest()]);
}

export function installMedia(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  // Refusals: specs/shopee/v2.media_space.upload_image.json error_list.
  route(router, world, ctx, 'POST', '/api/v2/media_space/upload_image', (req) => {
    const bytes = filePart(req, 'image');
    if (!bytes?.length) return fail('error_param', 'Wrong parameters, detail: image is required.');
    if (bytes.length > 10 * 1024 * 1024) return fail('error_param', 'Wrong parameters, detail: image is larger than 10.0 MB.');
    if (!isImage(bytes)) return fail('error_param', 'Wrong parameters, detail: image format must be JPG, JPEG or PNG.');
    world.counters.uploads++;
    const id = `sg-11134201-${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}${world.nextId()}`;
    world.images.set(id, createHash('sha256').update(bytes).digest('hex'));
    return ok({ image_info: { image_id: id, image_url_list: [{ image_url_region: 'SG', image_url: `${ctx.baseUrl()}/file/${id}` }] } });
  });
  // Not a Shopee route: image URLs for tests and the quickstart to download.
  router.add('GET', '/_sandbox/images/{name}', (req) => ({ status: 200, headers: { 'content-type': 'image/png' }, body: samplePng(req.params.name ?? '') }));
}
