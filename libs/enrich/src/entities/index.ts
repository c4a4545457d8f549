export { EntityTagger } from './entity-tagger.js';
export type { EntityTaggerOptions } from './entity-tagger.js';
export { builtInEntities } from './gazetteer.js';
export type { CustomEntity, GazetteerEntity } from './entity.js';
