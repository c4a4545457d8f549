// Enter in the search box → results on screen, measured inside the page: shared by the 100k browser test
// and `npm run bench` (bench/dashboard.bench.mjs), which is plain JavaScript, hence this file's language.
/* global document, location, MutationObserver, requestAnimationFrame -- in the function run in the page */

/**
 * Types `q` into the search box, presses Enter and resolves with the milliseconds from the Enter keydown to
 * the first animation frame in which the results section has been busy and is no longer, with the URL
 * carrying the new query. Rejects after `timeoutMs`.
 * @param {import('playwright-core').Page} page
 * @param {string} q
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<number>}
 */
export async function enterToResults(page, q, { timeoutMs = 30_000 } = {}) {
  const box = page.getByRole('searchbox', { name: 'Query' });
  await box.fill(q);
  const measuring = page.evaluate(
    (query) =>
      new Promise((resolve) => {
        let pressed = 0;
        let wasBusy = false;
        document.addEventListener('keydown', (e) => e.key === 'Enter' && (pressed = performance.now()), { once: true, capture: true });
        const section = document.querySelector('section.results');
        // An observer sees every change of aria-busy, even one that begins and ends within a frame.
        new MutationObserver((records) => {
          wasBusy ||= records.some((r) => r.oldValue === 'true' || section?.getAttribute('aria-busy') === 'true');
        }).observe(section ?? document.body, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true });
        const tick = () => {
          const busy = section?.getAttribute('aria-busy') === 'true';
          if (pressed && wasBusy && !busy && new URLSearchParams(location.search).get('q') === query) resolve(performance.now() - pressed);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    q,
  );
  await box.press('Enter');
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      // What the page showed, so that a rare timeout says which condition never held.
      page
        .evaluate(() => ({
          url: location.pathname + location.search,
          box: document.querySelector('input[type="search"]')?.value ?? null,
          busy: document.querySelector('section.results')?.getAttribute('aria-busy') ?? null,
          heading: document.getElementById('results-title')?.textContent ?? null,
        }))
        .catch((err) => ({ unreadable: String(err) }))
        .then((state) => reject(new Error(`no results on screen for ${q} after ${timeoutMs} ms; the page: ${JSON.stringify(state)}`)));
    }, timeoutMs);
  });
  try {
    return await Promise.race([measuring, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
