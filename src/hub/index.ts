/** The multi-store hub: bulk listing, order sync, fulfilment across accounts. */
export { Hub, type HubOptions } from './hub.js';
export { hubHooks, type HubHooks, type HubSignal } from './hub-hooks.js';
export { loadCatalog, parseCatalogCsv, parseCatalogJson, catalogOf, isCatalog, type LoadCatalogOptions, type CsvCatalogOptions } from './catalog.js';
export type { Catalog, CatalogRowError } from './catalog-types.js';
export type { PricingOptions } from './pricing.js';
export { priceListing } from './pricing.js';
export type { HubBulkOptions, BulkReport, BulkStoreReport, BulkItemReport, BulkProgressEvent, StoreCounts, ItemOutcome } from './bulk-types.js';
export { formatBulkReport } from './bulk-report.js';
export { FileBulkJournal, MemoryBulkJournal, type BulkJournal, type JournalEntry } from './journal.js';
export {
  fileCheckpoints, memoryCheckpoints, FileCheckpointStore, MemoryCheckpointStore,
  type CheckpointStore, type SyncCheckpoint, type HeldRecord,
} from './checkpoints.js';
export type { OrderSyncOptions, OrderContext, SyncReport, AccountSyncReport, WindowReport, SyncEvent } from './sync-types.js';
export { formatSyncReport } from './sync-report.js';
export { DEFAULT_LAG_MS, DEFAULT_OVERLAP_MS } from './sync-window.js';
export { defaultShipKey } from './fulfilment.js';
export type { ResolvedStore } from './store-ref.js';
export type { ErrorInfo } from './errors.js';
export { textTable } from './text-table.js';
export type { HubInventorySyncOptions, HubInventorySyncReport } from './inventory-sync.js';
export type { ReturnSyncOptions } from './returns-sync.js';
