export * from './fetch/fetch.types.js';
export { decodeDocument, charsetParameter } from './decode/decode-document.js';
export type { DecodedDocument, DocumentKind } from './decode/decode-document.js';
export { encodingForLabel } from './decode/charset-label.js';
export * from './dedup/index.js';
