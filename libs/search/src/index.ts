export * from './search-index.port.js';
export * from './search-request.js';
export * from './date-histogram.js';
export { compileMatch, metaToken } from './sqlite-fts/fts-match-compiler.js';
export { SqliteFtsIndex, type SqliteFtsIndexOptions } from './sqlite-fts/sqlite-fts.adapter.js';
