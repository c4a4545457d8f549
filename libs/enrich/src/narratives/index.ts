export { compareOutlets, surfaceForm } from './compare-outlets.js';
export type { CompareOptions, NarrativeComparison, NarrativeItem, NarrativeTerm, OutletEntity, OutletNarrative } from './compare-outlets.js';
export { distinctiveTerms } from './distinctive-terms.js';
export type { DistinctiveTerm, DistinctiveTermsOptions } from './distinctive-terms.js';
export { isStopWord } from './stop-words.js';
export { bucketLabel, bucketStart, bucketStarts, chooseBucketSize } from './time-buckets.js';
export type { BucketSize } from './time-buckets.js';
