import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { ebaySandbox, type EbaySandboxState } from '../../../adapters/ebay/index.js';
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
