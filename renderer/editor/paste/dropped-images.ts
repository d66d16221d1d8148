/**
 * The notice after a paste whose images could not come along (Word gives none with the
 * copied text; a web page gives only links to them), agreeing with their number.
 */
export function droppedImagesMessage(count: number, fromWord: boolean): string {
  const one = count === 1;
  const what = one ? 'Une image n’a pas pu être reprise' : `${count}\u00a0images n’ont pas pu être reprises`;
  const why = fromWord
    ? 'Word ne donne pas ses images avec le texte copié'
    : one
      ? 'elle n’était qu’un lien vers un fichier ou un site'
      : 'elles n’étaient qu’un lien vers un fichier ou un site';
  const how = one
    ? 'insérez-la avec le bouton «\u00a0Figure\u00a0», ou copiez-la seule'
    : 'insérez-les avec le bouton «\u00a0Figure\u00a0», ou copiez-les une par une';
  return `${what} (${why})\u00a0: ${how}.`;
}
