import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const push = (filters: string) =>
  `on:\n  push:\n${filters}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`;

describe('github-actions/filter-pattern', () => {
  checkCases(
    'github-actions/filter-pattern',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'usual branch, tag and path patterns',
        text: push(
          "    branches: [main, 'releases/**', 'feature-*', '!releases/**-alpha']\n    tags: ['v[0-9]+.[0-9]+.[0-9]+', 'v*', 'v1.?']\n    paths: ['**.md', 'docs/**', '!src/**/*.test.ts', 'foo\\\\bar', 'a[bc]d']\n",
        ),
        want: [],
      },
      {
        name: 'regular expression syntax in a tag filter',
        text: push("    tags:\n      - '^v\\d+'\n"),
        want: [
          { at: '4:10-4:11', token: '^' },
          { at: '4:12-4:13', token: '\\' },
        ],
      },
      {
        name: 'a repeat after a special character',
        text: push("    tags: ['v*+']\n"),
        want: [{ at: '3:15-3:16', token: '+' }],
      },
      {
        name: 'unclosed class, reversed range, one-character class, empty class',
        text: push("    branches: ['v[0-', 'v[9-1]', 'x[y]', 'a[]']\n"),
        want: ['[', '1', '[', ']'],
      },
      {
        name: 'a lone negation',
        text: push("    paths: ['!']\n"),
        want: ['!'],
      },
      {
        name: 'ref names cannot start or end with a slash, nor contain spaces',
        text: push("    branches: ['/main', 'release/', 'my branch']\n"),
        want: ['/', '/', ' '],
      },
      {
        name: 'paths with dot segments or surrounding spaces',
        text: push("    paths-ignore: ['./src/**', 'docs/../x', ' README.md']\n"),
        want: ["'./src/**'", "'docs/../x'", "' README.md'"],
      },
      {
        name: 'image_version names and versions, and a runner snapshot version',
        text: "on:\n  image_version:\n    names: ['!']\n    versions: ['v[0-']\njobs:\n  a:\n    runs-on: ubuntu-latest\n    snapshot:\n      image-name: img\n      version: '2.[0-'\n    steps:\n      - run: make\n",
        want: ['!', '[', '['],
      },
      {
        name: 'a paths key that is not an event filter is not a pattern',
        text: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: ./node_modules\n',
        want: [],
      },
    ],
    test,
  );
});
