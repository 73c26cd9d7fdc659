import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const steps = (body: string, env = '') =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n${env}    steps:\n${body}`;

describe('github-actions/secret-in-run', () => {
  checkCases(
    'github-actions/secret-in-run',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'secret interpolated into run',
        text: steps('      - run: curl -u "me:${{ secrets.API_TOKEN }}" https://x\n'),
        want: [{ at: '6:30-6:47', token: 'secrets.API_TOKEN' }],
      },
      {
        name: 'echo of a secret env var',
        text: steps(
          '      - env:\n          TOKEN: ${{ secrets.TOKEN }}\n        run: |\n          echo "token is $TOKEN"\n',
        ),
        want: ['$TOKEN'],
      },
      {
        name: 'echo of a job-level secret env var, braces',
        text: steps('      - run: printf "%s" ${TOKEN}\n', '    env:\n      TOKEN: ${{ secrets.TOKEN }}\n'),
        want: ['${TOKEN}'],
      },
      {
        name: 'piped into a command is the safe idiom',
        text: steps(
          '      - env:\n          PW: ${{ secrets.PW }}\n        run: echo "$PW" | docker login -u me --password-stdin\n',
        ),
        want: [],
      },
      {
        name: 'passed through env and used',
        text: steps(
          '      - env:\n          TOKEN: ${{ secrets.TOKEN }}\n        run: curl -H "Authorization: $TOKEN" https://x\n',
        ),
        want: [],
      },
      {
        name: 'secret as an action input',
        text: steps('      - uses: foo/bar@v1\n        with:\n          token: ${{ secrets.TOKEN }}\n'),
        want: [],
      },
    ],
    test,
  );
});
