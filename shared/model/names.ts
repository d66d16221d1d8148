import { z } from 'zod';

export const NAME_MAX_LENGTH = 200;

/**
 * A human-visible name (variable, family, repository, author). Emoji and accents are
 * welcome; control characters (which break files, exports and terminals) are not, and a
 * name is short enough to title a page.
 */
export const nameSchema = z
  .string()
  .transform((value) => value.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { message: 'Le nom ne peut pas être vide.' })
      .max(NAME_MAX_LENGTH, {
        message: `Le nom dépasse ${NAME_MAX_LENGTH} caractères : raccourcissez-le.`,
      })
      .refine((value) => !/\p{Cc}/u.test(value), {
        message: 'Le nom contient des caractères de contrôle (tabulation, retour à la ligne…).',
      }),
  );

/**
 * The e-mail address commits of a shared repository carry beside the author's name
 * (optional: empty means none).
 */
export const authorEmailSchema = z
  .string()
  .trim()
  .max(NAME_MAX_LENGTH, { message: `L’adresse e-mail dépasse ${NAME_MAX_LENGTH} caractères.` })
  .refine((value) => value === '' || z.email().safeParse(value).success, {
    message: 'Cette adresse e-mail n’est pas valide (exemple : prenom.nom@agence.fr).',
  });
