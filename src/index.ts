/** xborder core: unified model, errors, transport, pagination, adapter contract, hub. */
export * from './model/index.js';
export * from './errors/index.js';
export * from './http/index.js';
export * from './paginate/index.js';
export type * from './adapter.js';
export * from './state/token-store.js';
export * from './state/intent-journal.js';
export * from './hub/index.js';
export * from './inventory/index.js';
export * from './fulfilment/journaled-ship.js';
export * from './notifications/index.js';
export * from './requirements/index.js';
export * from './returns/index.js';
export type { OrderWatchOptions, WatchPollOptions, WatchContext, WatchEvent, WatchReport } from './hub/order-watch-types.js';
