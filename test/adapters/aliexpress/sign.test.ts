import { describe, expect, it } from 'vitest';
import { sign, stringToSign } from '../../../adapters/aliexpress/index.js';
import { expectedSign } from '../../../adapters/aliexpress/sandbox/index.js';

/** The five vectors of research B1 (app secret "helloworld"). */
const VECTORS: Array<{ name: string; path?: string; params: Record<string, string>; text: string; sign: string }> = [
  {
    name: 'business, doc Case 1',
    params: { access_token: 'test', aliexpress_category_id: '200135143', app_key: '123456', method: 'aliexpress.logistics.redefining.getonlinelogisticsinfo', sign_method: 'sha256', timestamp: '1517820392000' },
    text: 'access_tokentestaliexpress_category_id200135143app_key123456methodaliexpress.logistics.redefining.getonlinelogisticsinfosign_methodsha256timestamp1517820392000',
    sign: 'F7F7926B67316C9D1E8E15F7E66940ED3059B1638C497D77973F30046EFB5BBB',
  },
  {
    name: 'system, doc Case 2', path: '/auth/token/create',
    params: { app_key: '12345678', code: '3_500102_JxZ05Ux3cnnSSUm6dCxYg6Q26', sign_method: 'sha256', timestamp: '1517820392000' },
    text: '/auth/token/createapp_key12345678code3_500102_JxZ05Ux3cnnSSUm6dCxYg6Q26sign_methodsha256timestamp1517820392000',
    sign: '35607762342831B6A417A0DED84B79C05FEFBF116969C48AD6DC00279A9F4D81',
  },
  {
    name: 'business, affiliate',
    params: { app_key: '12345678', method: 'aliexpress.affiliate.category.get', sign_method: 'sha256', timestamp: '1517820392000' },
    text: 'app_key12345678methodaliexpress.affiliate.category.getsign_methodsha256timestamp1517820392000',
    sign: 'F3ABBAB059750C3CD6D341A2FDA939ECB0FA892120E9196270ED67D6EC1511DD',
  },
  {
    name: 'business with a JSON param',
    params: {
      timestamp: '1517820392000', session: 'test', simplify: 'true', sign_method: 'sha256', method: 'aliexpress.solution.order.get', format: 'json', app_key: '12345678',
      param0: '{"current_page":1,"page_size":20,"order_status_list":["WAIT_SELLER_SEND_GOODS"]}',
    },
    text: 'app_key12345678formatjsonmethodaliexpress.solution.order.getparam0{"current_page":1,"page_size":20,"order_status_list":["WAIT_SELLER_SEND_GOODS"]}sessiontestsign_methodsha256simplifytruetimestamp1517820392000',
    sign: 'C8DC25E009A72B3E1846B150627B8444E7EB6E65DC82712881397439D6F4E919',
  },
  {
    name: 'system refresh', path: '/auth/token/refresh',
    params: { refresh_token: 'test_refresh', app_key: '12345678', sign_method: 'sha256', timestamp: '1517820392000' },
    text: '/auth/token/refreshapp_key12345678refresh_tokentest_refreshsign_methodsha256timestamp1517820392000',
    sign: '43DA5BF8AB7C85DBD570204F7D386E402E6D1198CA55CA30D496EFDADDBE098E',
  },
];

describe('AliExpress signing (research B1 vectors)', () => {
  for (const v of VECTORS) {
    it(`${v.name}: string to sign and HMAC-SHA256 upper hex`, () => {
      expect(stringToSign(v.params, v.path)).toBe(v.text);
      expect(sign('helloworld', v.params, v.path)).toBe(v.sign);
    });
    it(`${v.name}: the sandbox's independent check agrees`, () => {
      expect(expectedSign('helloworld', new URLSearchParams(v.params), v.path ?? null)).toBe(v.sign);
    });
  }

  it('drops `sign` and empty values, never prefixes a business call, and signs raw (not URL-encoded) values', () => {
    const params = { b: 'x y&z', a: '', sign: 'IGNORED', method: 'm' };
    expect(stringToSign(params)).toBe('bx y&zmethodm');
    expect(stringToSign(params, 'not-a-path')).toBe('bx y&zmethodm');
  });

  it('sorts by ASCII: "_" after upper case, before lower case', () => {
    expect(stringToSign({ a_b: '1', aB: '2', ab: '3' })).toBe('aB2a_b1ab3');
  });
});
