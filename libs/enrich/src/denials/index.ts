export type { DenialCandidate, DenialLink, DenialLinkOptions, StorySummary } from './denial.js';
export { denialCoverage, denialIssuers } from './denial-coverage.js';
export type { CoverageBucket, CoverageItem, DenialCoverage, DenialCoverageOptions, OutletCoverage } from './denial-coverage.js';
export { linkDenial } from './link-denial.js';
export { findOutletMentions, outletKey } from './outlet-mentions.js';
export type { OutletMention } from './outlet-mentions.js';
export { denialPassage } from './denial-passage.js';
export type { DenialPassage, DenialPassageOptions } from './denial-passage.js';
