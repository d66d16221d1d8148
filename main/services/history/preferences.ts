import { userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { authorEmailSchema, nameSchema } from '../../../shared/model/names.js';
import { appDataDir } from '../default-path.js';
import { fr } from '../french.js';
import { InvalidFileError, loadJsonWithRaw, saveJson } from '../storage/json-store.js';

/**
 * The user's preferences, in the application's data folder (not in a repository: they
 * follow the user from one repository to another): the name revisions are signed with, the
 * system's user name until the user gives one, and an optional e-mail address for the
 * commits of shared repositories.
 */
export const PREFERENCES_VERSION = 1;

const preferencesSchema = z.object({
  schemaVersion: z.literal(PREFERENCES_VERSION),
  authorName: nameSchema.optional(),
  authorEmail: authorEmailSchema.optional(),
});

export interface AuthorPreference {
  authorName: string;
  authorEmail?: string;
  /** True while the name is the system's user name, not one the user gave. */
  isDefault: boolean;
  /** Why the preferences file could not be read, in French; the file is left as it is. */
  problem?: string;
}

export function defaultPreferencesFile(): string {
  return join(appDataDir(), 'preferences.json');
}

function systemUserName(): string {
  try {
    const name = userInfo().username.trim();
    if (name) return name;
  } catch {
    // No user name on this system (some containers): fall through to the label below.
  }
  return 'Utilisateur inconnu';
}

export class Preferences {
  private cached: AuthorPreference | undefined;

  constructor(private readonly file: string = defaultPreferencesFile()) {}

  async author(): Promise<AuthorPreference> {
    this.cached ??= await this.read();
    return this.cached;
  }

  /** Sets the name, and the e-mail when given (empty: none); answers the preference as saved. */
  async setAuthor(name: string, email?: string): Promise<AuthorPreference> {
    let raw: Record<string, unknown> = {};
    try {
      const loaded = await loadJsonWithRaw(this.file, this.file, { schema: preferencesSchema });
      if (loaded && typeof loaded.raw === 'object' && loaded.raw !== null)
        raw = loaded.raw as Record<string, unknown>;
    } catch (error) {
      // The user is giving their name now: a file we cannot read is replaced by their choice.
      if (!(error instanceof InvalidFileError)) throw error;
    }
    const { authorEmail: kept, ...rest } = raw;
    const authorEmail = email ?? (authorEmailSchema.safeParse(kept).data || undefined);
    await saveJson(this.file, this.file, {
      ...rest,
      schemaVersion: PREFERENCES_VERSION,
      authorName: name,
      ...(authorEmail ? { authorEmail } : {}),
    });
    this.cached = { authorName: name, isDefault: false, ...(authorEmail ? { authorEmail } : {}) };
    return this.cached;
  }

  private async read(): Promise<AuthorPreference> {
    try {
      const loaded = await loadJsonWithRaw(this.file, this.file, { schema: preferencesSchema });
      const name = loaded?.value.authorName;
      const email = loaded?.value.authorEmail;
      return {
        ...(name
          ? { authorName: name, isDefault: false }
          : { authorName: systemUserName(), isDefault: true }),
        ...(email ? { authorEmail: email } : {}),
      };
    } catch (error) {
      if (!(error instanceof InvalidFileError)) throw error;
      return {
        authorName: systemUserName(),
        isDefault: true,
        problem: fr`Vos préférences sont illisibles (${error.reason}). Les versions sont signées de votre nom d’utilisateur en attendant que vous donniez votre nom.`,
      };
    }
  }
}
