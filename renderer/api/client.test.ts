import { describe, expect, it } from 'vitest';
import { requestBody, Serialised } from './client.js';

describe('the body of a request over HTTP', () => {
  it('splices serialised values in as their text, wherever they stand', () => {
    const intro = { type: 'doc', content: [{ type: 'text', text: 'fiches-serialised-x-0 "guillemets"' }] };
    const request = {
      id: 'cobotique',
      patch: { sections: { trajectoire: new Serialised(intro, JSON.stringify(intro)) }, status: 'draft' },
      list: [new Serialised(['a'], '["a"]'), 'b'],
    };
    const body = requestBody(request);
    expect(JSON.parse(body)).toEqual({
      id: 'cobotique',
      patch: { sections: { trajectoire: intro }, status: 'draft' },
      list: [['a'], 'b'],
    });
  });

  it('is plain JSON when nothing was serialised before', () => {
    const request = { id: 'cobotique', patch: { authors: ['Ana'] } };
    expect(requestBody(request)).toBe(JSON.stringify(request));
  });
});
