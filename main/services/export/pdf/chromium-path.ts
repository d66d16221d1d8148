import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { AppFailure } from '../../../../shared/result.js';
import { fr } from '../../french.js';

/**
 * Which Chromium prints outside Electron: the one named by FICHES_CHROMIUM, else the
 * system's, else Playwright's own download. A missing one is a message saying what to
 * install, before anything is launched.
 */

export const CHROMIUM_VARIABLE = 'FICHES_CHROMIUM';

const SYSTEM_CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false;
    await access(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where Playwright keeps the Chromium it downloads, when it knows this platform. */
function playwrightChromium(): string[] {
  try {
    return [chromium.executablePath()];
  } catch {
    return [];
  }
}

export const installAdvice = fr`Installez Chromium (sous Debian ou Ubuntu : « apt-get install chromium »), ou indiquez le chemin de Chromium ou de Chrome dans la variable d’environnement ${CHROMIUM_VARIABLE}.`;

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const named = env[CHROMIUM_VARIABLE];
  if (named) {
    if (await isExecutableFile(named)) return named;
    throw new AppFailure(
      'unsupported',
      fr`Impossible d’exporter en PDF : ${CHROMIUM_VARIABLE} désigne « ${named} », qui n’est pas un programme exécutable. ${installAdvice}`,
      { executable: named },
    );
  }
  const candidates = [...(SYSTEM_CANDIDATES[process.platform] ?? []), ...playwrightChromium()];
  for (const candidate of candidates) {
    if (await isExecutableFile(candidate)) return candidate;
  }
  throw new AppFailure(
    'unsupported',
    fr`Impossible d’exporter en PDF : Chromium est introuvable sur cette machine. ${installAdvice}`,
    { searched: candidates },
  );
}
