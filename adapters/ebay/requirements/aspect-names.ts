import { neutralKey } from '../../../src/requirements/neutral.js';

/**
 * Neutral attribute → the names eBay sites give that aspect. getItemAspectsForCategory answers
 * `localizedAspectName` "always localized for the specified marketplace (for example: Colour on the
 * eBay UK site)" (developer.ebay.com/api-docs/commerce/taxonomy/types/txn:Aspect), so a neutral
 * `color` must be sent as `Farbe` on EBAY_DE. These are candidates only: a name counts for a
 * category when that category's own aspects contain it (aspect-fields.ts), so a wrong or missing
 * entry can only leave a name unmapped, never invent an aspect.
 */
export const ASPECT_NAMES: Record<string, readonly string[]> = {
  color: ['Color', 'Colour', 'Farbe', 'Couleur', 'Colore', 'Kleur', 'Kolor'],
  size: ['Size', 'Größe', 'Taille', 'Taglia', 'Talla', 'Maat', 'Rozmiar'],
  material: ['Material', 'Matière', 'Materiale', 'Materiaal', 'Materiał'],
  pattern: ['Pattern', 'Muster', 'Motif', 'Fantasia', 'Estampado', 'Dessin', 'Wzór'],
  brand: ['Brand', 'Marke', 'Marque', 'Marca', 'Merk', 'Marka'],
  style: ['Style', 'Stil', 'Stile', 'Estilo', 'Stijl', 'Styl'],
  department: ['Department', 'Abteilung', 'Département', 'Reparto', 'Departamento', 'Afdeling', 'Dział'],
  model: ['Model', 'Modell', 'Modèle', 'Modello', 'Modelo'],
  mpn: ['MPN', 'Herstellernummer'],
};

const BY_NAME = new Map<string, string>(Object.entries(ASPECT_NAMES).flatMap(([neutral, names]) => names.map((n) => [n.toLowerCase(), neutral] as [string, string])));

/** The neutral attribute an eBay aspect name stands for (`Farbe` → `color`), if any. */
export function neutralOfAspect(aspectName: string): string | undefined {
  return BY_NAME.get(aspectName.trim().toLowerCase()) ?? (neutralKey(aspectName) in ASPECT_NAMES ? neutralKey(aspectName) : undefined);
}
