/**
 * The category data the eBay simulator publishes and enforces, in the official response shapes
 * (specs/ebay/commerce_taxonomy_v1_oas3.json AspectMetadata / BaseCategoryTree /
 * CategorySuggestionResponse; specs/ebay/sell_metadata_v1_oas3.json ItemConditionPolicyResponse).
 * Written by xborder, trimmed to a few aspects of real leaf categories (15687 Men's T-Shirts); names are localized per site as getItemAspectsForCategory
 * answers them ("always localized for the specified marketplace", txn:Aspect).
 */

/** Default category tree per marketplace: the site's legacy site id (getDefaultCategoryTreeId, e.g. EBAY_GB → 3). */
export const CATEGORY_TREES: Record<string, string> = {
  EBAY_US: '0', EBAY_MOTORS_US: '100', EBAY_CA: '2', EBAY_GB: '3', EBAY_AU: '15', EBAY_AT: '16', EBAY_BE: '123', EBAY_FR: '71',
  EBAY_DE: '77', EBAY_IT: '101', EBAY_NL: '146', EBAY_ES: '186', EBAY_CH: '193', EBAY_HK: '201', EBAY_IE: '205', EBAY_MY: '207',
  EBAY_PH: '211', EBAY_PL: '212', EBAY_SG: '216',
};
export const TREE_VERSION = '136';

interface AspectSpec {
  name: string;
  required?: boolean;
  mode?: 'FREE_TEXT' | 'SELECTION_ONLY';
  multi?: boolean;
  values?: string[];
  variations?: boolean;
  maxLength?: number;
}

function aspect(a: AspectSpec) {
  return {
    localizedAspectName: a.name,
    aspectConstraint: {
      aspectDataType: 'STRING',
      aspectEnabledForVariations: a.variations ?? false,
      aspectMode: a.mode ?? 'FREE_TEXT',
      aspectRequired: a.required ?? false,
      // "The value returned for required aspects will be RECOMMENDED" (AspectConstraint.aspectUsage).
      aspectUsage: a.required ? 'RECOMMENDED' : 'OPTIONAL',
      itemToAspectCardinality: a.multi ? 'MULTI' : 'SINGLE',
      ...(a.maxLength ? { aspectMaxLength: a.maxLength } : {}),
      aspectApplicableTo: ['PRODUCT'],
    },
    ...(a.values ? { aspectValues: a.values.map((localizedValue) => ({ localizedValue })) } : {}),
  };
}

const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const tshirt = (n: { brand: string; size: string; color: string; dept: string; deptValues: string[]; material: string; materials: string[]; colors: string[] }) => ({
  aspects: [
    aspect({ name: n.brand, required: true, maxLength: 65 }),
    aspect({ name: n.size, required: true, variations: true, values: SIZES, maxLength: 65 }),
    aspect({ name: n.color, required: true, variations: true, values: n.colors, maxLength: 65 }),
    aspect({ name: n.dept, mode: 'SELECTION_ONLY', values: n.deptValues }),
    aspect({ name: n.material, multi: true, values: n.materials }),
  ],
});

/** getItemAspectsForCategory answers by tree and category. */
export const ASPECTS: Record<string, Record<string, unknown>> = {
  '0': {
    '15687': tshirt({ brand: 'Brand', size: 'Size', color: 'Color', dept: 'Department', deptValues: ['Men', 'Unisex Adults'], material: 'Material', materials: ['Cotton', 'Polyester'], colors: ['Black', 'Blue', 'Gray', 'Green', 'Red', 'White'] }),
  },
  '3': {
    '15687': tshirt({ brand: 'Brand', size: 'Size', color: 'Colour', dept: 'Department', deptValues: ['Men', 'Unisex Adults'], material: 'Material', materials: ['Cotton', 'Polyester'], colors: ['Black', 'Blue', 'Grey', 'Green', 'Red', 'White'] }),
  },
  '77': {
    '15687': tshirt({ brand: 'Marke', size: 'Größe', color: 'Farbe', dept: 'Abteilung', deptValues: ['Herren', 'Unisex Erwachsene'], material: 'Material', materials: ['Baumwolle', 'Polyester'], colors: ['Blau', 'Grau', 'Grün', 'Rot', 'Schwarz', 'Weiß'] }),
  },
};

/** getItemConditionPolicies: clothing takes new/new without tags/new with defects/pre-owned (condition ID table). */
export const CONDITION_POLICIES: Record<string, { itemConditionRequired: boolean; itemConditions: Array<{ conditionId: string; conditionDescription: string; usage: string }> }> = {
  '15687': {
    itemConditionRequired: true,
    itemConditions: [
      { conditionId: '1000', conditionDescription: 'New with tags', usage: 'EBAY_DEFINED' },
      { conditionId: '1500', conditionDescription: 'New without tags', usage: 'EBAY_DEFINED' },
      { conditionId: '1750', conditionDescription: 'New with defects', usage: 'EBAY_DEFINED' },
      { conditionId: '3000', conditionDescription: 'Pre-owned', usage: 'EBAY_DEFINED' },
    ],
  },
};

/** getCategorySuggestions: keyword → leaf categories (with their ancestors), per tree language. */
export const SUGGESTIONS: Array<{ words: string[]; categoryId: string; names: Record<string, string>; ancestors: Record<string, string[]> }> = [
  { words: ['t-shirt', 'tshirt', 'tee', 'shirt'], categoryId: '15687', names: { '0': 'T-Shirts', '3': 'T-Shirts', '77': 'T-Shirts' }, ancestors: { '0': ['Tops', "Men's Clothing", 'Men', 'Clothing, Shoes & Accessories'], '3': ['Tops & Shirts', "Men's Clothing", 'Clothes, Shoes & Accessories'], '77': ['Shirts', 'Herrenmode', 'Kleidung & Accessoires'] } },
  { words: ['phone', 'smartphone', 'iphone', 'handy'], categoryId: '9355', names: { '0': 'Cell Phones & Smartphones', '3': 'Mobile & Smart Phones', '77': 'Handys & Smartphones' }, ancestors: { '0': ['Cell Phones & Accessories'], '3': ['Mobile Phones & Communication'], '77': ['Handys & Kommunikation'] } },
];
