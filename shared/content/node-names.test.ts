import { describe, expect, it } from 'vitest';
import { markNames, nodeNames } from './node-names.js';
import { contentSchema } from './schema.js';

describe('node and mark names', () => {
  it('list exactly the nodes and marks of the content schema', () => {
    expect([...nodeNames].sort()).toEqual(Object.keys(contentSchema().nodes).sort());
    expect([...markNames].sort()).toEqual(Object.keys(contentSchema().marks).sort());
  });
});
