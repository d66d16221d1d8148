import { z } from 'zod';
import { AppFailure, fail, ok, type Result } from '../result.js';
import { contract, isOpName, type OpName, type OpResponse, type ParsedRequest } from './contract.js';
import { requestShapeProblem } from './request-shape.js';

/** One function per operation. Services may throw AppFailure; dispatch turns it into a Result. */
export type Handlers = {
  [N in OpName]: (request: ParsedRequest<N>) => Promise<OpResponse<N>>;
};

/** zod's own messages are English: every message the user may read is French. */
const frenchIssues = z.locales.fr().localeError;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')} : ${issue.message}` : issue.message))
    .join(' ; ');
}

/**
 * The single entry point of both transports: checks the name against the contract, the
 * request's shape (depth, cycles, size: request-shape.ts), parses it with its schema, runs
 * the handler, and answers a Result whatever happens. Unexpected exceptions become
 * `internal` with a message the user can act on.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawRequest: unknown,
  onInternalError: (error: unknown) => void = () => {},
): Promise<Result<unknown>> {
  if (!isOpName(name)) {
    return fail('invalid-request', `Opération inconnue : ${String(name).slice(0, 80)}.`);
  }
  const request = rawRequest ?? {};
  const shapeProblem = requestShapeProblem(request);
  if (shapeProblem) return fail('invalid-request', `Requête invalide pour ${name}\u00a0: ${shapeProblem}`);
  let parsed;
  try {
    parsed = contract[name].request.safeParse(request, { error: frenchIssues });
  } catch (error) {
    // A schema's own walk failing (its stack, a value it cannot read) is still the request's
    // fault; the runtime's own text (often English) goes to the log only.
    onInternalError(error);
    return fail('invalid-request', `Requête invalide pour ${name}\u00a0: elle n’a pas pu être lue.`);
  }
  if (!parsed.success) {
    return fail('invalid-request', `Requête invalide pour ${name} : ${describeIssues(parsed.error)}`, {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    });
  }
  try {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.toError() };
    onInternalError(error);
    // The exception's own text is the runtime's, often English: it goes to the log only.
    return fail(
      'internal',
      `Erreur inattendue de Fiches pendant «\u00a0${name}\u00a0». Vos textes déjà enregistrés sont intacts\u202f; réessayez, et signalez le problème s’il persiste.`,
    );
  }
}
