export * from './denial-linker.js';
export * from './retag-job.js';
export * from './story-assigner.js';
export * from './story-terms.js';
export * from './narrative-terms.js';
export * from './story-title.js';
