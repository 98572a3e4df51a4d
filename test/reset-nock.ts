/**
 * Files of the io project share one module graph per worker (isolate: false): nock's interceptors
 * and its net-connect switch are module state, so each file starts and ends with them reset.
 */
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';

const reset = () => {
  nock.cleanAll();
  nock.enableNetConnect();
};
beforeAll(reset);
afterAll(reset);
