// A tiny HTTP endpoint on 127.0.0.1 through which the tests (in the extension host) ask the runner
// for things only the browser side can do: screenshots of the workbench (see suite/screenshots.ts).
import { createServer } from 'node:http';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup } from './processes.mjs';

/** Resolves with the URL to hand to the tests; `page()` gives the workbench page once it exists. */
export function startControlServer({ page, screenshotDir, log }) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Wait until an element is visible (a quick pick the test opened, for instance), no picture taken.
    if (request.method === 'POST' && url.pathname === '/wait') {
      const selector = url.searchParams.get('selector') ?? 'body';
      Promise.resolve(page())
        .then((current) => locate(current, selector).waitFor({ state: 'visible', timeout: 15_000 }))
        .then(
          () => response.writeHead(200).end('visible'),
          (error) => response.writeHead(500).end(String(error?.message ?? error)),
        );
      return;
    }
    // The text of an element once visible (a webview's content, which the extension host cannot read).
    if (request.method === 'POST' && url.pathname === '/text') {
      const selector = url.searchParams.get('selector') ?? 'body';
      Promise.resolve(page())
        .then(async (current) => {
          const target = locate(current, selector);
          await target.waitFor({ state: 'visible', timeout: 15_000 });
          return target.innerText();
        })
        .then(
          (text) => response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text),
          (error) => response.writeHead(500).end(String(error?.message ?? error)),
        );
      return;
    }
    if (request.method === 'POST' && url.pathname === '/press') {
      // Answers a prompt as a user would: wait until it shows, then press a key (Enter takes the default).
      const selector = url.searchParams.get('selector') ?? '';
      const key = url.searchParams.get('key') ?? 'Enter';
      press(page(), selector, key).then(
        () => response.writeHead(200).end('ok'),
        (error) => response.writeHead(500).end(String(error?.message ?? error)),
      );
      return;
    }
    if (request.method !== 'POST' || url.pathname !== '/screenshot') {
      response.writeHead(404).end('unknown request');
      return;
    }
    const name = url.searchParams.get('name') ?? '';
    const selector = url.searchParams.get('selector') ?? 'body';
    const hover = url.searchParams.get('hover') ?? undefined;
    takeScreenshot(page(), screenshotDir, name, selector, hover).then(
      (path) => {
        log(`screenshot ${path}`);
        response.writeHead(200).end(path);
      },
      (error) => response.writeHead(500).end(String(error?.message ?? error)),
    );
  });
  onCleanup(() => new Promise((resolve) => server.close(() => resolve(undefined))));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

/**
 * Wait until the state the test produced is on screen, then write the PNG (atomically, by rename).
 * With `hover`, the mouse first rests on that element, as a user's would to read a squiggle.
 */
async function takeScreenshot(page, dir, name, selector, hover) {
  if (!page) throw new Error('the workbench page is not open');
  if (!/^[\w-]+$/.test(name)) throw new Error(`bad screenshot name: ${name}`);
  // force: decorations such as squiggles lie under the text layer, which would "intercept" the pointer.
  if (hover) await page.locator(hover).first().hover({ timeout: 15_000, force: true });
  await locate(page, selector).waitFor({ state: 'visible', timeout: 15_000 });
  const partial = join(dir, `${name}.partial.png`);
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path: partial, animations: 'disabled', caret: 'hide' });
  renameSync(partial, path);
  return path;
}

async function press(page, selector, key) {
  if (!page) throw new Error('the workbench page is not open');
  const target = locate(page, selector);
  await target.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press(key);
}

const IN_WEBVIEW = 'webview:';

/**
 * `webview:<selector>` looks inside the newest webview's content: VS Code nests it in two iframes,
 * the webview host (`iframe.webview.ready`) and the page itself (`#active-frame`).
 */
function locate(page, selector) {
  if (!selector.startsWith(IN_WEBVIEW)) return page.locator(selector).first();
  return page
    .locator('iframe.webview.ready')
    .last()
    .contentFrame()
    .locator('iframe#active-frame')
    .contentFrame()
    .locator(selector.slice(IN_WEBVIEW.length))
    .first();
}
