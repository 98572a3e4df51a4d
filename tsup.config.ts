import { defineConfig } from 'tsup';

/** One named entry per public subpath (package.json#exports), plus the CLI. */
export const entries = {
  index: 'src/index.ts',
  amazon: 'adapters/amazon/public.ts',
  ebay: 'adapters/ebay/public.ts',
  aliexpress: 'adapters/aliexpress/public.ts',
  shopee: 'adapters/shopee/public.ts',
  currency: 'src/currency/index.ts',
  'landed-cost': 'src/landed-cost/index.ts',
  shipping: 'src/shipping/index.ts',
  sandbox: 'src/sandbox/index.ts',
  // The simulators live on their own subpaths, so production adapter bundles never carry them.
  'sandbox/amazon': 'adapters/amazon/sandbox/index.ts',
  'sandbox/ebay': 'adapters/ebay/sandbox/index.ts',
  'sandbox/aliexpress': 'adapters/aliexpress/sandbox/index.ts',
  'sandbox/shopee': 'adapters/shopee/sandbox/index.ts',
  // Redis stores and BullMQ workers: ioredis and bullmq stay optional peers (never bundled).
  redis: 'src/redis/index.ts',
  cli: 'src/cli/main.ts',
};

/**
 * ESM-only dependencies are bundled (into both formats, one build) so that
 * `require('xborder/<subpath>')` works without relying on require(esm).
 */
const esmOnly = [/^p-queue/, /^p-retry/, /^p-timeout/, /^is-network-error/, /^dinero\.js/, /^eventemitter3/, /^string-width/, /^get-east-asian-width/, /^strip-ansi/, /^ansi-regex/];

/** The CLI loads adapters through the package's own public subpaths, like a user would. */
const selfReference = [/^xborder(\/|$)/];

/** Optional peers, imported lazily by xborder/redis: the user installs them, the bundle never carries them. */
const optionalPeers = [/^ioredis(\/|$)/, /^bullmq(\/|$)/];

export default defineConfig({
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  // Shared chunks in both formats: one copy of the core, so instanceof works across subpaths.
  splitting: true,
  sourcemap: true,
  // Maps name the source files without embedding them (smaller package, no source shipped twice).
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  clean: true,
  metafile: true,
  target: 'node20',
  outDir: 'dist',
  noExternal: esmOnly,
  external: [...selfReference, ...optionalPeers],
});
