import type { CallOptions } from '../http/call-options.js';
import type { ListingIssue, ListingResult } from '../model/listing.js';

/**
 * One marketplace's published requirements for one product type (Amazon) or category (eBay,
 * Shopee, AliExpress) on one store, in a single shape for all four. Plain JSON: it is cached on
 * disk as is.
 */
export interface Requirements {
  marketplace: string;
  /** Store id within the account (Amazon marketplace country, eBay site, Shopee shop...). */
  store: string;
  /** What `id` names: an Amazon product type or a marketplace category id. */
  kind: 'productType' | 'category';
  id: string;
  /** Amazon requirements level (LISTING, LISTING_OFFER_ONLY, LISTING_PRODUCT_ONLY); absent elsewhere. */
  level?: string;
  /** Language the names and values are in (eBay site locale such as de-DE). */
  locale?: string;
  /** The marketplace's own version of the document (Amazon productTypeVersion, eBay categoryTreeVersion...). */
  version: string;
  /** ISO instant the requirements were read from the marketplace. */
  fetchedAt: string;
  fields: RequirementField[];
  /** Allowed item conditions (eBay getItemConditionPolicies), when the marketplace restricts them per category. */
  conditions?: AllowedValue[];
  /**
   * Marketplace documents an adapter needs to validate beyond the unified fields (Amazon: the
   * product type JSON Schema validated with ajv). JSON only; never secrets.
   */
  documents?: Record<string, unknown>;
}

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'url' | 'measurement' | 'object';

export interface AllowedValue {
  value: string;
  /** Display name when it differs from the value (Amazon enumNames). */
  label?: string;
  /** Still accepted but on its way out (Amazon enumDeprecated): a warning, not an error. */
  deprecated?: boolean;
}

export interface FieldLimits {
  minLength?: number;
  maxLength?: number;
  /** Bytes of the UTF-8 encoding (Amazon minUtf8ByteLength / maxUtf8ByteLength). */
  minUtf8Bytes?: number;
  maxUtf8Bytes?: number;
  /** How many values (eBay itemToAspectCardinality SINGLE → 1; image counts...). */
  minCount?: number;
  maxCount?: number;
  /** Distinct values allowed (Amazon maxUniqueItems). */
  maxUniqueCount?: number;
  /** Numeric range, in `unit` when the field has one. */
  minimum?: number;
  maximum?: number;
}

export interface RequirementField {
  /** Unified path in the listing: `title`, `brand`, `images`, `identifiers.gtin`, `package.weight`, `attributes.color`... */
  path: string;
  /** The marketplace's own attribute / aspect name (`item_name`, `Farbe`, `Brand`...). */
  attribute: string;
  /** Marketplace id of the attribute when it has one besides its name (Shopee attribute_id). */
  attributeId?: string;
  /** The name per locale (eBay sites: { 'en-US': 'Color', 'de-DE': 'Farbe' }); any of them satisfies the field. */
  localizedNames?: Record<string, string>;
  label?: string;
  description?: string;
  required: boolean;
  /** Not required, but the marketplace asks for it (eBay aspectUsage RECOMMENDED). */
  recommended?: boolean;
  type: FieldType;
  /** Takes several values (eBay cardinality MULTI, Amazon arrays with maxUniqueItems > 1). */
  multiple: boolean;
  allowedValues?: AllowedValue[];
  /** Only `allowedValues` are accepted (eBay SELECTION_ONLY, a JSON Schema enum). */
  closed?: boolean;
  limits?: FieldLimits;
  /** Unit the marketplace expects for a measurement (`kg`, `g`, `cm`...). */
  unit?: string;
  /** Where the rule comes from (spec path or documentation page). */
  source?: string;
}

/** What `listings.requirements()` is asked for. */
export interface RequirementsQuery extends CallOptions {
  store?: string;
  /** Amazon product type (SHIRT...). */
  productType?: string;
  /** Category id (eBay, Shopee, AliExpress). */
  category?: string | number;
  /** Amazon requirements level; default LISTING. */
  level?: 'LISTING' | 'LISTING_OFFER_ONLY' | 'LISTING_PRODUCT_ONLY';
  /** Ignore the cache and read the marketplace again. */
  refresh?: boolean;
}

/** One problem found offline, on the unified path and under the marketplace's name. */
export interface RequirementIssue extends ListingIssue {
  /** Unified path: `title`, `attributes.color`, `images[0]`. */
  path: string;
  /** The marketplace's attribute name (`item_name`, `Farbe`). */
  attribute: string;
  /** The closest allowed values when a value is outside a closed list. */
  suggestions?: string[];
}

/** `listings.validate(listing, { store, offline: true })`: no marketplace call once requirements are cached. */
export interface OfflineValidationResult extends ListingResult {
  action: 'validated';
  /** `accepted` when no error-level issue was found, `invalid` otherwise. */
  status: 'accepted' | 'invalid';
  issues: RequirementIssue[];
  /** The requirements the listing was checked against (absent when none could be chosen). */
  requirements?: { marketplace: string; kind: Requirements['kind']; id: string; version: string; fetchedAt: string };
}

/** Where requirements are cached between runs (keyed by `requirementsKey`). */
export interface RequirementsCache {
  /** The cached document, or undefined when absent or expired. */
  get(key: string): Promise<Requirements | undefined>;
  /** Stores (replaces) the document under its key. */
  set(key: string, requirements: Requirements): Promise<void>;
}
