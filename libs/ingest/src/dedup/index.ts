export { contentHash } from './content-hash.js';
export { NearDuplicateIndex } from './near-duplicate-index.js';
export { EMPTY_SIMHASH, hammingDistance, simhash64 } from './simhash.js';
export { normaliseForDedup } from './text-shingles.js';
