/** xborder/aliexpress: the AliExpress Open Platform adapter (the package entry; its simulator is the separate xborder/sandbox/aliexpress entry). */
export { aliexpress, capabilities, type AliExpressAdapter, type AliExpressRaw } from './adapter.js';
export { AliExpressConfigSchema, DEFAULTS, type AliExpressConfig } from './config.js';
export type { AuthorizationUrlOptions } from './auth.js';
export { sign, stringToSign, type SignParams } from './sign.js';
export { quotaResetAt } from './errors.js';
export { RATE_PLANS, sellerOps, systemOps, type SellerOps, type SystemOps } from './operations.js';
export { tokenKey, type TokenResponse } from './tokens.js';
export type { AliExpressInventoryUpdate } from './inventory.js';
export { MemoryTokenStore, FileTokenStore, fileTokenStore, type TokenStore, type StoredToken } from '../../src/state/token-store.js';
export type { SuggestedCategory } from './requirements/service.js';
