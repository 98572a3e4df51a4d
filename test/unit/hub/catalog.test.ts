import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/classes.js';
import { loadCatalog, parseCatalogCsv, parseCatalogJson } from '../../../src/hub/catalog.js';

const HEADER = 'sku,parent_sku,title,description,price,currency,quantity,images,gtin,weight,dimensions,hs_code,origin,option.size,option.color,shopee.categoryId,amazon.productType';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n');
}

describe('loadCatalog (CSV)', () => {
  it('reads the example catalog: ~50 SKUs, variant families assembled, no errors', async () => {
    const c = await loadCatalog(path.resolve('examples/catalog.csv'));
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
    const skus = c.listings.flatMap((l) => [l.sku, ...l.variants.map((v) => v.sku)]);
    expect(skus.length).toBeGreaterThanOrEqual(45);
    expect(new Set(skus).size).toBe(skus.length);
    const tee = c.listings.find((l) => l.sku === 'TEE-CLASSIC')!;
    expect(tee.optionNames).toEqual(['size', 'color']);
    expect(tee.variants).toHaveLength(6);
    // Empty parent price/quantity: the family's lowest price and total stock.
    expect(tee.price).toEqual({ amount: 1200, currency: 'USD' });
    expect(tee.quantity).toBe(240);
    expect(tee.marketplace.amazon?.productType).toBe('SHIRT');
    expect(tee.marketplace.shopee?.categoryId).toBe(100017);
    expect(tee.customs).toEqual({ hsCode: '610910', originCountry: 'CN' });
    expect(c.rows['TEE-CLASSIC-RED-M']).toBe(4);
  });

  it('reports every bad row with its line and column, and keeps the valid rows', () => {
    const c = parseCatalogCsv(csv(
      'OK-1,,Good product,,9.99,USD,5,https://x.test/a.jpg|https://x.test/b.jpg,4006381333931,0.3 kg,30x20x5 cm,6109.10,cn,,,100017,SHIRT',
      'BAD-PRICE,,Too precise,,9.999,USD,5,,,,,,,,,,',
      'BAD-QTY,,No stock number,,9.99,USD,five,,,,,,,,,,',
      'BAD-CUR,,Odd currency,,9.99,XXQ,5,,,,,,,,,,',
      ',,No sku,,9.99,USD,5,,,,,,,,,,',
      'NO-TITLE,,,,9.99,USD,5,,,,,,,,,,',
      'BAD-GTIN,,Short gtin,,9.99,USD,5,,1234,,,,,,,,',
      'BAD-WEIGHT,,Heavy,,9.99,USD,5,,,10 stone,,,,,,,',
      'BAD-CAT,,Category,,9.99,USD,5,,,,,,,,,abc,',
      'OK-1,,Duplicate,,9.99,USD,5,,,,,,,,,,',
      'SHORT,,Too few cells,9.99',
      'OK-2,,"Multi-line',
      'description",,4.50,USD,x,,,,,,,,,,',
      'ORPHAN-S,NOPE,,,,,,,,,,,,S,,,',
    ));
    expect(c.listings.map((l) => l.sku)).toEqual(['OK-1']);
    const by = Object.fromEntries(c.errors.map((e) => [`${e.row}:${e.field}`, e]));
    expect(Object.keys(by).sort()).toEqual([
      '11:sku', '12:(row)', '13:quantity', '15:parent_sku', '3:price', '4:quantity', '5:currency', '6:sku', '7:title', '8:gtin', '9:weight', '10:shopee.categoryId',
    ].sort());
    expect(by['3:price']!.message).toMatch(/3 decimals but USD allows 2/);
    expect(by['3:price']!.sku).toBe('BAD-PRICE');
    expect(by['11:sku']!.message).toMatch(/duplicate sku \(first on row 2\)/);
    expect(by['15:parent_sku']!.message).toMatch(/no product row with sku "NOPE"/);
    // The multi-line row (lines 13-14) is reported at the line it starts on.
    expect(by['13:quantity']!.sku).toBe('OK-2');
    const ok = c.listings[0]!;
    expect(ok.images).toHaveLength(2);
    expect(ok.customs).toEqual({ hsCode: '610910', originCountry: 'CN' });
    expect(ok.package.dimensions).toEqual({ length: 30, width: 20, height: 5, unit: 'cm' });
  });

  it('drops a bad variant with its own row, keeps the family, and rejects a family without valid variants', () => {
    const c = parseCatalogCsv(csv(
      'TEE,,Tee,,,USD,,,,,,,,,,,',
      'TEE-S,TEE,,,10.00,,3,,,,,,,S,Red,,',
      'TEE-M,TEE,,,10.005,,3,,,,,,,M,Red,,',
      'TEE-L,TEE,,,11.00,,3,,,,,,,L,,,',
      'CAP,,Cap,,,USD,,,,,,,,,,,',
      'CAP-1,CAP,,,abc,,3,,,,,,,One,,,',
      'TEE-X,TEE-S,,,1.00,,1,,,,,,,XL,Red,,',
    ));
    expect(c.listings.map((l) => l.sku)).toEqual(['TEE']);
    const tee = c.listings[0]!;
    expect(tee.variants.map((v) => v.sku)).toEqual(['TEE-S']);
    expect(tee.quantity).toBe(3);
    const fields = c.errors.map((e) => `${e.row}:${e.sku}:${e.field}`);
    expect(fields).toEqual(['4:TEE-M:price', '5:TEE-L:option.color', '6:CAP:parent_sku', '7:CAP-1:price', '8:TEE-X:parent_sku']);
    expect(c.errors[4]!.message).toMatch(/is a variant row/);
  });

  it('warns about unknown columns and refuses files it cannot read as a whole', () => {
    const c = parseCatalogCsv('sku,title,price,currency,quantity,colour\nA,T,1.00,USD,1,red');
    expect(c.listings).toHaveLength(1);
    expect(c.warnings[0]).toMatch(/"colour" is not part of the catalog format/);
    expect(() => parseCatalogCsv('title,price\nA,1')).toThrow(/"sku" column is required/);
    expect(() => parseCatalogCsv('sku,title\n"A,B\n')).toThrow(ValidationError);
    expect(() => parseCatalogCsv('sku,SKU\nA,B')).toThrow(/appears twice/);
  });

  it('uses the default currency for rows without one', () => {
    const c = parseCatalogCsv('sku,title,price,quantity\nA,T,1000,2', { currency: 'JPY' });
    expect(c.listings[0]!.price).toEqual({ amount: 1000, currency: 'JPY' });
    const none = parseCatalogCsv('sku,title,price,quantity\nA,T,10,2');
    expect(none.errors[0]).toMatchObject({ row: 2, field: 'currency' });
  });
});

describe('loadCatalog (JSON)', () => {
  it('validates each item on its own', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xb-cat-'));
    const file = path.join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ listings: [
      { sku: 'J1', title: 'One', price: { amount: '5.00', currency: 'EUR' }, quantity: 1 },
      { sku: 'J2', title: 'Two', price: { amount: '5.001', currency: 'EUR' }, quantity: 1 },
      { sku: 'J1', title: 'Again', price: { amount: 100, currency: 'EUR' }, quantity: 1 },
    ] }));
    const c = await loadCatalog(file);
    expect(c.listings.map((l) => l.sku)).toEqual(['J1']);
    expect(c.errors.map((e) => `${e.row}:${e.field}`)).toEqual(['2:price', '3:sku']);
    expect(() => parseCatalogJson({ nope: 1 })).toThrow(ValidationError);
    await expect(loadCatalog(path.join(dir, 'missing.csv'))).rejects.toThrow(/Cannot read catalog/);
  });
});
