import type { Listing } from '../model/listing.js';

/** A catalog row that will not run, with the column to fix. */
export interface CatalogRowError {
  /** CSV: the file line where the row starts (the header is line 1). JSON: the 1-based item index. */
  row: number;
  sku?: string;
  /** CSV column (`price`, `option.size`, `amazon.productType`...) or JSON path. */
  field: string;
  message: string;
}

/** Listings ready for the hub, plus every row that was rejected and why. */
export interface Catalog {
  source: string;
  /** Valid listings (variant families assembled), in file order. */
  listings: Listing[];
  /** Row of each listing's SKU (parents and variants), for reports. */
  rows: Record<string, number>;
  errors: CatalogRowError[];
  /** Non-fatal remarks, e.g. a column that is not part of the format. */
  warnings: string[];
}
