import { createHash } from 'node:crypto';
import { MarketplaceError, ValidationError } from '../../../src/errors/classes.js';
import { parseInput } from '../../../src/errors/from-response.js';
import type { CallOptions } from '../../../src/http/call-options.js';
import { ListingSchema, type ListingInput } from '../../../src/model/listing.js';
import { cachedRequirements, requirementsKey } from '../../../src/requirements/cache.js';
import { offlineResult } from '../../../src/requirements/result.js';
import type { OfflineValidationResult, Requirements, RequirementsCache, RequirementIssue, RequirementsQuery } from '../../../src/requirements/types.js';
import type { AmazonContext, AmazonStore } from '../context.js';
import { requestedFulfilment } from '../mappers/fulfilment-channel.js';
import { listingToSubmissions } from '../mappers/listing-attributes.js';
import type { Requirements as Level } from '../schemas/listings.js';
import { validateDefinition } from './ajv.js';
import { definitionFields } from './fields.js';
import { mappingIssue, toRequirementIssue } from './issues.js';
import { definitionOps, downloadSchema } from './operations.js';

const LEVELS = ['LISTING', 'LISTING_OFFER_ONLY', 'LISTING_PRODUCT_ONLY'] as const;
const callOpts = ({ signal, deadline, timeoutMs }: CallOptions): CallOptions => ({ signal, deadline, timeoutMs });

/** A product type searchDefinitionsProductTypes proposes. */
export interface ProductTypeSuggestion {
  /** Product type name (use it as marketplace.amazon.productType). */
  name: string;
  /** Human-readable name. */
  displayName?: string;
}

/** Product type definitions per marketplace and requirements level, cached; offline validation with ajv. */
export function amazonRequirements(ctx: AmazonContext, cache: RequirementsCache) {
  const read = cachedRequirements(cache);

  async function fetchDefinition(store: AmazonStore, productType: string, level: Level, o: CallOptions): Promise<Requirements> {
    // requirementsEnforced=ENFORCED: the schema's `required` lists apply (getDefinitionsProductType parameters).
    const query = { marketplaceIds: [store.marketplaceId], sellerId: ctx.sellerId, requirements: level, requirementsEnforced: 'ENFORCED', locale: 'DEFAULT' };
    const def = (await ctx.call(definitionOps.getDefinitionsProductType, { params: { productType }, query }, callOpts(o))).data;
    const doc = await ctx.call({ ...downloadSchema, baseUrl: def.schema.link.resource }, {}, { signal: o.signal });
    const bytes = Buffer.from(doc.data as ArrayBuffer);
    // SchemaLink.checksum: "Checksum hash of the schema (Base64 MD5). Use this to verify schema contents"
    // (the model's own example shows it in hex, so both spellings are accepted).
    const md5 = createHash('md5').update(bytes);
    const digest = md5.digest();
    if (digest.toString('base64') !== def.schema.checksum && digest.toString('hex') !== def.schema.checksum.toLowerCase()) {
      throw new MarketplaceError({ marketplace: 'amazon', operation: 'getDefinitionsProductType', message: `The ${productType} schema does not match its checksum; read it again` });
    }
    const schema = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    return {
      marketplace: 'amazon', store: store.id, kind: 'productType', id: productType, level, locale: def.locale,
      version: def.productTypeVersion.version, fetchedAt: new Date(ctx.clock.now()).toISOString(),
      fields: definitionFields(schema, `getDefinitionsProductType ${productType} ${level}`),
      documents: { schema, checksum: def.schema.checksum, ...(def.propertyGroups ? { propertyGroups: def.propertyGroups } : {}) },
    };
  }

  async function requirements(query: RequirementsQuery): Promise<Requirements> {
    if (query === null || typeof query !== 'object') throw new ValidationError({ message: 'requirements needs { store, productType }', path: 'query' });
    const store = ctx.store(query.store);
    const productType = query.productType;
    if (typeof productType !== 'string' || !/^[A-Z0-9_]+$/.test(productType)) throw new ValidationError({ message: 'productType must be an Amazon product type such as "SHIRT"', path: 'query.productType' });
    const level = query.level ?? 'LISTING';
    if (!LEVELS.includes(level)) throw new ValidationError({ message: `level must be one of ${LEVELS.join(', ')}`, path: 'query.level' });
    const key = requirementsKey({ marketplace: 'amazon', store: store.id, kind: 'productType', id: productType, level });
    return read(key, () => fetchDefinition(store, productType, level, query), query.refresh);
  }

  /** Maps the listing as upsert would, then validates each SKU's attributes against its requirements level. */
  async function validateOffline(input: ListingInput, opts: CallOptions & { store?: string }): Promise<OfflineValidationResult> {
    const store = ctx.store(opts.store);
    const listing = parseInput(ListingSchema, input, 'listing');
    const productType = listing.marketplace.amazon?.productType ?? (await ctx.memory.get(store.marketplaceId, listing.sku))?.productType;
    if (!productType) {
      return offlineResult(listing.sku, store.id, [{
        code: 'MISSING_PRODUCT_TYPE', severity: 'error', path: 'marketplace.amazon.productType', attribute: 'productType', attributes: ['productType'], categories: [], sku: listing.sku,
        message: `A new Amazon listing needs its product type (marketplace.amazon.productType); listings.suggestProductTypes() proposes some.`,
      }]);
    }
    const main = await requirements({ ...callOpts(opts), store: store.id, productType });
    const schema = main.documents!.schema as Record<string, unknown>;
    const subs = listingToSubmissions(listing, store.amazon, { fulfilment: requestedFulfilment(input, 'listing'), definitions: { [productType]: schema } });
    const issues: RequirementIssue[] = [];
    for (const sub of subs) {
      const req = sub.requirements === 'LISTING' ? main : await requirements({ ...callOpts(opts), store: store.id, productType, level: sub.requirements });
      issues.push(...sub.warnings.map(mappingIssue));
      issues.push(...validateDefinition(req.documents!.schema as Record<string, unknown>, sub.attributes).map((d) => toRequirementIssue(d, req, sub.sku)));
    }
    return offlineResult(listing.sku, store.id, issues, main);
  }

  /** searchDefinitionsProductTypes: by keywords or by an item name (not both, per the API). */
  async function suggestProductTypes(q: { keywords?: string[]; itemName?: string; store?: string } & CallOptions): Promise<ProductTypeSuggestion[]> {
    const keywords = q?.keywords;
    if ((keywords === undefined) === (q?.itemName === undefined)) throw new ValidationError({ message: 'give keywords or itemName (one of them)', path: 'query' });
    if (keywords !== undefined && (!Array.isArray(keywords) || !keywords.length || keywords.some((k) => typeof k !== 'string' || !k.trim()))) throw new ValidationError({ message: 'keywords must be non-empty words', path: 'query.keywords' });
    if (q.itemName !== undefined && (typeof q.itemName !== 'string' || !q.itemName.trim())) throw new ValidationError({ message: 'itemName must be a non-empty title', path: 'query.itemName' });
    const store = ctx.store(q.store);
    const query = { marketplaceIds: [store.marketplaceId], ...(keywords ? { keywords } : { itemName: q.itemName! }) };
    const res = await ctx.call(definitionOps.searchDefinitionsProductTypes, { query }, callOpts(q));
    return res.data.productTypes.map((p) => ({ name: p.name, ...(p.displayName ? { displayName: p.displayName } : {}) }));
  }

  return { requirements, validateOffline, suggestProductTypes };
}

export type AmazonRequirements = ReturnType<typeof amazonRequirements>;
