import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS, type EbaySandboxState } from '../../../adapters/ebay/index.js';
import { MemoryRequirementsCache } from '../../../src/requirements/index.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

/** One eBay simulator for the enclosing describe block (started before its tests, closed after). */
export function useEbaySandbox(timeScale = 100): { sandbox: RunningSandbox; state: EbaySandboxState } {
  const env = {} as { sandbox: RunningSandbox; state: EbaySandboxState };
  beforeAll(async () => {
    nock.enableNetConnect();
    env.sandbox = await startSandbox({ marketplaces: { ebay: ebaySandbox() }, timeScale });
    env.state = env.sandbox.state.ebay as EbaySandboxState;
  });
  afterAll(() => env.sandbox.close());
  return env;
}

/** An EBAY_DE seller on that simulator, listing into category 15687 (T-shirts), with a fresh requirements cache. */
export function ebayDeOn(sandbox: RunningSandbox) {
  const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
  return ebay({ account, marketplaces: ['EBAY_DE'], credentials: { clientId, clientSecret, refreshToken }, endpoint: sandbox.urls.ebay!, timeScale: 100, listingDefaults: { EBAY_DE: { ...listingDefaults, categoryId: '15687' } }, requirementsCache: new MemoryRequirementsCache() });
}
