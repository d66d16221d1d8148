import { z } from 'zod';
import { frenchSpacing } from '../french.js';

/** zod's French messages, for the reasons we show about files (schema-level messages take precedence). */
export const frenchIssues = z.locales.fr().localeError;

const MAX_ISSUES = 3;

/** « sections.2.question : Entrée invalide… ; id : … », the field path first so the user can find it. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, MAX_ISSUES).map((issue) => {
    const message = frenchSpacing(issue.message);
    return issue.path.length ? `${issue.path.map(String).join('.')}\u00a0: ${message}` : message;
  });
  const more = issues.length - shown.length;
  return (
    shown.join('\u00a0; ') +
    (more > 0 ? ` (et ${more} autre${more > 1 ? 's' : ''} problème${more > 1 ? 's' : ''})` : '')
  );
}
