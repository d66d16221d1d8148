import slugify from '@sindresorhus/slugify';
import { z } from 'zod';

/**
 * Ids name files on disk (sheets/<id>.json), so they are checked against this strict
 * pattern before any path is built from them: lowercase ASCII words joined by single
 * hyphens, nothing that could climb out of a folder.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX_LENGTH = 80;

export const idSchema = z
  .string()
  .max(ID_MAX_LENGTH, { message: `Un identifiant ne dépasse pas ${ID_MAX_LENGTH} caractères.` })
  .regex(ID_PATTERN, {
    message:
      'Identifiant invalide : seulement des lettres minuscules sans accent, des chiffres et des tirets.',
  });

/**
 * The id of a variable's sheet is the slug of the variable's name ("Big Data" → "big-data").
 * Returns undefined when the name has nothing to slug (only emoji or punctuation).
 */
export function slugOf(name: string): string | undefined {
  const slug = slugify(name, { lowercase: true, decamelize: false }).slice(0, ID_MAX_LENGTH);
  const trimmed = slug.replace(/-+$/, '');
  return ID_PATTERN.test(trimmed) ? trimmed : undefined;
}
