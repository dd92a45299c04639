import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cloudKeyFilter, cloudKeySort, DEFAULT_MEDIA_FIELDS, mediaFieldsFor } from '../../../src/providers/dailymotion';
import type { FieldSelection } from '../../../src/domain/selection';

const selecting = (...names: string[]): FieldSelection => ({ fieldsOn: (type) => new Set(type === 'DailymotionMedia' ? names : []) });

describe('mediaFieldsFor (GraphQL selection → CloudKey fields, spec §5.1)', () => {
  it('maps each GraphQL field to the paths it reads, ids and creation times always', () => {
    assert.deepEqual(mediaFieldsFor(selecting()), ['id', 'created']);
    assert.deepEqual(mediaFieldsFor(selecting('id', 'nativeId', 'account', 'createdAt')), ['id', 'created']);
    assert.deepEqual(mediaFieldsFor(selecting('title')), ['id', 'created', 'meta.title']);
    assert.deepEqual(mediaFieldsFor(selecting('title', 'meta')), ['id', 'created', 'meta']);
    assert.deepEqual(mediaFieldsFor(selecting('status', 'encodings', 'duration', 'stats')), ['id', 'created', 'assets', 'stats']);
  });

  it('asks for assets when the caller filters on status, everything when it does not know the selection', () => {
    assert.deepEqual(mediaFieldsFor(selecting('title'), true), ['id', 'created', 'meta.title', 'assets']);
    assert.deepEqual(mediaFieldsFor(null), [...DEFAULT_MEDIA_FIELDS]);
    assert.deepEqual(mediaFieldsFor(undefined), [...DEFAULT_MEDIA_FIELDS]);
  });

  it('a field it does not know falls back to the full default (never too few)', () => {
    assert.deepEqual(mediaFieldsFor(selecting('title', 'somethingNew')), [...DEFAULT_MEDIA_FIELDS]);
    assert.deepEqual(mediaFieldsFor(selecting('somethingNew', 'stats')), [...DEFAULT_MEDIA_FIELDS, 'stats']);
  });
});

describe('cloudKeyFilter and cloudKeySort', () => {
  it('meta equality on dotted paths, created range in seconds, nothing when empty', () => {
    assert.equal(cloudKeyFilter(null), null);
    assert.equal(cloudKeyFilter({ meta: {} }), null);
    assert.deepEqual(cloudKeyFilter({ meta: { category: 'news', author: 'Alice' } }), { 'meta.category': 'news', 'meta.author': 'Alice' });
    assert.deepEqual(cloudKeyFilter({ createdFrom: new Date('2020-01-01T00:00:00.900Z'), createdBefore: new Date('2020-01-02T00:00:00Z') }), {
      created: { $gte: 1577836800, $lt: 1577923200 },
    });
  });

  it('sorts', () => {
    assert.deepEqual(cloudKeySort('CREATED_DESC'), [['created', -1]]);
    assert.deepEqual(cloudKeySort('CREATED_ASC'), [['created', 1]]);
    assert.deepEqual(cloudKeySort('TITLE_ASC'), [['meta.title', 1]]);
    assert.deepEqual(cloudKeySort('TITLE_DESC'), [['meta.title', -1]]);
  });
});
