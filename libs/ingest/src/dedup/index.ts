export { contentHash } from './content-hash.js';
export { NearDuplicateIndex } from './near-duplicate-index.js';
export { EMPTY_SIMHASH, hammingDistance, simhash64 } from './simhash.js';
export { normaliseText, shingles, textTokens } from './text-shingles.js';
