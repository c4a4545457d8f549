export { detectStance } from './stance-detector.js';
export type { Stance, StanceOptions } from './stance-detector.js';
