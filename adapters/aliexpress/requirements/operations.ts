import { z } from 'zod';
import { op } from '../../../src/http/operation.js';
import { BUSINESS_PATH, RATE_PLANS, envelope, listOf, sellerOps } from '../operations.js';

const SUGGEST = 'specs/aliexpress/aliexpress_solution_product_category_suggest.json';
const SCHEMA = 'specs/aliexpress/aliexpress_solution_product_schema_get.json';

const num = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]);

/** suggest_category_list[]{id, name, id_path, name_path}, "order by priority" (SUGGEST#responseParams). */
const SuggestCategory = z.looseObject({ id: num, name: z.string().optional(), id_path: listOf.optional(), name_path: listOf.optional() });
const SuggestResponse = z.looseObject({ suggest_category_list: listOf.pipe(z.array(z.unknown())).optional() });
/** result{success, error_code, error_message, schema}: `schema` is the JSON Schema as a string (SCHEMA#responseParams). */
const SchemaResponse = z.looseObject({
  result: z.looseObject({ success: z.boolean().optional(), error_code: z.string().optional(), error_message: z.string().optional(), schema: z.string().optional() }).optional(),
});

export type SuggestCategoryDto = z.output<typeof SuggestCategory>;
export { SuggestCategory };

/** Business operations of the requirements service: reads, safe to replay (product rate group). */
export const requirementOps = {
  /** `title` and `language` required, `image_url` optional (SUGGEST#requestParams). */
  categorySuggest: op<{ body: { title: string; language: string; image_url?: string } }, z.output<typeof SuggestResponse>>({
    id: 'aliexpress.solution.product.category.suggest', method: 'POST', path: BUSINESS_PATH, group: 'product', rate: RATE_PLANS.product, idempotent: true, bodyType: 'form',
    response: envelope('aliexpress.solution.product.category.suggest', SuggestResponse),
  }),
  /** `aliexpress_category_id` required (SCHEMA#requestParams). */
  schemaGet: op<{ body: { aliexpress_category_id: string } }, z.output<typeof SchemaResponse>>({
    id: 'aliexpress.solution.product.schema.get', method: 'POST', path: BUSINESS_PATH, group: 'product', rate: RATE_PLANS.product, idempotent: true, bodyType: 'form',
    response: envelope('aliexpress.solution.product.schema.get', SchemaResponse),
  }),
  /** `query_sku_attribute_info_request{aliexpress_category_id}` (specs/aliexpress/aliexpress_solution_sku_attribute_query.json). */
  skuAttributes: sellerOps.skuAttributes,
};
