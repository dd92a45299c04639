import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectionOf, type Edge } from '../../src/graph/common/connection';

/** An edge that counts how often its cursor is encoded. */
function countingEdges(count: number): { edges: Edge<number>[]; encoded: () => number } {
  let encoded = 0;
  const edges = Array.from({ length: count }, (_, i) => ({
    node: i,
    get cursor() {
      encoded++;
      return `c${i}`;
    },
  }));
  return { edges, encoded: () => encoded };
}

describe('connectionOf', () => {
  it('encodes no cursor until pageInfo is read, then the first and last edges’ once each', () => {
    const { edges, encoded } = countingEdges(3);
    const connection = connectionOf(edges, true);
    assert.deepEqual(connection.nodes, [0, 1, 2]);
    assert.equal(encoded(), 0, 'a selection of nodes alone encodes nothing');
    const { pageInfo } = connection;
    assert.deepEqual(
      { start: pageInfo.startCursor, end: pageInfo.endCursor, next: pageInfo.hasNextPage, previous: pageInfo.hasPreviousPage },
      { start: 'c0', end: 'c2', next: true, previous: false },
    );
    assert.equal(pageInfo.endCursor, 'c2');
    assert.equal(encoded(), 2, 'each cursor encoded once');
  });

  it('an empty page has null cursors unless one is set (a page that moved without an edge)', () => {
    const connection = connectionOf(countingEdges(0).edges, true);
    assert.equal(connection.pageInfo.startCursor, null);
    assert.equal(connection.pageInfo.endCursor, null);
    connection.pageInfo.endCursor = 'moved';
    assert.equal(connection.pageInfo.endCursor, 'moved');
  });
});
