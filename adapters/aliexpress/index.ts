/**
 * The aliexpress adapter and its embedded-sandbox module, for code inside this repository. The package
 * serves them apart: `xborder/aliexpress` is ./public.ts (no simulator code), `xborder/sandbox/aliexpress` is ./sandbox.
 */
export * from './public.js';
export {
  aliexpressSandbox, SANDBOX_CREDENTIALS, AliExpressSandboxState, type AliExpressSandboxOptions, type SandboxOrder, type SandboxProduct,
} from './sandbox/index.js';
