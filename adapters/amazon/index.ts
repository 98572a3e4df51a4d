/**
 * The amazon adapter and its embedded-sandbox module, for code inside this repository. The package
 * serves them apart: `xborder/amazon` is ./public.ts (no simulator code), `xborder/sandbox/amazon` is ./sandbox.
 */
export * from './public.js';
export { amazonSandbox, SANDBOX_CREDENTIALS, type AmazonSandboxOptions, type AmazonSandboxState } from './sandbox/index.js';
