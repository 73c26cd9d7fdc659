import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/pipefail', () => {
  checkCases(
    'dockerfile/pipefail',
    '/repo/Dockerfile',
    [
      {
        name: 'pipe without pipefail',
        text: 'FROM debian:12\nRUN curl -fsSL https://x.example/k | gpg --dearmor > /k.gpg\n',
        want: [{ at: '2:36-2:37', token: '|' }],
      },
      {
        name: 'set -o pipefail first',
        text: 'FROM debian:12\nRUN set -o pipefail && curl -fsSL https://x.example/k | gpg --dearmor > /k.gpg\n',
        want: [],
      },
      {
        name: 'set -euxo pipefail first',
        text: 'FROM debian:12\nRUN set -euxo pipefail; wget -qO- https://x.example | tar xz\n',
        want: [],
      },
      {
        name: 'set after the pipe does not count',
        text: 'FROM debian:12\nRUN wget -qO- https://x.example | tar xz; set -o pipefail\n',
        want: ['|'],
      },
      {
        name: 'SHELL with pipefail',
        text: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://x.example | tar xz\n',
        want: [],
      },
      {
        name: 'ash -eo pipefail',
        text: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://x.example | tar xz\n',
        want: [],
      },
      {
        name: 'SHELL inherited from a parent stage',
        text: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN wget -qO- https://x.example | tar xz\n',
        want: [],
      },
      {
        name: 'SHELL of another stage does not count',
        text: 'FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN wget -qO- https://x.example | tar xz\n',
        want: ['|'],
      },
      { name: 'logical or is not a pipe', text: 'FROM debian:12\nRUN test -f /x || exit 1\n', want: [] },
      { name: 'pipe in a quoted string', text: 'FROM debian:12\nRUN echo "a | b"\n', want: [] },
      { name: 'pipe in a heredoc data body', text: 'FROM debian:12\nRUN cat <<EOF > /x.sh\na | b\nEOF\n', want: [] },
      {
        name: 'pipe in a heredoc script',
        text: 'FROM debian:12\nRUN <<EOF\nls | wc -l\nEOF\n',
        want: [{ at: '3:4-3:5', token: '|' }],
      },
      {
        name: 'pwsh shell',
        text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n',
        want: [],
      },
      {
        name: 'SHELL with pipefail in a bundle with capitals',
        text: 'FROM debian:12\nSHELL ["/bin/bash", "-Eeuo", "pipefail", "-c"]\nRUN curl -fsSL https://x | tar -xz\n',
        want: [],
      },
      {
        name: 'echo into sha256sum: echo cannot fail (docker-library)',
        text: 'FROM debian:12\nRUN set -eux; curl -fsSL -o php.tar.xz "$PHP_URL"; echo "$PHP_SHA256 *php.tar.xz" | sha256sum -c -\n',
        want: [],
      },
      {
        name: 'printf, true, yes and cat of a heredoc cannot fail either',
        text: "FROM debian:12\nRUN printf '%s\\n' \"$KEY\" | gpg --import; true | cat; yes | apt-get install x; cat <<'EOF' | sha256sum -c -\nabc  file\nEOF\n",
        want: [],
      },
      {
        name: 'echo of a substitution: its status is lost with or without pipefail',
        text: 'FROM debian:12\nRUN echo "$(cat /etc/os-release)" | grep -q bookworm\n',
        want: [],
      },
      {
        name: 'the middle of a pipe can fail even when the first command cannot',
        text: 'FROM debian:12\nRUN echo x | curl -fsS -d @- https://x.example | tee /out\n',
        want: [{ at: '2:48-2:49', token: '|' }],
      },
      {
        name: 'cat of a file, or echo with a redirection from a file, can fail',
        text: 'FROM debian:12\nRUN cat /missing | wc -l\nRUN echo x < /missing | wc -l\n',
        want: ['|', '|'],
      },
      {
        name: 'a group of echos piped to tee (docker-library php-fpm config)',
        text: "FROM php:8.3-fpm\nRUN { echo '[global]'; echo 'error_log = /proc/self/fd/2'; } | tee php-fpm.d/docker.conf\n",
        want: [],
      },
      {
        name: 'a group with a command that can fail',
        text: "FROM debian:12\nRUN { echo '[global]'; cat /etc/extra.conf; } | tee out.conf\n",
        want: ['|'],
      },
    ],
    test,
  );
});
