import { z } from 'zod';
import { op, type QueryValue } from '../../../src/http/operation.js';
import { USAGE_PLANS } from '../rate-plans.js';

/** Product Type Definitions API 2020-09-01 (specs/amazon/definitionsProductTypes_2020-09-01.json). */
const BASE = '/definitions/2020-09-01/productTypes';

const Loose = <T extends z.ZodRawShape>(shape: T) => z.object(shape).passthrough();
const SchemaLink = Loose({ link: Loose({ resource: z.string(), verb: z.string().optional() }), checksum: z.string() });

export const ProductTypeDefinitionSchema = Loose({
  schema: SchemaLink,
  metaSchema: SchemaLink.optional(),
  requirements: z.string(),
  requirementsEnforced: z.string(),
  propertyGroups: z.record(z.string(), Loose({ title: z.string().optional(), description: z.string().optional(), propertyNames: z.array(z.string()).optional() })).optional(),
  locale: z.string(),
  marketplaceIds: z.array(z.string()),
  productType: z.string(),
  displayName: z.string().optional(),
  productTypeVersion: Loose({ version: z.string(), latest: z.boolean().optional(), releaseCandidate: z.boolean().optional() }),
});
export type ProductTypeDefinition = z.infer<typeof ProductTypeDefinitionSchema>;

export const ProductTypeListSchema = Loose({
  productTypes: z.array(Loose({ name: z.string(), displayName: z.string().optional(), marketplaceIds: z.array(z.string()).optional() })),
  productTypeVersion: z.string().optional(),
});

export const definitionOps = {
  getDefinitionsProductType: op<{ params: { productType: string }; query: Record<string, QueryValue> }, ProductTypeDefinition>({
    id: 'getDefinitionsProductType', method: 'GET', path: `${BASE}/{productType}`, rate: USAGE_PLANS.getDefinitionsProductType, idempotent: true, response: ProductTypeDefinitionSchema,
  }),
  searchDefinitionsProductTypes: op<{ query: Record<string, QueryValue> }, z.infer<typeof ProductTypeListSchema>>({
    id: 'searchDefinitionsProductTypes', method: 'GET', path: BASE, rate: USAGE_PLANS.searchDefinitionsProductTypes, idempotent: true, response: ProductTypeListSchema,
  }),
};

/** The schema document behind ProductTypeDefinition.schema.link (a pre-signed URL: no SP-API auth). */
export const downloadSchema = op<Record<string, never>, ArrayBuffer>({
  id: 'downloadProductTypeSchema', method: 'GET', path: '', baseUrl: 'about:blank', noAuth: true, idempotent: true, responseType: 'arraybuffer',
});
