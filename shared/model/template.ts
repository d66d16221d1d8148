import { z } from 'zod';
import { idSchema } from './ids.js';

/**
 * The sheet template: what a sheet is made of, as data (templates/…template.json, copied
 * into each repository as template.json). Another exercise changes sections, questions,
 * phases, standard texts, hypotheses and angles here, without touching code.
 */
export const TEMPLATE_SCHEMA_VERSION = 1;

const labelled = z.object({ id: idSchema, label: z.string().min(1) });

const targetWordsSchema = z
  .object({ min: z.number().int().nonnegative(), max: z.number().int().positive() })
  .refine((t) => t.min <= t.max, { message: 'min doit être inférieur ou égal à max' });

export const templateSectionSchema = z.object({
  id: idSchema,
  /** Display title of the part ("Trajectoire de la variable"), or the question's short name. */
  title: z.string().min(1),
  /** Phase id of the breadcrumb (passé, présent, futurs possibles); absent for the trajectory. */
  phase: idSchema.optional(),
  /** The guiding question that titles the section, when it has one. */
  question: z.string().min(1).optional(),
  /** Shown as the empty editor's placeholder. */
  help: z.string().min(1),
  targetWords: targetWordsSchema,
});

export const sheetTemplateSchema = z
  .object({
    schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION),
    id: idSchema,
    name: z.string().min(1),
    phases: z.array(labelled).min(1),
    sections: z.array(templateSectionSchema).min(1),
    standardTexts: z.object({
      /** The opening paragraph shared by every sheet of the collection, one string a paragraph. */
      opening: z.array(z.string().min(1)).min(1),
      /** The method note that opens the micro-scenarios. */
      microScenariosMethod: z.array(z.string().min(1)).min(1),
      /**
       * The opening text of the collection published as one volume, before its diagram
       * (a sheet's speaks of « cette fiche »). Optional so templates written before volumes
       * stay valid: DEFAULT_VOLUME_OPENING then.
       */
      volumeOpening: z.array(z.string().min(1)).min(1).optional(),
    }),
    microScenarios: z.object({
      title: z.string().min(1),
      help: z.string().min(1),
      hypotheses: z.array(labelled).min(1),
      angles: z.array(labelled).min(1),
      /** Target length of one angle of one hypothesis. */
      targetWords: targetWordsSchema,
    }),
    /**
     * A revision is recorded after this many minutes of editing without one. Optional so
     * templates written before history stay valid: DEFAULT_REVISION_INTERVAL_MINUTES then.
     */
    revisionIntervalMinutes: z.number().positive().max(1440).optional(),
  })
  .superRefine((template, ctx) => {
    const phaseIds = new Set(template.phases.map((p) => p.id));
    template.sections.forEach((section, index) => {
      if (section.phase && !phaseIds.has(section.phase)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', index, 'phase'],
          message: `phase inconnue « ${section.phase} » (phases déclarées : ${[...phaseIds].join(', ')})`,
        });
      }
    });
    for (const [key, list] of [
      ['sections', template.sections],
      ['phases', template.phases],
      ['microScenarios.hypotheses', template.microScenarios.hypotheses],
      ['microScenarios.angles', template.microScenarios.angles],
    ] as const) {
      const seen = new Set<string>();
      for (const item of list) {
        if (seen.has(item.id)) {
          ctx.addIssue({
            code: 'custom',
            path: key.split('.'),
            message: `identifiant en double « ${item.id} »`,
          });
        }
        seen.add(item.id);
      }
    }
  });

export type SheetTemplate = z.infer<typeof sheetTemplateSchema>;

/** A volume's opening text for a template that has none of its own: true of any exercise. */
export const DEFAULT_VOLUME_OPENING: readonly string[] = [
  'Ce recueil rassemble les fiches d’un système global de variables, famille par famille, dans l’ordre du système présenté ci-dessous.',
  'Chaque fiche documente l’évolution passée, présente et future d’une variable : ses dynamiques d’évolution (tendances, ruptures…) et quelques évolutions possibles, présentées en micro-scénarios.',
];
export type TemplateSection = z.infer<typeof templateSectionSchema>;
