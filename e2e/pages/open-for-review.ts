import type { Page } from '@playwright/test';
import { HomePage } from './HomePage.js';
import { ReviewPanel } from './ReviewPanel.js';
import { SheetPage } from './SheetPage.js';

/** The page objects of a review test, with a sheet open from the home view (Big Data unless told). */
export async function openForReview(page: Page, url: string, sheetId = 'big-data') {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const review = new ReviewPanel(page);
  await home.open(url);
  await home.openSheet(sheetId);
  return { home, sheet, review };
}
