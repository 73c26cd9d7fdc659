import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentSecurityPolicy, embeddedJson, healthHtml } from '../../../client/src/pipelines/core/health/page-html';
import { successTrend, type HealthPage } from '../../../client/src/pipelines/core/health/page-model';
import type { RunPoint } from '../../../client/src/pipelines/core/health/figures';

const point = (number: number, state: RunPoint['state']): RunPoint => ({
  number,
  state,
  createdAt: `2026-05-0${number}T10:00:00Z`,
  webUrl: `https://example/${number}`,
});

describe('health page', () => {
  test('the success-rate trend rolls over the last decided runs; cancelled runs are not points', () => {
    const trend = successTrend(
      [point(1, 'success'), point(2, 'failure'), point(3, 'cancelled'), point(4, 'success')],
      2,
    );
    assert.deepEqual(
      trend.map((each) => [each.number, each.rate]),
      [
        [1, 1],
        [2, 0.5],
        [4, 0.5],
      ],
    );
  });

  test('strict CSP: nothing but our nonce’d script and style, no network', () => {
    const csp = contentSecurityPolicy({
      nonce: 'abc',
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      scriptUri: '',
    });
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc'(;|$)/);
    assert.match(csp, /style-src 'nonce-abc'(;|$)/);
    assert.match(csp, /connect-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  test('names from the repository cannot break out of the embedded data or the title', () => {
    const page: HealthPage = { repository: 'h/<b>evil</b>', window: 30, sections: [] };
    const html = healthHtml(page, {
      nonce: 'n0nce',
      cspSource: 'vscode-resource:',
      scriptUri: 'vscode-resource:/dist/health-view.js',
    });
    assert.ok(!html.includes('<b>evil'), html);
    assert.equal(embeddedJson({ name: '</script><script>alert(1)</script>' }).includes('</script>'), false);
    assert.deepEqual(JSON.parse(embeddedJson({ name: '</script>\u2028' })), { name: '</script>\u2028' });
    // Every script and style element carries the nonce; no resource comes from the network.
    assert.equal((html.match(/<script /g) ?? []).length, (html.match(/<script [^>]*nonce="n0nce"/g) ?? []).length);
    assert.match(html, /<style nonce="n0nce">/);
    assert.doesNotMatch(html, /(src|href)="https?:/);
  });
});
