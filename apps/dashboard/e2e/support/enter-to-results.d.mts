import type { Page } from 'playwright-core';

/** See enter-to-results.mjs. */
export function enterToResults(page: Page, q: string, options?: { timeoutMs?: number }): Promise<number>;
