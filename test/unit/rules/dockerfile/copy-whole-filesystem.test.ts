import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const stages = (copy: string, base = 'alpine:3.20') => `FROM alpine:3.20 AS build\nFROM ${base}\n${copy}\n`;

describe('dockerfile/copy-whole-filesystem', () => {
  checkCases(
    'dockerfile/copy-whole-filesystem',
    '/repo/Dockerfile',
    [
      { name: 'root onto root', text: stages('COPY --from=build / /'), want: [{ at: '3:19-3:20', token: '/' }] },
      { name: 'quoted', text: stages('COPY --from=build "/" "/"'), want: ['"/"'] },
      { name: 'from an image', text: stages('COPY --from=busybox:1.36 / /'), want: ['/'] },
      { name: 'onto scratch (squash)', text: stages('COPY --from=build / /', 'scratch'), want: [] },
      { name: 'context root', text: stages('COPY / /'), want: [] },
      { name: 'a folder', text: stages('COPY --from=build /usr/local /'), want: [] },
      { name: 'into a folder', text: stages('COPY --from=build / /rootfs/'), want: [] },
    ],
    test,
  );
});
