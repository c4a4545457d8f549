export * from './search-index.port.js';
export * from './search-request.js';
export * from './date-histogram.js';
export { compileMatch, metaToken } from './sqlite-fts/fts-match-compiler.js';
export { SqliteFtsIndex, type SqliteFtsIndexOptions } from './sqlite-fts/sqlite-fts.adapter.js';
export { MeiliSearchIndex, type MeiliSearchIndexOptions } from './meilisearch/meilisearch.adapter.js';
export { meiliSettings, MEILI_SETTINGS_VERSION } from './meilisearch/meili-settings.js';
export { translateQuery, requestFilter, filterString, type MeiliAlternative } from './meilisearch/meili-query.js';
export { MeiliTaskFailedError } from './meilisearch/meili-tasks.js';
