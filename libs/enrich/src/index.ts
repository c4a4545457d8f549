export { Enricher } from './enricher.js';
export type { EnricherOptions, EnrichInput } from './enricher.js';
export * from './entities/index.js';
export * from './language/index.js';
export * from './stance/index.js';
export * from './stories/index.js';
export * from './denials/index.js';
export * from './narratives/index.js';
