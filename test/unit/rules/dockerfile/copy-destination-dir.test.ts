import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/copy-destination-dir', () => {
  checkCases(
    'dockerfile/copy-destination-dir',
    '/repo/Dockerfile',
    [
      {
        name: 'two sources to a file',
        text: 'FROM debian:12\nCOPY a.so b.so lib\n',
        want: [{ at: '2:16-2:19', token: 'lib' }],
      },
      { name: 'ADD too', text: 'FROM debian:12\nADD a.so b.so /opt/lib\n', want: ['/opt/lib'] },
      { name: 'JSON form', text: 'FROM debian:12\nCOPY ["a.so", "b.so", "/opt/lib"]\n', want: ['"/opt/lib"'] },
      { name: 'one source', text: 'FROM debian:12\nCOPY a.so /opt/lib\n', want: [] },
      { name: 'folder destination', text: 'FROM debian:12\nCOPY a.so b.so /opt/lib/\n', want: [] },
      { name: 'quoted folder', text: 'FROM debian:12\nCOPY a.so b.so "/opt/lib/"\n', want: [] },
      { name: 'variable destination', text: 'FROM debian:12\nCOPY a.so b.so $LIB_DIR\n', want: [] },
      { name: 'glob and flags', text: 'FROM debian:12\nCOPY --chown=app *.so /opt/lib\n', want: [] },
      { name: 'heredoc', text: 'FROM debian:12\nCOPY <<EOF /etc/motd\nhello\nEOF\n', want: [] },
    ],
    test,
  );
});
