import { defineConfig } from 'tsup';

/** One named entry per public subpath (package.json#exports), plus the CLI. */
export const entries = {
  index: 'src/index.ts',
  amazon: 'adapters/amazon/index.ts',
  ebay: 'adapters/ebay/index.ts',
  aliexpress: 'adapters/aliexpress/index.ts',
  shopee: 'adapters/shopee/index.ts',
  currency: 'src/currency/index.ts',
  'landed-cost': 'src/landed-cost/index.ts',
  shipping: 'src/shipping/index.ts',
  sandbox: 'src/sandbox/index.ts',
  cli: 'src/cli/main.ts',
};

/**
 * ESM-only dependencies are bundled (into both formats, one build) so that
 * `require('xborder/<subpath>')` works without relying on require(esm).
 */
const esmOnly = [/^p-queue/, /^p-retry/, /^p-timeout/, /^is-network-error/, /^dinero\.js/, /^eventemitter3/];

/** The CLI loads adapters through the package's own public subpaths, like a user would. */
const selfReference = [/^xborder(\/|$)/];

export default defineConfig({
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  // Shared chunks in both formats: one copy of the core, so instanceof works across subpaths.
  splitting: true,
  sourcemap: true,
  clean: true,
  metafile: true,
  target: 'node20',
  outDir: 'dist',
  noExternal: esmOnly,
  external: selfReference,
});
