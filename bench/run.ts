import { benchBlocks } from './blocks.js';
import { benchDocx } from './docx.js';
import { benchHeavySvg } from './heavy-svg.js';
import { benchHistory } from './history.js';
import { benchHome } from './home.js';
import { benchImport } from './import.js';
import { benchKeystroke } from './keystroke.js';
import { benchPdf } from './pdf.js';
import { benchReview, benchReviewImport } from './review.js';
import { benchSave } from './save.js';
import { benchSync } from './sync.js';
import { benchVolume } from './volume.js';

/**
 * `npm run bench`: measures, never asserts. One line per figure, `name: value unit`.
 * `npm run bench -- save` runs only the benchmarks whose name contains "save".
 */
const benches: Record<string, () => Promise<void>> = {
  save: benchSave,
  home: benchHome,
  keystroke: benchKeystroke,
  review: benchReview,
  'review-import': benchReviewImport,
  blocks: benchBlocks,
  history: benchHistory,
  docx: benchDocx,
  pdf: benchPdf,
  import: benchImport,
  'heavy-svg': benchHeavySvg,
  sync: benchSync,
  volume: benchVolume,
};

const filter = process.argv[2];
for (const [name, bench] of Object.entries(benches)) {
  if (filter && !name.includes(filter)) continue;
  await bench();
}
