import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/classes.js';
import { validateAgainst, closestValues, convertUnit, type Requirements } from '../../src/requirements/index.js';

const base = { sku: 'TEE-1', title: 'Cotton tee', price: { amount: 1999, currency: 'EUR' }, quantity: 3 };

function req(fields: Requirements['fields']): Requirements {
  return { marketplace: 'ebay', store: 'EBAY_DE', kind: 'category', id: '15687', version: '1', fetchedAt: '2026-01-01T00:00:00Z', fields };
}

describe('validateAgainst (offline)', () => {
  it('reports a missing required attribute on its unified path, under the marketplace name', () => {
    const r = req([{ path: 'attributes.color', attribute: 'Farbe', required: true, type: 'string', multiple: false }]);
    const [issue, ...rest] = validateAgainst(base, r);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'MISSING_REQUIRED', severity: 'error', path: 'attributes.color', attribute: 'Farbe', attributes: ['Farbe'], sku: 'TEE-1' });
    expect(issue!.message).toContain('eBay category 15687');
  });

  it('takes colour for color, and a localized name as the key, and variant options', () => {
    const r = req([{ path: 'attributes.color', attribute: 'Farbe', localizedNames: { 'de-DE': 'Farbe' }, required: true, type: 'string', multiple: false }]);
    expect(validateAgainst({ ...base, attributes: { colour: 'Rot' } }, r)).toEqual([]);
    expect(validateAgainst({ ...base, attributes: { Farbe: 'Rot' } }, r)).toEqual([]);
    const family = { ...base, optionNames: ['colour'], variants: [{ sku: 'TEE-1-R', options: { colour: 'Rot' } }] };
    expect(validateAgainst(family, r)).toEqual([]);
  });

  it('a value outside a closed list is an error with the closest allowed values', () => {
    const r = req([{ path: 'attributes.color', attribute: 'Farbe', required: true, type: 'string', multiple: false, closed: true, allowedValues: [{ value: 'Rot' }, { value: 'Blau' }, { value: 'Grün' }, { value: 'Rosa' }] }]);
    const [issue] = validateAgainst({ ...base, attributes: { color: 'Rott' } }, r);
    expect(issue).toMatchObject({ code: 'VALUE_NOT_ALLOWED', path: 'attributes.color', suggestions: ['Rot', 'Rosa', 'Blau'] });
    // case differences are the same value
    expect(validateAgainst({ ...base, attributes: { color: 'rot' } }, r)).toEqual([]);
  });

  it('a deprecated allowed value is a warning', () => {
    const r = req([{ path: 'attributes.size', attribute: 'size', required: false, type: 'string', multiple: false, closed: true, allowedValues: [{ value: 'XL', deprecated: true }, { value: 'X-Large' }] }]);
    expect(validateAgainst({ ...base, attributes: { size: 'XL' } }, r)).toMatchObject([{ code: 'VALUE_DEPRECATED', severity: 'warning', suggestions: ['X-Large'] }]);
  });

  it('counts characters and UTF-8 bytes separately', () => {
    const title = 'Ü'.repeat(30); // 30 characters, 60 bytes
    const chars = req([{ path: 'title', attribute: 'title', required: true, type: 'string', multiple: false, limits: { maxLength: 40 } }]);
    const bytes = req([{ path: 'title', attribute: 'title', required: true, type: 'string', multiple: false, limits: { maxLength: 40, maxUtf8Bytes: 50 } }]);
    expect(validateAgainst({ ...base, title }, chars)).toEqual([]);
    expect(validateAgainst({ ...base, title }, bytes)).toMatchObject([{ code: 'TOO_LONG', path: 'title' }]);
  });

  it('image count limits name the first image too many', () => {
    const images = Array.from({ length: 4 }, (_, i) => `https://img.example/${i}.jpg`);
    const r = req([{ path: 'images', attribute: 'imageUrls', required: true, type: 'url', multiple: true, limits: { maxCount: 3 } }]);
    expect(validateAgainst({ ...base, images }, r)).toMatchObject([{ code: 'TOO_MANY_VALUES', path: 'images[3]' }]);
    expect(validateAgainst(base, r)).toMatchObject([{ code: 'MISSING_REQUIRED', path: 'images' }]);
  });

  it('converts units before comparing a measure with its limit', () => {
    const r = req([{ path: 'package.weight', attribute: 'weight', required: true, type: 'measurement', multiple: false, unit: 'kg', limits: { maximum: 30 } }]);
    expect(validateAgainst({ ...base, package: { weight: { value: 60, unit: 'lb' } } }, r)).toEqual([]);
    expect(validateAgainst({ ...base, package: { weight: { value: 70, unit: 'lb' } } }, r)).toMatchObject([{ code: 'OUT_OF_RANGE', path: 'package.weight', message: expect.stringContaining('31.751 kg') }]);
  });

  it('typed overrides by marketplace name satisfy a field and are counted', () => {
    const r = req([{ path: 'attributes.color', attribute: 'Farbe', required: true, type: 'string', multiple: false }]);
    expect(validateAgainst(base, r, { marketplaceValues: { Farbe: ['Rot'] } })).toEqual([]);
    expect(validateAgainst(base, r, { marketplaceValues: { Farbe: ['Rot', 'Blau'] } })).toMatchObject([{ code: 'TOO_MANY_VALUES' }]);
  });

  it('numbers are checked as numbers', () => {
    const r = req([{ path: 'attributes.pieces', attribute: 'Anzahl', required: true, type: 'integer', multiple: false, limits: { minimum: 1 } }]);
    expect(validateAgainst({ ...base, attributes: { pieces: 'two' } }, r)).toMatchObject([{ code: 'WRONG_TYPE' }]);
    expect(validateAgainst({ ...base, attributes: { pieces: 0 } }, r)).toMatchObject([{ code: 'OUT_OF_RANGE' }]);
  });

  it('bad listing input is a ValidationError naming the field', () => {
    expect(() => validateAgainst({ ...base, title: '' }, req([]))).toThrow(ValidationError);
  });
});

describe('helpers', () => {
  it('closestValues ranks containing values first, then by edit distance', () => {
    expect(closestValues('navy', ['Blue', 'Navy Blue', 'Ivory'])).toEqual(['Navy Blue', 'Ivory', 'Blue']);
  });
  it('convertUnit converts within a kind only', () => {
    expect(convertUnit(1, 'lb', 'g')).toBeCloseTo(453.59237, 8);
    expect(convertUnit(1, 'in', 'cm')).toBeCloseTo(2.54, 10);
    expect(convertUnit(1, 'kg', 'cm')).toBeUndefined();
  });
});
