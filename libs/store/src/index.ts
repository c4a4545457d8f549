export * from './alert.repository.js';
export * from './database.js';
export * from './entity.repository.js';
export * from './item.repository.js';
export * from './migrations.js';
export * from './outbox.repository.js';
export * from './source.repository.js';
export * from './store.js';
