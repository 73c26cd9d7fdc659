import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const job = (body: string) =>
  `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n${body}    steps:\n      - run: make\n`;

describe('github-actions/hardcoded-credentials', () => {
  checkCases(
    'github-actions/hardcoded-credentials',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'a password in the job container',
        text: job(
          '    container:\n      image: ghcr.io/o/i\n      credentials:\n        username: me\n        password: hunter2\n',
        ),
        want: [{ at: '9:19-9:26', token: 'hunter2' }],
      },
      {
        name: 'a password shared by two services through an anchor',
        text: job(
          '    services:\n      db:\n        image: postgres\n        credentials: &login\n          username: me\n          password: s3cret\n      cache:\n        image: redis\n        credentials: *login\n',
        ),
        want: ['s3cret', 's3cret'],
      },
      {
        name: 'passwords from secrets or inputs',
        text: job(
          '    container:\n      image: ghcr.io/o/i\n      credentials:\n        username: ${{ github.actor }}\n        password: ${{ secrets.GITHUB_TOKEN }}\n    services:\n      db:\n        image: postgres\n        env:\n          POSTGRES_PASSWORD: postgres\n',
        ),
        want: [],
      },
    ],
    test,
  );
});
