import type { DutyLayer } from '../tariff-provider.js';
import { SRC } from './sources.js';

interface TariffDefault {
  territory: string;
  /** Inclusive HS chapter ranges. */
  chapters?: Array<[number, number]>;
  prefixes?: string[];
  layer: DutyLayer;
}

function layer(id: string, label: string, rate: string, validFrom: string, source: string, confidence: DutyLayer['confidence'], note?: string): DutyLayer {
  return { id, label, kind: 'base', rate, validFrom, source, confidence, ...(note ? { note } : {}) };
}

/**
 * Territory-wide defaults where the research gives a rule for whole chapters rather than lines.
 * First match wins, so narrower entries come first.
 */
export const TARIFF_DEFAULTS: TariffDefault[] = [
  // Switzerland: industrial tariffs (HS 25–97) abolished 1 Jan 2024; agriculture keeps specific (per 100 kg) duties.
  { territory: 'CH', chapters: [[25, 97]], layer: layer('ch.tariff.industrial-free', 'Industrial goods duty-free (HS 25–97)', '0', '2024-01-01', SRC.chIndustrial, 'confirmed') },
  { territory: 'CH', chapters: [[1, 24]], layer: layer('ch.tariff.agri-specific', 'Agricultural goods: specific duty per 100 kg', 'unknown', '2024-01-01', SRC.chBazg, 'confirmed', 'specific duty per gross weight: not computed') },
  // Singapore levies customs duty only on liquor, tobacco, motor vehicles and petroleum.
  { territory: 'SG', chapters: [[22, 22], [24, 24], [27, 27], [87, 87]], layer: layer('sg.tariff.dutiable', 'Dutiable goods (liquor, tobacco, petroleum, vehicles)', 'unknown', '2024-01-01', SRC.sgCustoms, 'likely') },
  { territory: 'SG', chapters: [[1, 97]], layer: layer('sg.tariff.non-dutiable', 'Non-dutiable goods', '0', '2024-01-01', SRC.sgCustoms, 'likely', 'not stated in the research notes; Singapore Customs lists only four dutiable groups') },
  // GCC Common External Tariff: mostly 5% of CIF; some lines 6.5–15%+.
  { territory: 'SA', chapters: [[1, 97]], layer: layer('sa.tariff.gcc-cet', 'GCC Common External Tariff (general rate)', '5', '2024-01-01', SRC.gcc, 'likely', 'mostly 5%; line-level exceptions (6.5–15%+) not bundled') },
  { territory: 'AE', chapters: [[1, 97]], layer: layer('ae.tariff.gcc-cet', 'GCC Common External Tariff (general rate)', '5', '2024-01-01', SRC.aeEy, 'likely', '5% of CIF; line-level exceptions not bundled') },
  // Norway: duty mainly on textiles/apparel and agriculture.
  { territory: 'NO', chapters: [[50, 63]], layer: layer('no.tariff.textiles', 'Textiles/apparel: national rate', 'unknown', '2024-01-01', SRC.noToll, 'likely', 'Norway keeps duty on textiles/apparel; rates per line not bundled') },
  { territory: 'NO', chapters: [[1, 24]], layer: layer('no.tariff.agri', 'Agricultural goods: national rate', 'unknown', '2024-01-01', SRC.noToll, 'likely') },
  { territory: 'NO', chapters: [[25, 97]], layer: layer('no.tariff.industrial-free', 'Industrial goods duty-free', '0', '2024-01-01', SRC.noToll, 'likely') },
  // Chile: 6% general ad valorem duty.
  { territory: 'CL', chapters: [[1, 97]], layer: layer('cl.tariff.general', 'General ad valorem duty', '6', '2024-01-01', SRC.clAduana, 'confirmed') },
  // Thailand: indicative levels from the press, not the tariff.
  { territory: 'TH', prefixes: ['61', '62', '64'], layer: layer('th.tariff.apparel-footwear', 'Apparel/footwear (indicative)', '30', '2024-01-01', SRC.thDuty2026, 'unconfirmed', 'press figure, not the tariff schedule') },
  { territory: 'TH', prefixes: ['4202'], layer: layer('th.tariff.bags', 'Bags (indicative)', '20', '2024-01-01', SRC.thDuty2026, 'unconfirmed', 'press figure, not the tariff schedule') },
  { territory: 'TH', prefixes: ['85'], layer: layer('th.tariff.electricals', 'Electricals (indicative)', '10', '2024-01-01', SRC.thDuty2026, 'unconfirmed', 'press figure, not the tariff schedule') },
];
