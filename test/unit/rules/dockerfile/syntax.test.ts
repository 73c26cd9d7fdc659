import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/syntax', () => {
  checkCases('dockerfile/syntax', '/repo/Dockerfile', [
    { name: 'unknown instruction', text: 'FROM alpine:3.20\nRUNN echo hi\n', want: [{ at: '2:1-2:5', token: 'RUNN' }] },
    { name: 'missing arguments', text: 'FROM alpine:3.20\nWORKDIR\n', want: ['WORKDIR'] },
    { name: 'instruction before FROM', text: 'RUN echo hi\nFROM alpine:3.20\n', want: ['RUN'] },
    { name: 'ARG before FROM is fine', text: 'ARG V=3.20\nFROM alpine:$V\n', want: [] },
    { name: 'no FROM at all', text: 'ARG V=1\n', want: ['ARG'] },
    { name: 'lower-case keywords are valid', text: 'from alpine:3.20\nrun echo hi\n', want: [] },
    { name: 'heredoc', text: 'FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\n', want: [] },
    { name: 'empty file', text: '', want: [] },
    { name: 'comments only', text: '# nothing yet\n', want: [] },
  ], test);
});
