import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkCases, lint } from '../../../helpers/lint';

const steps = (body: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${body}`;

describe('github-actions/outdated-action', () => {
  checkCases(
    'github-actions/outdated-action',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'checkout v3',
        text: steps('      - uses: actions/checkout@v3\n'),
        want: [{ at: '6:32-6:34', token: 'v3' }],
      },
      {
        name: 'full version and sub-action',
        text: steps('      - uses: actions/upload-artifact@v3.1.2\n      - uses: actions/cache/restore@v3\n'),
        want: ['v3.1.2', 'v3'],
      },
      { name: 'setup-python v4 is deprecated', text: steps('      - uses: actions/setup-python@v4\n'), want: ['v4'] },
      {
        name: 'current majors',
        text: steps(
          '      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n      - uses: actions/cache@v4.2.0\n',
        ),
        want: [],
      },
      {
        name: 'SHA, branch and unknown action',
        text: steps(
          '      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11\n      - uses: actions/checkout@main\n      - uses: someone/checkout@v1\n',
        ),
        want: [],
      },
      {
        name: 'actions/cache@v3 floating works with the cache service but runs on Node 16; a pinned v3 before 3.4 and v4 before 4.2 fail',
        text: steps(
          '      - uses: actions/cache@v3\n      - uses: actions/cache@v3.3.3\n      - uses: actions/cache@v4.1.2\n      - uses: actions/cache@v4\n      - uses: actions/cache@v3.4.0\n',
        ),
        want: ['v3', 'v3.3.3', 'v4.1.2', 'v3.4.0'],
      },
      {
        name: 'a major with nothing known against it',
        text: steps('      - uses: peaceiris/actions-gh-pages@v2\n      - uses: actions/checkout@v5\n'),
        want: [],
      },
    ],
    test,
  );

  test('messages say what is actually deprecated', () => {
    const text = steps(
      [
        'actions/cache@v3',
        'actions/cache@v3.3.3',
        'actions/cache@v4.0.2',
        'actions/upload-artifact@v3',
        'actions/setup-go@v4',
        'actions/checkout@v2',
      ]
        .map((uses) => `      - uses: ${uses}\n`)
        .join(''),
    );
    const messages = lint('/repo/.github/workflows/ci.yml', text)
      .filter((f) => f.ruleId === 'github-actions/outdated-action')
      .map((f) => f.message);
    assert.equal(messages.length, 6);
    const [cacheV3, cachePinned, cacheV4, artifact, setupGo, checkout] = messages;
    assert.match(cacheV3, /runs on Node 16/);
    assert.doesNotMatch(cacheV3, /cache service/);
    assert.match(cachePinned, /legacy cache service, which GitHub shut down in February 2025, so the step fails/);
    assert.match(cachePinned, /Node 16/);
    assert.match(cacheV4, /legacy cache service/);
    assert.doesNotMatch(cacheV4, /Node/);
    assert.match(artifact, /artifact actions are deprecated on github\.com/);
    assert.match(setupGo, /Node 16/);
    assert.doesNotMatch(setupGo, /toolchain/);
    assert.match(checkout, /Node 12/);
  });
});
