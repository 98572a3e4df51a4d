import { ValidationError } from '../../../src/errors/classes.js';
import { parseInput } from '../../../src/errors/from-response.js';
import type { CallOptions } from '../../../src/http/call-options.js';
import { ListingSchema, type Listing, type ListingInput, type ListingIssue } from '../../../src/model/listing.js';
import { cachedRequirements, requirementsKey } from '../../../src/requirements/cache.js';
import { offlineResult } from '../../../src/requirements/result.js';
import type { OfflineValidationResult, Requirements, RequirementsCache, RequirementIssue, RequirementsQuery } from '../../../src/requirements/types.js';
import { validateAgainst } from '../../../src/requirements/validate.js';
import { shopPipeline, storeFor, type AdapterContext, type ShopStore } from '../context.js';
import { chosenChannels } from '../listing-rules.js';
import { descriptionOf, listingIssues } from '../mappers/listing.js';
import { orderOps } from '../operations/order.js';
import type { AttributeNode, BrandListResponse } from './operations.js';
import { requirementOps as ops } from './operations.js';
import { attributeField, brandField, channelWeight, globalLimitFields, limitFields } from './map.js';
import { neutralAttributeEntries, valueIdsOf, withNeutralAttributes } from './attribute-list.js';
import { weightedLengthIssues } from './text-length.js';

/** get_brand_list page_size "Max=100"; a category's brand list is read up to this many pages. */
const BRAND_PAGE = 100;
const BRAND_PAGES = 20;
const GLOBAL_BRANDS = 'specs/shopee/v2.global_product.get_brand_list.json';

const callOpts = ({ signal, deadline, timeoutMs }: CallOptions): CallOptions => ({ signal, deadline, timeoutMs });

function categoryOf(v: unknown, path: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) throw new ValidationError({ message: 'category must be a Shopee category id such as 100017', path });
  return n;
}

/** Category requirements on Shopee: attribute tree, item limits, brand list and channel weight limits, cached per shop and category. */
export function shopeeRequirements(ctx: AdapterContext, cache: RequirementsCache) {
  const read = cachedRequirements(cache);
  const call = <T>(shop: ShopStore, fn: (pipe: ReturnType<typeof shopPipeline>) => Promise<T>) => fn(shopPipeline(ctx, shop.shopId));

  async function brands(shop: ShopStore, category: number, o: CallOptions): Promise<BrandListResponse['response'][]> {
    const pages: BrandListResponse['response'][] = [];
    let offset = 0;
    for (let i = 0; i < BRAND_PAGES; i++) {
      const query = { query: { offset, page_size: BRAND_PAGE, category_id: category, status: 1 } };
      // CNSC: the global category's brands, same request and response (specs/shopee/v2.global_product.get_brand_list.json).
      const res = ctx.merchant
        ? await ctx.client.call(ctx.merchant.pipeline, ops.get_global_brand_list, query, o)
        : await call(shop, (p) => ctx.client.call(p, ops.get_brand_list, query, o));
      pages.push(res.data.response);
      // has_next_page / next_offset: "this value need set to next request.offset".
      if (!res.data.response.has_next_page || res.data.response.next_offset === undefined) break;
      offset = res.data.response.next_offset;
    }
    return pages;
  }

  /**
   * The category's attribute tree: a CNSC (merchant) account lists global products, whose category is
   * a global one, so its tree comes from v2.global_product.get_attribute_tree, an attribute being
   * mandatory when `mandatory` or when `mandatory_region` names the shop's region; a shop account
   * reads v2.product.get_attribute_tree.
   */
  async function attributeTree(shop: ShopStore, category: number, o: CallOptions): Promise<AttributeNode[]> {
    const query = { query: { category_id_list: String(category) } };
    const res = ctx.merchant
      ? await ctx.client.call(ctx.merchant.pipeline, ops.get_global_attribute_tree, query, o)
      : await call(shop, (p) => ctx.client.call(p, ops.get_attribute_tree, query, o));
    const nodes = res.data.response.list.find((x) => x.category_id === category)?.attribute_tree ?? [];
    if (!ctx.merchant) return nodes;
    return nodes.map((a) => ({ ...a, mandatory: a.mandatory === true || ((a.attribute_info as { mandatory_region?: unknown } | null | undefined)?.mandatory_region as unknown[] | undefined ?? []).includes(shop.region) }));
  }

  /** Item limits: a CNSC account's global item limits (get_global_item_limit, merchant-signed), else the shop's get_item_limit. */
  async function itemLimits(shop: ShopStore, category: number, o: CallOptions) {
    const query = { query: { category_id: category } };
    if (!ctx.merchant) return { fields: limitFields((await call(shop, (p) => ctx.client.call(p, ops.get_item_limit, query, o))).data.response) };
    const global = (await ctx.client.call(ctx.merchant.pipeline, ops.get_global_item_limit, query, o)).data.response;
    return { fields: globalLimitFields(global), multiplier: global.text_length_multiplier ?? undefined };
  }

  async function fetchCategory(shop: ShopStore, category: number, o: CallOptions): Promise<Requirements> {
    const tree = await attributeTree(shop, category, o);
    const limits = await itemLimits(shop, category, o);
    const brandPages = await brands(shop, category, o);
    const channels = await call(shop, (p) => ctx.client.call(p, orderOps.get_channel_list, {}, o));
    const chosen = new Set(chosenChannels({ marketplace: {} } as Listing, ctx.config.logisticIds));
    const used = channels.data.response.logistics_channel_list.filter((c) => c.enabled !== false && chosen.has(c.logistics_channel_id));
    const attrs = tree;
    const fields = limits.fields.map((f) => (f.path === 'package.weight' ? channelWeight(f, used) : f));
    return {
      marketplace: 'shopee', store: shop.store.id, kind: 'category', id: String(category), locale: shop.store.language,
      // Shopee publishes no version for these documents: the read instant stands in.
      version: `read@${new Date(ctx.clock.now()).toISOString()}`, fetchedAt: new Date(ctx.clock.now()).toISOString(),
      fields: [...fields, brandField(brandPages, ctx.merchant ? GLOBAL_BRANDS : undefined), ...attrs.map(attributeField)],
      // Value ids, so upsert can send neutral attributes in attribute_list (attribute-list.ts).
      // textLengthMultiplier (CNSC): how Chinese characters count against the length limits (text-length.ts).
      documents: { valueIds: valueIdsOf(attrs), ...(limits.multiplier ? { textLengthMultiplier: limits.multiplier } : {}) },
    };
  }

  const keyOf = (shop: ShopStore, category: number) => requirementsKey({ marketplace: 'shopee', store: shop.store.id, kind: 'category', id: String(category) });

  async function requirements(query: RequirementsQuery): Promise<Requirements> {
    if (query === null || typeof query !== 'object') throw new ValidationError({ message: 'requirements needs { store, category }', path: 'query' });
    const shop = storeFor(ctx, query.store);
    const category = categoryOf(query.category, 'query.category');
    return read(keyOf(shop, category), () => fetchCategory(shop, category, callOpts(query)), query.refresh);
  }

  /**
   * Offline validation: the adapter's own checks (price decimals, channels, tiers) plus the category's
   * requirements; no marketplace call once they are cached. Seller overrides by Shopee attribute
   * name come from marketplace.shopee.attributes entries that carry attribute_name.
   */
  async function validateOffline(input: ListingInput | Listing, opts: CallOptions & { store?: string } = {}): Promise<OfflineValidationResult> {
    const l = parseInput(ListingSchema, input, 'listing');
    const shop = storeFor(ctx, opts.store);
    const categoryId = l.marketplace.shopee?.categoryId;
    // Presence of weight and images is a requirement field once the category is known: not reported twice.
    const covered = categoryId === undefined ? new Set<string>() : new Set(['MISSING_WEIGHT', 'MISSING_IMAGE']);
    const own = listingIssues(l, shop.rule, chosenChannels(l, ctx.config.logisticIds)).filter((i) => !covered.has(i.code)).map(ownIssue);
    if (categoryId === undefined) return offlineResult(l.sku, shop.store.id, own);
    const req = await requirements({ ...callOpts(opts), store: shop.store.id, category: categoryId });
    // Checked as sent: add_item gets descriptionOf(l) (description + bullets, else the title) and the neutral attributes the tree names.
    const shopee = { ...l.marketplace.shopee, attributes: [...entriesOf(l), ...neutralAttributeEntries(l, req)] };
    const sent = { ...l, description: descriptionOf(l), marketplace: { ...l.marketplace, shopee } } as Listing;
    const found = validateAgainst(sent, req, { marketplaceValues: overrides(sent, req) });
    return offlineResult(l.sku, shop.store.id, [...own, ...found, ...weightedLengthIssues(sent, req, found), ...unsentIssues(sent, req, found)], req);
  }

  /** category_recommend: category ids for an item name, best first. */
  async function suggestCategories(itemName: string, opts: CallOptions & { store?: string } = {}): Promise<number[]> {
    if (typeof itemName !== 'string' || !itemName.trim()) throw new ValidationError({ message: 'give the item name to recommend a category for', path: 'itemName' });
    const shop = storeFor(ctx, opts.store);
    const res = await call(shop, (p) => ctx.client.call(p, ops.category_recommend, { query: { item_name: itemName } }, callOpts(opts)));
    return res.data.response.category_id;
  }

  /**
   * The listing input upsert sends: neutral attributes the category's tree names added to
   * marketplace.shopee.attributes, once that category's requirements are cached (no call is made here).
   * Anything unexpected leaves the input as is, for upsert's own validation to report.
   */
  async function withMappedAttributes<T>(input: T, opts: { store?: unknown } | undefined): Promise<T> {
    const parsed = ListingSchema.safeParse(input);
    const categoryId = parsed.success ? parsed.data.marketplace.shopee?.categoryId : undefined;
    if (!parsed.success || categoryId === undefined || (opts?.store !== undefined && typeof opts.store !== 'string')) return input;
    const shop = ctx.shops.find((x) => x.store.id === (opts?.store ?? ctx.shops[0]?.store.id));
    const req = shop ? await cache.get(keyOf(shop, categoryId)) : undefined;
    return req ? withNeutralAttributes(input, parsed.data, req) : input;
  }

  return { requirements, validateOffline, suggestCategories, withMappedAttributes };
}

const OWN_PATHS: Record<string, string> = { category_id: 'marketplace.shopee.categoryId', weight: 'package.weight', image: 'images', logistic_info: 'marketplace.shopee.logisticIds', tier_variation: 'optionNames', model: 'variants' };
const ownIssue = (i: ListingIssue): RequirementIssue => ({ ...i, path: OWN_PATHS[i.attributes[0] ?? ''] ?? i.attributes[0] ?? '', attribute: i.attributes[0] ?? '' });

type AttributeEntry = { attribute_id?: unknown; attribute_name?: unknown; attribute_value_list?: Array<{ value_id?: unknown; original_value_name?: unknown }> };
const entriesOf = (l: Listing) => (l.marketplace.shopee?.attributes ?? []) as AttributeEntry[];

/** marketplace.shopee.attributes (add_item attribute_list) as { [attribute name]: value names }, names found by attribute_id. */
function overrides(l: Listing, req: Requirements): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const e of entriesOf(l)) {
    const field = req.fields.find((f) => f.attributeId !== undefined && f.attributeId === String(e.attribute_id));
    const name = field?.attribute ?? (typeof e.attribute_name === 'string' ? e.attribute_name : undefined);
    const values = (e.attribute_value_list ?? []).map((v) => v.original_value_name).filter((v) => v !== undefined);
    if (name && values.length) out[name] = values;
  }
  return out;
}

/**
 * add_item only receives attribute_list (attribute ids; specs/shopee/v2.product.add_item.json attribute_list,
 * refusal "error_less_required_attribute"): a mandatory attribute given only as a neutral listing
 * attribute is not sent, so it is reported here rather than by the marketplace.
 */
function unsentIssues(l: Listing, req: Requirements, found: RequirementIssue[]): RequirementIssue[] {
  const sent = new Set(entriesOf(l).map((e) => String(e.attribute_id)));
  return req.fields
    .filter((f) => f.required && f.attributeId !== undefined && !sent.has(f.attributeId) && !found.some((i) => i.path === f.path && i.code === 'MISSING_REQUIRED'))
    .map((f) => ({
      code: 'ATTRIBUTE_NOT_MAPPED', severity: 'error' as const, path: 'marketplace.shopee.attributes', attribute: f.attribute, attributes: [f.attribute], categories: [], sku: l.sku,
      message: `Shopee category ${req.id} requires "${f.attribute}" in attribute_list: add { attribute_id: ${f.attributeId}, attribute_value_list: [...] } to marketplace.shopee.attributes.`,
    }));
}

export type ShopeeRequirements = ReturnType<typeof shopeeRequirements>;
