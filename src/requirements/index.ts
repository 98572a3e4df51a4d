/** Catalog requirements: one shape for every marketplace, a disk cache, and the offline validator. */
export type { Requirements, RequirementField, RequirementIssue, RequirementsQuery, RequirementsCache, OfflineValidationResult, AllowedValue, FieldLimits, FieldType } from './types.js';
export { MemoryRequirementsCache, FileRequirementsCache, cachedRequirements, requirementsKey, CACHE_FORMAT, type FileRequirementsCacheOptions } from './cache.js';
export { validateAgainst, hasErrors, type ValidateAgainstOptions } from './validate.js';
export { neutralKey, valuesFor, namesOf } from './neutral.js';
export { closestValues } from './closest.js';
export { convertUnit, knownUnit } from './units.js';
export { offlineResult } from './result.js';
