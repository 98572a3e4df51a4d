export * from './money.js';
export * from './money-math.js';
export * from './currencies.js';
export { parseDecimal, formatDecimal, trimDecimal, type ScaledDecimal } from './decimal.js';
export * from './address.js';
export * from './store.js';
export * from './listing.js';
export * from './order.js';
export * from './shipment.js';
