import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricsText } from '../../src/observability/metrics';

describe('metric names', () => {
  it('Node process metrics are vidmesh_process_* and vidmesh_nodejs_*, prefixed once', async () => {
    const { body } = await metricsText();
    const names = new Set(
      body
        .split('\n')
        .filter((l) => l.startsWith('# TYPE '))
        .map((l) => l.split(' ')[2]!),
    );
    for (const name of ['vidmesh_process_cpu_user_seconds_total', 'vidmesh_process_resident_memory_bytes', 'vidmesh_nodejs_eventloop_lag_seconds', 'vidmesh_http_requests_total']) {
      assert.ok(names.has(name), name);
    }
    assert.deepEqual(
      [...names].filter((n) => !n.startsWith('vidmesh_') || /process_process|vidmesh_process_nodejs/.test(n)),
      [],
    );
  });
});
