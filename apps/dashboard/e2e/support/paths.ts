import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of every test land here (gitignored), for CI to keep as artifacts. */
export const ARTIFACTS = path.join(REPO, 'apps/dashboard/e2e/artifacts');
