import { createHash, randomBytes } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { guarded, type GuardOptions } from './guard.js';
import { fail, invalidInput, ok } from './responses.js';
import type { AmazonSandboxState } from './state.js';

const BASE = '/definitions/2020-09-01/productTypes';
const LEVELS = ['LISTING', 'LISTING_PRODUCT_ONLY', 'LISTING_OFFER_ONLY'];
const VERSION = 'U8pQUF2MMOHj4';

type Schema = Record<string, unknown>;

/**
 * The schema served for a requirements set: LISTING is the loaded definition; the narrower sets
 * and NOT_ENFORCED ("structural validation of individual attributes without all of the required
 * attributes being present", requirementsEnforced parameter) drop the required lists.
 */
function schemaFor(schema: Schema, level: string, enforced: boolean): Schema {
  if (level === 'LISTING' && enforced) return schema;
  const { required: _r, allOf: _a, ...rest } = schema;
  return rest;
}

const csv = (q: URLSearchParams, name: string) => (q.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Product Type Definitions API 2020-09-01 (specs/amazon/definitionsProductTypes_2020-09-01.json) over the product types loaded in the sandbox (option productTypes). */
export function installDefinitions(router: Router, state: AmazonSandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  const documents = new Map<string, string>();

  router.add('GET', `${BASE}/{productType}`, guarded(state, ctx, opts, 'getDefinitionsProductType', (req) => {
    const marketplaceIds = csv(req.query, 'marketplaceIds');
    // "This parameter is limited to one marketplaceId at this time" (getDefinitionsProductType marketplaceIds).
    if (marketplaceIds.length !== 1) return invalidInput('Invalid input', 'marketplaceIds must contain exactly one marketplace');
    const level = req.query.get('requirements') ?? 'LISTING';
    const enforced = (req.query.get('requirementsEnforced') ?? 'ENFORCED') === 'ENFORCED';
    if (!LEVELS.includes(level)) return invalidInput('Invalid input', `requirements must be one of ${LEVELS.join(', ')}`);
    const pt = req.params.productType!;
    const schema = state.productTypes[pt] as Schema | undefined;
    if (!schema) return fail(404, 'NotFound', `Product type ${pt} not found.`, 'The resource specified does not exist.');
    const text = JSON.stringify(schemaFor(schema, level, enforced));
    const id = `${pt}.${level}.${enforced ? 'E' : 'N'}.${randomBytes(6).toString('hex')}`;
    documents.set(id, text);
    return ok({
      // Shape of the model's getDefinitionsProductType 200 example; checksum = Base64 MD5 of the served bytes (SchemaLink.checksum).
      metaSchema: { link: { resource: `${ctx.baseUrl()}/_sandbox/product-type-meta-schema/v1.json`, verb: 'GET' }, checksum: createHash('md5').update('{}').digest('base64') },
      schema: { link: { resource: `${ctx.baseUrl()}/_sandbox/product-type-schemas/${id}.json?X-Amz-Signature=${randomBytes(16).toString('hex')}`, verb: 'GET' }, checksum: createHash('md5').update(text).digest('base64') },
      requirements: level,
      requirementsEnforced: enforced ? 'ENFORCED' : 'NOT_ENFORCED',
      propertyGroups: {},
      locale: req.query.get('locale') && req.query.get('locale') !== 'DEFAULT' ? req.query.get('locale') : 'en_US',
      marketplaceIds,
      productType: pt,
      displayName: pt.charAt(0) + pt.slice(1).toLowerCase(),
      productTypeVersion: { version: VERSION, latest: true, releaseCandidate: false },
    });
  }));

  // The pre-signed schema link: no SP-API auth, like the feed documents.
  router.add('GET', '/_sandbox/product-type-schemas/{file}', (req) => {
    const text = documents.get(req.params.file!.replace(/\.json$/, ''));
    return text === undefined ? { status: 404, body: 'NoSuchKey' } : { status: 200, body: text, headers: { 'content-type': 'application/json' } };
  });

  router.add('GET', BASE, guarded(state, ctx, opts, 'searchDefinitionsProductTypes', (req) => {
    const marketplaceIds = csv(req.query, 'marketplaceIds');
    if (!marketplaceIds.length) return invalidInput('Invalid input', 'marketplaceIds is required');
    const keywords = csv(req.query, 'keywords').map((k) => k.toLowerCase());
    const itemName = req.query.get('itemName');
    // keywords "Cannot be used with itemName" (searchDefinitionsProductTypes parameters).
    if (keywords.length && itemName) return invalidInput('Invalid input', 'keywords cannot be used with itemName');
    const words = keywords.length ? keywords : (itemName ?? '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    const names = Object.keys(state.productTypes).filter((pt) => !words.length || words.some((w) => pt.toLowerCase().includes(w) || w.includes(pt.toLowerCase())));
    return ok({ productTypes: names.map((name) => ({ name, displayName: name.charAt(0) + name.slice(1).toLowerCase(), marketplaceIds })), productTypeVersion: 'UAPI-V1' });
  }));
}
