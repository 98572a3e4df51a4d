/**
 * The shopee adapter and its embedded-sandbox module, for code inside this repository. The package
 * serves them apart: `xborder/shopee` is ./public.ts (no simulator code), `xborder/sandbox/shopee` is ./sandbox.
 */
export * from './public.js';
export { shopeeSandbox, seedOrder, SANDBOX_PARTNER, SANDBOX_SHOP, ShopeeSandboxState, type ShopeeSandboxOptions, type SeedOrderSpec } from './sandbox/index.js';
