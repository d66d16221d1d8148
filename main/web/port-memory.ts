import { join } from 'node:path';
import { moveDurable } from '../services/storage/durable-write.js';
import { z } from 'zod';
import { fr } from '../services/french.js';
import { InvalidFileError, loadJson, saveJson } from '../services/storage/json-store.js';

/**
 * The port each repository was last served on, in the user's data folder. A page's origin
 * is its address with the port, and everything the page keeps (its key, its journal of
 * unsaved edits) belongs to that origin: coming back on the same port is what lets a tab
 * left open, or the address in a bookmark, find Fiches again after a restart.
 */
export const PORTS_FILE = 'browser-host-ports.json';
const PORTS_VERSION = 1;

const portsSchema = z.object({
  schemaVersion: z.literal(PORTS_VERSION),
  ports: z.record(z.string(), z.number().int().min(1).max(65535)),
});

export class PortMemory {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly onLog: (message: string) => void,
  ) {
    this.file = join(dataDir, PORTS_FILE);
  }

  async portOf(repository: string): Promise<number | undefined> {
    return (await this.read())[repository];
  }

  async remember(repository: string, port: number): Promise<void> {
    const ports = await this.read();
    if (ports[repository] === port) return;
    await saveJson(this.file, this.file, {
      schemaVersion: PORTS_VERSION,
      ports: { ...ports, [repository]: port },
    });
  }

  private async read(): Promise<Record<string, number>> {
    try {
      return (await loadJson(this.file, this.file, { schema: portsSchema }))?.ports ?? {};
    } catch (error) {
      if (!(error instanceof InvalidFileError)) throw error;
      // Only ports, no one's words: set aside, starting afresh loses nothing but the old address.
      const aside = `${this.file}.illisible`;
      await moveDurable(this.file, aside);
      this.onLog(
        fr`${error.reason} : les ports retenus sont oubliés (le fichier est mis de côté dans ${aside}).`,
      );
      return {};
    }
  }
}
