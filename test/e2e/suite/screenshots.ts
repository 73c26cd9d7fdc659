/**
 * Screenshots for the README, taken by the runner (Playwright) when a test has put the workbench in
 * the state worth showing. The runner waits until `selector` (`webview:…` inside a webview) is visible, so what is pictured is
 * what the test just produced; `hover` names an element the mouse should rest on first. Without a runner that takes pictures (desktop VS Code) this is a no-op.
 */
export async function screenshot(name: string, selector: string, options: { hover?: string } = {}): Promise<void> {
  const control = process.env.SHIPSHAPE_E2E_CONTROL_URL;
  if (!control) return;
  const query = new URLSearchParams({ name, selector, ...(options.hover ? { hover: options.hover } : {}) });
  const url = `${control}/screenshot?${query}`;
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) throw new Error(`screenshot ${name} failed: ${response.status} ${await response.text()}`);
}

/** Whether the runner can see the workbench (code-server in Chromium): waits and pictures work. */
export function canSeeWorkbench(): boolean {
  return Boolean(process.env.SHIPSHAPE_E2E_CONTROL_URL);
}

/** Resolve when `selector` is visible in the workbench (the runner waits with Playwright). */
export async function waitForVisible(selector: string): Promise<void> {
  const control = process.env.SHIPSHAPE_E2E_CONTROL_URL;
  if (!control) throw new Error('waiting on the workbench needs the code-server runner');
  const response = await fetch(`${control}/wait?${new URLSearchParams({ selector })}`, { method: 'POST' });
  if (!response.ok) throw new Error(`${selector} did not become visible: ${await response.text()}`);
}

/**
 * Presses `key` once `selector` is visible in the workbench (through the runner's Playwright), as a
 * user answering a prompt would. Returns false without a runner that can (desktop VS Code).
 */
export async function pressWhenVisible(selector: string, key = 'Enter'): Promise<boolean> {
  const control = process.env.SHIPSHAPE_E2E_CONTROL_URL;
  if (!control) return false;
  const response = await fetch(`${control}/press?${new URLSearchParams({ selector, key })}`, { method: 'POST' });
  if (!response.ok)
    throw new Error(`pressing ${key} on ${selector} failed: ${response.status} ${await response.text()}`);
  return true;
}

/**
 * The text of the element `selector` once it is visible, read by the runner's Playwright. With a
 * `webview:` prefix the selector applies inside the newest webview's page.
 */
export async function visibleText(selector: string): Promise<string> {
  const control = process.env.SHIPSHAPE_E2E_CONTROL_URL;
  if (!control) throw new Error('reading the workbench needs the code-server runner');
  const response = await fetch(`${control}/text?${new URLSearchParams({ selector })}`, { method: 'POST' });
  if (!response.ok) throw new Error(`${selector} did not become visible: ${await response.text()}`);
  return response.text();
}
