import { describe, expect, it } from 'vitest';
import { externalLinkTarget } from './links.js';

describe('externalLinkTarget', () => {
  it.each([
    ['https://www.hautsdefrance.fr/prospective', 'https://www.hautsdefrance.fr/prospective'],
    ['mailto:prospective@example.fr', 'mailto:prospective@example.fr'],
    ['HTTPS://Example.org', 'https://example.org/'],
  ])('opens %s', (href, target) => {
    expect(externalLinkTarget(href)).toBe(target);
  });

  it.each([
    'http://example.org',
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'smb://serveur/partage',
    'ms-msdt:/id PCWDiagnostic',
    '',
    'pas une adresse',
  ])('refuses %j', (href) => {
    expect(externalLinkTarget(href)).toBeUndefined();
  });
});
