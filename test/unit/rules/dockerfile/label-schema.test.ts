import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const schema = (labels: Record<string, string>, strict = false) => ({
  settings: { 'dockerfile/label-schema': { options: { labels, strict } } },
});
const oci = schema({
  'org.opencontainers.image.source': 'url',
  'org.opencontainers.image.revision': 'hash',
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.version': 'semver',
  'org.opencontainers.image.licenses': 'spdx',
  'org.opencontainers.image.authors': 'email',
});
const allGood =
  'LABEL org.opencontainers.image.source="https://example.org/app" \\\n' +
  '      org.opencontainers.image.revision="4f2a9c1" \\\n' +
  '      org.opencontainers.image.created="2024-05-01T12:00:00Z" \\\n' +
  '      org.opencontainers.image.version="1.4.0-rc.1" \\\n' +
  '      org.opencontainers.image.licenses="Apache-2.0 OR MIT" \\\n' +
  '      org.opencontainers.image.authors="team@example.org"';

describe('dockerfile/label-schema', () => {
  checkCases(
    'dockerfile/label-schema',
    '/repo/Dockerfile',
    [
      { name: 'no schema: nothing checked', text: 'FROM debian:12\nLABEL x=""\n', want: [] },
      { name: 'every label right', text: `FROM debian:12\n${allGood}\n`, want: [], options: oci },
      {
        name: 'missing label on the image',
        text: 'FROM debian:12\nLABEL team=x\n',
        want: [{ at: '1:1-1:5', token: 'FROM' }],
        options: schema({ team: 'text', owner: 'email' }),
      },
      {
        name: 'label inherited from the stage built on',
        text: 'FROM debian:12 AS base\nLABEL team=x\nFROM base\nRUN true\n',
        want: [],
        options: schema({ team: 'text' }),
      },
      {
        name: 'a stage copied from is not an image of its own',
        text: 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build /out /out\nLABEL team=x\n',
        want: [],
        options: schema({ team: 'text' }),
      },
      {
        name: 'two images, one without the label',
        text: 'FROM debian:12 AS one\nLABEL team=x\nFROM debian:12 AS two\nRUN true\n',
        want: [{ at: '3:1-3:5', token: 'FROM' }],
        options: schema({ team: 'text' }),
      },
      {
        name: 'empty value',
        text: 'FROM debian:12\nLABEL team=""\n',
        want: ['team'],
        options: schema({ team: 'text' }),
      },
      {
        name: 'bad formats',
        text: 'FROM debian:12\nLABEL src="example.org" rev="HEAD" at="yesterday" v="v1" lic="Apache 2" mail="me at x"\n',
        want: ['"example.org"', '"HEAD"', '"yesterday"', '"v1"', '"Apache 2"', '"me at x"'],
        options: schema({ src: 'url', rev: 'hash', at: 'rfc3339', v: 'semver', lic: 'spdx', mail: 'email' }),
      },
      {
        name: 'values from build arguments',
        text: 'FROM debian:12\nARG REVISION\nLABEL rev=$REVISION\n',
        want: [],
        options: schema({ rev: 'hash' }),
      },
      {
        name: 'strict: labels outside the schema',
        text: 'FROM debian:12\nLABEL team=x extra=y\n',
        want: ['extra'],
        options: schema({ team: 'text' }, true),
      },
      {
        name: 'not strict: other labels are fine',
        text: 'FROM debian:12\nLABEL team=x extra=y\n',
        want: [],
        options: schema({ team: 'text' }),
      },
    ],
    test,
  );
});
