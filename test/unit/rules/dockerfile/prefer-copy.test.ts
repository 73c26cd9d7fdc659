import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/prefer-copy', () => {
  checkCases(
    'dockerfile/prefer-copy',
    '/repo/Dockerfile',
    [
      {
        name: 'ADD local files',
        text: 'FROM alpine:3.20\nADD app.py /app/\n',
        want: [{ at: '2:1-2:4', token: 'ADD' }],
      },
      { name: 'ADD with flags', text: 'FROM alpine:3.20\nADD --chown=app:app . /app\n', want: ['ADD'] },
      { name: 'URL', text: 'FROM alpine:3.20\nADD https://example.com/a.txt /a.txt\n', want: [] },
      { name: 'tar archive to unpack', text: 'FROM alpine:3.20\nADD rootfs.tar.gz /\n', want: [] },
      {
        name: 'compressed files ADD may unpack (tar is found by content, not by name)',
        text: 'FROM alpine:3.20\nADD rootfs.gz /\nADD data.bz2 /srv/\nADD layer.xz /\nADD "base.tgz" /\n',
        want: [],
      },
      { name: 'quoted URL', text: 'FROM alpine:3.20\nADD "https://example.com/a.txt" /a.txt\n', want: [] },
      { name: 'a zip is not unpacked by ADD', text: 'FROM alpine:3.20\nADD site.zip /srv/\n', want: ['ADD'] },
      { name: 'git repository', text: 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n', want: [] },
      { name: 'COPY', text: 'FROM alpine:3.20\nCOPY app.py /app/\n', want: [] },
    ],
    test,
  );
});
