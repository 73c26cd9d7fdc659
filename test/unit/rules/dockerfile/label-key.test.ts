import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const label = (pairs: string) => `FROM debian:12\nLABEL ${pairs}\n`;

describe('dockerfile/label-key', () => {
  checkCases(
    'dockerfile/label-key',
    '/repo/Dockerfile',
    [
      {
        name: 'reserved namespace',
        text: label('com.docker.extension="x"'),
        want: [{ at: '2:7-2:27', token: 'com.docker.extension' }],
      },
      { name: 'upper case', text: label('Maintainer="me"'), want: ['Maintainer'] },
      { name: 'doubled separator', text: label('org..acme="x" org--acme="y"'), want: ['org..acme', 'org--acme'] },
      { name: 'starts with a digit or dot', text: label('1team="x" .team="y"'), want: ['1team', '.team'] },
      { name: 'ends with a separator', text: label('team.="x"'), want: ['team.'] },
      {
        name: 'OCI keys and plain names',
        text: label('org.opencontainers.image.source="https://x" maintainer="me" version=1'),
        want: [],
      },
      { name: 'legacy form', text: 'FROM debian:12\nLABEL description a web app\n', want: [] },
      { name: 'quoted key', text: label('"org.acme.team"="x"'), want: [] },
      { name: 'variable key', text: label('${PREFIX}.team="x"'), want: [] },
    ],
    test,
  );
});
