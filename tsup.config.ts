import { defineConfig } from 'tsup';

/** One named entry per public subpath (package.json#exports). */
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

/** The CLI loads adapters through the package's own public subpaths, like a user would. */
const selfReference = [/^xborder(\/|$)/];

/** ESM-only dependencies: bundled into the CJS build so `require('xborder/<subpath>')` works. */
const esmOnly = [/^p-queue/, /^p-retry/, /^p-timeout/, /^is-network-error/, /^dinero\.js/, /^eventemitter3/];

export default defineConfig([
  {
    entry: entries,
    format: ['esm'],
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: true,
    metafile: true,
    target: 'node20',
    outDir: 'dist',
    external: selfReference,
  },
  {
    entry: entries,
    format: ['cjs'],
    dts: true,
    splitting: true,
    sourcemap: true,
    metafile: true,
    target: 'node20',
    outDir: 'dist',
    noExternal: esmOnly,
    external: selfReference,
  },
]);
