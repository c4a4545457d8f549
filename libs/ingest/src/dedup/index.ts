export { contentHash, contentHashOfTokens } from './content-hash.js';
export { NearDuplicateIndex } from './near-duplicate-index.js';
export { EMPTY_SIMHASH, hammingDistance, simhash64, simhashOfTokens } from './simhash.js';
export { dedupTokens, normaliseForDedup } from './text-shingles.js';
