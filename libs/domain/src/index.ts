export * from './errors.js';
export * from './feed.js';
export * from './item.js';
export * from './search.js';
export * from './source.js';
export * from './alert.js';
export * from './story.js';
export * from './span-cache.js';
