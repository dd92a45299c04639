import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { vidmeshSchema } from '../../src/graph/build';
import { fieldsOnType } from '../../src/graph/common/selection';

/** The walker behind upstream field selection: which fields an operation reads on one object type. */
describe('fieldsOnType', () => {
  const fieldsOf = async (query: string, type = 'DailymotionMedia'): Promise<string[]> => {
    const document = parse(query);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const fragments = Object.fromEntries(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
    return [...fieldsOnType(await vidmeshSchema(), operation, fragments, type)].sort();
  };

  it('collects interface fields, inline fragments on the type, and nothing from other providers’ fragments', async () => {
    const q = `{ videos { nodes { id title ... on DailymotionMedia { meta } ... on PandaVideo { metadata payload } ... on Node { __typename } } } }`;
    assert.deepEqual(await fieldsOf(q), ['id', 'meta', 'title']);
    assert.deepEqual(await fieldsOf(q, 'PandaVideo'), ['id', 'metadata', 'payload', 'title']);
  });

  it('follows named fragments (nested, spread twice) and aliases by field name', async () => {
    const q = `
      query { a: node(id: "x") { ...M } b: node(id: "y") { ...M ... on Video { shown: status } } }
      fragment M on Node { id ... on Video { ...V } }
      fragment V on Video { createdAt ... on DailymotionMedia { stats } }`;
    assert.deepEqual(await fieldsOf(q), ['createdAt', 'id', 'stats', 'status']);
  });

  it('reaches media nested under other types (an encoding’s video, account details lists)', async () => {
    const q = `{ node(id: "e") { ... on Encoding { status video { duration } } }
      account(id: "dm") { details { ... on DailymotionUser { media { edges { node { encodings { nodes { id } } } } } } } } }`;
    assert.deepEqual(await fieldsOf(q), ['duration', 'encodings']);
  });

  it('a fragment on another type cancels a wider position; a selection without the type gives nothing', async () => {
    assert.deepEqual(await fieldsOf(`{ node(id: "x") { ... on PandaVideo { ...T } } } fragment T on Video { title }`), []);
    assert.deepEqual(await fieldsOf(`{ accounts { id } }`), []);
    assert.deepEqual(await fieldsOf(`mutation { deleteVideo(id: "x") { deletedId } }`), []);
  });
});
