import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { createLogger, writeLine } from '../../src/observability/logger';

describe('request log line', () => {
  it('writes the line pino writes, byte for byte, at info and warn, and nothing below the level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    const fields = { requestId: 'req-"1"', method: 'POST', operation: null, status: 200, ms: 1.5, upstreamCalls: 2, errors: ['BAD_USER_INPUT'] };
    const members = ',"requestId":"req-\\"1\\"","method":"POST","operation":null,"status":200,"ms":1.5,"upstreamCalls":2,"errors":["BAD_USER_INPUT"]';
    const now = Date.now;
    Date.now = () => 1_700_000_000_000;
    try {
      for (const level of ['info', 'warn'] as const) {
        logger[level](fields, 'graphql request');
        writeLine(
          logger,
          level,
          () => members,
          () => fields,
          'graphql request',
        );
      }
      writeLine(
        createLogger({ level: 'error', destination: { write: (line: string) => void lines.push(line) } }),
        'warn',
        () => members,
        () => fields,
        'x',
      );
    } finally {
      Date.now = now;
    }
    assert.equal(lines.length, 4);
    assert.equal(lines[1], lines[0]);
    assert.equal(lines[3], lines[2]);
    assert.deepEqual(JSON.parse(lines[1]!), { level: 30, time: 1_700_000_000_000, service: 'vidmesh', ...fields, msg: 'graphql request' });
  });

  it('takes pino’s way for loggers it did not make (children keep their bindings)', () => {
    const lines: string[] = [];
    const child = pino({ base: null }, { write: (line: string) => void lines.push(line) }).child({ component: 'x' });
    writeLine(
      child,
      'info',
      () => ',"a":1',
      () => ({ a: 1 }),
      'm',
    );
    const { time, ...rest } = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.equal(typeof time, 'number');
    assert.deepEqual(rest, { level: 30, component: 'x', a: 1, msg: 'm' });
  });
});
