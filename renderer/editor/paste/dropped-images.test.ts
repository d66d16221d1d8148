import { describe, expect, it } from 'vitest';
import { droppedImagesMessage } from './dropped-images.js';

/** What the editor says when a paste could not bring its images, in agreement with their number. */
describe('droppedImagesMessage', () => {
  it('speaks of one image in the singular', () => {
    expect(droppedImagesMessage(1, false)).toBe(
      'Une image n’a pas pu être reprise (elle n’était qu’un lien vers un fichier ou un site)\u00a0: insérez-la avec le bouton «\u00a0Figure\u00a0», ou copiez-la seule.',
    );
    expect(droppedImagesMessage(1, true)).toBe(
      'Une image n’a pas pu être reprise (Word ne donne pas ses images avec le texte copié)\u00a0: insérez-la avec le bouton «\u00a0Figure\u00a0», ou copiez-la seule.',
    );
  });

  it('speaks of several in the plural', () => {
    expect(droppedImagesMessage(3, false)).toBe(
      '3\u00a0images n’ont pas pu être reprises (elles n’étaient qu’un lien vers un fichier ou un site)\u00a0: insérez-les avec le bouton «\u00a0Figure\u00a0», ou copiez-les une par une.',
    );
    expect(droppedImagesMessage(30, true)).toBe(
      '30\u00a0images n’ont pas pu être reprises (Word ne donne pas ses images avec le texte copié)\u00a0: insérez-les avec le bouton «\u00a0Figure\u00a0», ou copiez-les une par une.',
    );
  });
});
