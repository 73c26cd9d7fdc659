import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/use-workdir', () => {
  checkCases(
    'dockerfile/use-workdir',
    '/repo/Dockerfile',
    [
      {
        name: 'cd at the top',
        text: 'FROM alpine:3.20\nRUN cd /app && make\n',
        want: [{ at: '2:5-2:7', token: 'cd' }],
      },
      {
        name: 'cd after a continuation and a --mount flag',
        text: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache \\\n  cd /src && go build\n',
        want: [{ at: '3:3-3:5', token: 'cd' }],
      },
      { name: 'cd in a subshell is scoped', text: 'FROM alpine:3.20\nRUN (cd /src && make)\n', want: [] },
      { name: 'cd as an argument', text: 'FROM alpine:3.20\nRUN echo cd /app\n', want: [] },
      {
        name: 'cd in a heredoc body of cat is data',
        text: 'FROM alpine:3.20\nRUN cat <<EOF > /run.sh\ncd /app\nEOF\n',
        want: [],
      },
    ],
    test,
  );
});
