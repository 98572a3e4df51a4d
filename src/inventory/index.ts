/** Inventory sync across stores (issue 9): the stock ledger, its stores, the sync engine and CLI helpers. */
export { StockLedger, type StockLedgerOptions, type OrderApplyResult, type MappingView } from './ledger.js';
export { memoryLedgerStore, fileLedgerStore, type LedgerStore, type CommitResult, type Replay } from './store.js';
export { targetKey, type Quote as StockQuote, type Target as StockTarget, type QuantityRules } from './availability.js';
export type { LedgerChange, LedgerOp } from './ops.js';
export type { LedgerModel } from './model.js';
export {
  StockOrderSchema, MapTargetSchema, PolicyPatchSchema, LedgerStateSchema,
  type MapTarget, type PolicyPatch, type Policy as StockPolicy, type Mapping as StockMapping, type Component as StockComponent, type StockException, type LedgerState,
} from './schemas.js';
export { createInventorySync, inventorySync, InventorySyncEngine, type InventorySyncOptions, type OrderEvent } from './sync.js';
export type { InventorySyncReport, PushEvent, StoreSyncStats, PushFailure } from './report.js';
export type { LagStats } from './lag.js';
export { MemoryPushJournal, FilePushJournal, type PushJournal, type PushJournalEntry, type PushItemOutcome, type PushedItem } from './journal.js';
export {
  openLedger, stockSet, stockMap, stockPolicy, stockShow, stockSync, parseComponents, formatStockView, formatInventoryReport,
  type StockRow, type StockView,
} from './cli.js';
