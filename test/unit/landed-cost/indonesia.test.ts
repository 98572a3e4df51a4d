// Indonesia consignments under PMK 4/2025 (from 5 Mar 2025) and the rounding of PMK 190/2022.
// Sources (secondary, quoting DJBC officials and the regulation):
// - fixed rates for the eight commodity groups, 0 % / 15 % / 25 %, excluded from additional duties:
//   https://ekonomi.bisnis.com/read/20250225/259/1842547/kemenkeu-sederhanakan-tarif-bea-masuk-barang-kiriman-buku-hingga-komestik
//   https://news.ddtc.co.id/berita/nasional/1808844/tarif-bea-masuk-produk-tertentu-disederhanakan-pelayanan-lebih-cepat
// - HS scope of the groups (PMK 96/2023): https://ortax.org/tarif-mfn-impor-barang-kiriman
// - duty rounded up to the thousand rupiah (Rp1,506,882.069 → Rp1,507,000); import VAT to the full
//   rupiah, down (PMK 190/2022 art. 22): https://news-lite.ddtc.co.id/bea-masuk-dan-cukai-impor-dibulatkan-ribuan-ke-atas-begini-contohnya-1797874
import { describe, expect, it } from 'vitest';
import { estimateLandedCostSync } from '../../../src/landed-cost/index.js';
import { USD_TABLE } from '../../fixtures/landed-cost/rates.js';
import { codes, d, m } from './helpers.js';

// USD_TABLE: US$1 = IDR 16,000.
const id = (value: string, hsCode: string) =>
  estimateLandedCostSync({ origin: 'CN', destination: 'ID', asOf: '2026-03-01', shipping: m('0', 'USD'), rates: USD_TABLE, items: [{ hsCode, value: m(value, 'USD') }] });

describe('Indonesia: PMK 4/2025 fixed rates for the eight commodity groups', () => {
  it.each([
    ['bag', '420222', '40000.00', '22000.00'], // 25 % × 160,000; VAT 11 % × 200,000
    ['T-shirt', '610910', '40000.00', '22000.00'],
    ['bed linen', '630231', '40000.00', '22000.00'],
    ['footwear', '640399', '40000.00', '22000.00'],
    ['bicycle', '871200', '40000.00', '22000.00'],
    ['lipstick', '330410', '24000.00', '20240.00'], // 15 % × 160,000; VAT 11 % × 184,000
    ['steel article', '732393', '24000.00', '20240.00'],
    ['wristwatch', '910211', '24000.00', '20240.00'],
    ['book', '490199', '0.00', '17600.00'],
  ])('%s (HS %s), FOB 10 USD: duty %s, VAT %s, complete', (_name, hs, duty, vat) => {
    const e = id('10', hs);
    expect([d(e.duty), d(e.taxes[0]!.amount)]).toEqual([duty, vat]);
    expect(e.complete).toBe(true);
  });

  it('goods outside the groups pay the flat 7.5 % (essential oils 3301 are not cosmetics 3303–3307; fabric is not a textile product)', () => {
    expect(d(id('10', '330129').duty)).toBe('12000.00');
    expect(d(id('10', '520811').duty)).toBe('12000.00');
  });

  it('no safeguard-duty notice up to US$1,500 (the groups are exempt); the uncomputed 5 % PPh is named', () => {
    const messages = id('10', '640399').warnings.map((w) => w.message).join('\n');
    expect(messages).not.toMatch(/[Ss]afeguard/);
    expect(messages).toMatch(/5% income tax \(PPh\)/);
    expect(codes(id('10', '851830'))).not.toContain('NOTICE');
  });
});

describe('Indonesia rounding (PMK 190/2022 art. 22)', () => {
  it('duty up to the thousand rupiah, VAT down to the rupiah, at ±1 around a step', () => {
    // 7.5 % × 48,160 = 3,612 → 4,000; VAT 11 % × (48,160 + 3,612) = 5,694.92 → 5,694.
    const e = id('3.01', '851830');
    expect([d(e.duty), d(e.taxes[0]!.amount)]).toEqual(['4000.00', '5694.00']);
    // FOB US$3.00: no duty; VAT 11 % × 48,000 = 5,280 exactly stays 5,280.
    expect(d(id('3.00', '851830').taxes[0]!.amount)).toBe('5280.00');
  });
});
