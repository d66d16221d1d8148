import { z } from 'zod';
import { idSchema } from './ids.js';
import { nameSchema } from './names.js';

/**
 * repository.json: the exercise and its system of variables (families, variables, order).
 * The system is data of the repository, editable by its users.
 */
export const REPOSITORY_SCHEMA_VERSION = 1;

export const variableSchema = z.object({ id: idSchema, name: nameSchema });

export const familySchema = z.object({
  id: idSchema,
  number: z.number().int().positive(),
  name: nameSchema,
  variables: z.array(variableSchema),
});

export const exerciseSchema = z.object({
  /** "Chantier Industrie 2040": printed in footers. */
  name: nameSchema,
  organisation: nameSchema,
  region: nameSchema,
  horizon: z.string().min(1).max(20),
});

export const repositoryFileSchema = z
  .object({
    schemaVersion: z.literal(REPOSITORY_SCHEMA_VERSION),
    name: nameSchema,
    exercise: exerciseSchema,
    families: z.array(familySchema).min(1),
  })
  .superRefine((repo, ctx) => {
    const familyIds = new Set<string>();
    const variableIds = new Set<string>();
    repo.families.forEach((family, f) => {
      if (familyIds.has(family.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['families', f, 'id'],
          message: `famille en double « ${family.id} »`,
        });
      }
      familyIds.add(family.id);
      family.variables.forEach((variable, v) => {
        if (variableIds.has(variable.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['families', f, 'variables', v, 'id'],
            message: `variable en double « ${variable.id} »`,
          });
        }
        variableIds.add(variable.id);
      });
    });
  });

export type RepositoryFile = z.infer<typeof repositoryFileSchema>;
export type Family = z.infer<typeof familySchema>;
export type Variable = z.infer<typeof variableSchema>;
export type Exercise = z.infer<typeof exerciseSchema>;
