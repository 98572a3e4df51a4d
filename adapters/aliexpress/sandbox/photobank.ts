import { createHash } from 'node:crypto';
import type { SandboxRequest } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import type { Handler } from './routes.js';
import type { AliExpressSandboxState } from './state.js';

/** The file part named `name` of a multipart/form-data body, or undefined. */
function filePart(req: SandboxRequest, name: string): Buffer | undefined {
  const type = String(req.headers['content-type'] ?? '');
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (!/^multipart\/form-data/i.test(type) || !m) return undefined;
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const body = req.rawBody;
  let at = body.indexOf(boundary);
  while (at >= 0) {
    const headEnd = body.indexOf('\r\n\r\n', at);
    const next = body.indexOf(boundary, at + boundary.length);
    if (headEnd < 0 || next < 0) return undefined;
    const head = body.subarray(at, headEnd).toString('latin1');
    if (new RegExp(`name="${name}"`).test(head)) return body.subarray(headEnd + 4, next - 2);
    at = next;
  }
  return undefined;
}

/**
 * `aliexpress.photobank.redefining.uploadimageforsdk` (specs/aliexpress/photobank.md): `image_bytes`
 * as a multipart file part of at most 3 MB, `file_name` of at most 256 characters, optional
 * `group_id`; the answer carries the photobank URL for product APIs. Each upload stores a new copy
 * (the platform does not de-duplicate: the adapter must).
 */
export function photobankRoutes(world: AliExpressSandboxState): Record<string, Handler> {
  return {
    'aliexpress.photobank.redefining.uploadimageforsdk': (p, _seller, req) => {
      const bytes = filePart(req, 'image_bytes');
      const fileName = p.get('file_name') ?? '';
      if (!bytes || !bytes.length) return fail('ISV', 'MissingParameter', 'image_bytes (multipart file) is required');
      if (!fileName || fileName.length > 256) return fail('ISV', 'InvalidParameter', 'file_name is required, at most 256 characters');
      if (bytes.length > 3 * 1024 * 1024) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.image-too-large', sub_msg: 'image_bytes exceeds 3 MB' });
      world.photobankUploads++;
      const url = `https://ae01.alicdn.com/kf/S${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}${world.photobankUploads}.jpg`;
      world.photobank.add(url);
      return ok('aliexpress.photobank.redefining.uploadimageforsdk', { result: { success: true, photobank_url: url } });
    },
  };
}
