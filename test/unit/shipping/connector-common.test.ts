import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { money } from '../../../src/model/money.js';
import { customsValue, daysFromWords, reconcile, wireMoney } from '../../../src/shipping/connectors/common.js';
import { carrierParcels, unitSystemOf } from '../../../src/shipping/connectors/measure.js';
import { prepareShipment } from '../../../src/shipping/index.js';
import { request } from './helpers.js';

describe('carrier wire helpers', () => {
  it('carrier money is parsed exactly, locale forms included ("35,65" crashed other clients)', () => {
    expect(wireMoney('35,65', 'EUR')).toEqual({ amount: 3565, currency: 'EUR' });
    expect(wireMoney('1.234,56', 'EUR')).toEqual({ amount: 123456, currency: 'EUR' });
    expect(wireMoney(157.95, 'GBP')).toEqual({ amount: 15795, currency: 'GBP' });
    expect(wireMoney('612.40', 'CNY')).toEqual({ amount: 61240, currency: 'CNY' });
    expect(wireMoney('1500', 'JPY')).toEqual({ amount: 1500, currency: 'JPY' });
  });

  it('reconcile adds one line for what the carrier did not itemise', () => {
    const total = { amount: 1000, currency: 'USD' };
    expect(reconcile(total, [{ kind: 'base', amount: { amount: 1000, currency: 'USD' } }])).toHaveLength(1);
    expect(reconcile(total, [{ kind: 'base', amount: { amount: 900, currency: 'USD' } }], 'tax', 'VAT')[1]).toEqual({ kind: 'tax', amount: { amount: 100, currency: 'USD' }, label: 'VAT' });
  });

  it('FedEx transit words', () => {
    expect([daysFromWords('ONE_DAY'), daysFromWords('FOUR_DAYS'), daysFromWords('TWENTY_DAYS'), daysFromWords('SOON'), daysFromWords(undefined)]).toEqual([1, 4, 20, undefined, undefined]);
  });

  it('customs value: declaredValue, else the sum of content lines in one currency', () => {
    const line = (amount: string, currency = 'USD') => ({ description: 'x', quantity: 1, value: money(amount, currency) });
    expect(customsValue(prepareShipment(request({ contents: [line('10.50'), line('4.50')] })))).toEqual({ amount: 1500, currency: 'USD' });
    expect(() => customsValue(prepareShipment(request({ contents: [line('1'), line('1', 'EUR')] })))).toThrow(ValidationError);
  });

  it('carrier units: rounded up, never down (1 oz = 0.028349523125 kg → 0.029 at 3 decimals)', () => {
    const s = prepareShipment(request({ parcels: [{ weight: { value: 1, unit: 'oz' }, dimensions: { length: 1, width: 1, height: 1, unit: 'in' } }] }));
    expect(unitSystemOf(s)).toBe('imperial');
    expect(carrierParcels(s, 'metric', 3, 1)).toEqual([{ weight: '0.029', sides: ['2.6', '2.6', '2.6'] }]); // 2.54 cm → 2.6
    expect(carrierParcels(s, 'imperial', 2, 0)).toEqual([{ weight: '0.07', sides: ['1', '1', '1'] }]); // 0.0625 lb → 0.07
  });
});
