import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const df = (...lines: string[]) => `FROM debian:12\n${lines.join('\n')}\n`;

describe('dockerfile/extract-with-add', () => {
  checkCases(
    'dockerfile/extract-with-add',
    '/repo/Dockerfile',
    [
      {
        name: 'copied then extracted',
        text: df('COPY dist/app.tar.gz /tmp/', 'RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz'),
        want: [{ at: '2:6-2:21', token: 'dist/app.tar.gz' }],
      },
      {
        name: 'renamed by the destination',
        text: df('COPY build/app-1.2.tar.xz /tmp/app.txz', 'RUN tar xJf /tmp/app.txz -C /opt'),
        want: ['/tmp/app.txz'],
      },
      {
        name: 'relative name after WORKDIR',
        text: df('COPY app.tar /srv/', 'WORKDIR /srv', 'RUN make && tar --extract --file app.tar'),
        want: ['app.tar'],
      },
      { name: 'not extracted', text: df('COPY app.tar.gz /srv/', 'RUN ls /srv'), want: [] },
      {
        name: 'tar creates, not extracts',
        text: df('COPY app.tar /srv/', 'RUN tar -cf /out.tar /srv/app.tar'),
        want: [],
      },
      { name: 'another archive extracted', text: df('COPY a.tar.gz /srv/', 'RUN tar -xzf /srv/b.tar.gz'), want: [] },
      {
        name: 'from another stage (ADD would not unpack it)',
        text: df('COPY --from=build /out/app.tar /tmp/', 'RUN tar -xf /tmp/app.tar'),
        want: [],
      },
      { name: 'zip (ADD does not unpack zip)', text: df('COPY app.zip /tmp/', 'RUN unzip /tmp/app.zip'), want: [] },
      {
        name: 'extracted in a later stage',
        text: df('COPY app.tar /tmp/', 'FROM debian:12', 'RUN tar -xf /tmp/app.tar'),
        want: [],
      },
      { name: 'ADD already', text: df('ADD app.tar.gz /opt/', 'RUN ls /opt'), want: [] },
    ],
    test,
  );
});
