import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { AppProviders } from '../app/app-providers.js';
import { appRoutes } from '../app/app-routes.js';
import { createQueryClient } from '../app/query-client.js';

// React's act() warns unless the environment declares itself a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders the whole app (real routes, providers, query client) at a URL, in jsdom. */
export async function renderApp(url: string) {
  const container = document.createElement('div');
  document.body.append(container);
  const router = createMemoryRouter(appRoutes, { initialEntries: [url] });
  const client = createQueryClient();
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(
      <AppProviders client={client}>
        <RouterProvider router={router} />
      </AppProviders>,
    );
  });
  return {
    container,
    router,
    unmount: async () => {
      await act(async () => root?.unmount());
      client.clear();
      container.remove();
    },
  };
}

/** Waits until `find` returns something, letting React and the network run in between. */
export async function waitFor<T>(find: () => T | null | undefined | false, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > end) throw new Error('waitFor: condition not met in time');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}

/** Sets an input's value the way a user's typing does, so React's onChange fires. */
export function typeInto(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

export function byText<T extends Element>(root: ParentNode, selector: string, text: string | RegExp): T | undefined {
  return [...root.querySelectorAll<T>(selector)].find((e) => (typeof text === 'string' ? e.textContent?.includes(text) : text.test(e.textContent ?? '')));
}
