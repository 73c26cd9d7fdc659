/**
 * The HTML shell of the Pipeline Health webview: a strict Content-Security-Policy (nothing but our
 * own bundled script, by nonce, and our stylesheet rules by nonce), no network resources, and the
 * first data embedded as JSON so that the page draws without waiting for a message.
 */
import type { HealthPage } from './page-model';

export interface PageResources {
  nonce: string;
  /** The webview's `cspSource` (where local resources are served from). */
  cspSource: string;
  scriptUri: string;
}

/** JSON that cannot end the script element it sits in. */
export function embeddedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function contentSecurityPolicy({ nonce, cspSource }: PageResources): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "form-action 'none'",
  ].join('; ');
}

const STYLE = `
  body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 1rem 2rem; }
  h1 { font-size: 1.3em; } h2 { font-size: 1.15em; margin-top: 2rem; } .subtitle { color: var(--vscode-descriptionForeground); }
  dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .5rem 1rem; }
  dl.figures div { border: 1px solid var(--vscode-panel-border, transparent); padding: .4rem .6rem; }
  dl.figures dt { color: var(--vscode-descriptionForeground); } dl.figures dd { margin: 0; font-size: 1.3em; font-weight: 600; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
  .chart { position: relative; height: 14rem; } canvas:focus { outline: 1px solid var(--vscode-focusBorder); }
  table { border-collapse: collapse; margin: .5rem 0; } th, td { text-align: left; padding: .15rem .8rem .15rem 0; }
  th { color: var(--vscode-descriptionForeground); font-weight: normal; }
  a { color: var(--vscode-textLink-foreground); } a:focus, summary:focus { outline: 1px solid var(--vscode-focusBorder); }
  .definitions { color: var(--vscode-descriptionForeground); }
`;

export function healthHtml(page: HealthPage, resources: PageResources): string {
  const title = `Pipeline Health: ${page.repository}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(resources)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${resources.nonce}">${STYLE}</style>
</head>
<body>
<h1 id="title">${escapeHtml(title)}</h1>
<main id="health" aria-live="polite"></main>
<script type="application/json" id="health-data" nonce="${resources.nonce}">${embeddedJson(page)}</script>
<script nonce="${resources.nonce}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>`;
}
