/**
 * The ebay adapter and its embedded-sandbox module, for code inside this repository. The package
 * serves them apart: `xborder/ebay` is ./public.ts (no simulator code), `xborder/sandbox/ebay` is ./sandbox.
 */
export * from './public.js';
export { ebaySandbox, SANDBOX_CREDENTIALS, SANDBOX_IOSS, EbaySandboxState, type EbaySandboxOptions, type SeedOrdersOptions } from './sandbox/index.js';
