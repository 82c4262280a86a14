import type { BrowserContext, Page } from 'playwright-core';

/**
 * Records a page's script errors and console errors (CSP violations and failed loads show up there) into `errors`;
 * `ignore` leaves out console errors a test causes on purpose.
 */
export function collectPageErrors(page: Page, errors: string[], ignore?: (text: string) => boolean): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !ignore?.(message.text())) errors.push(message.text());
  });
}

/** A new page in `context` at `url`, its errors recorded into `errors`. */
export async function openPage(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  collectPageErrors(page, errors);
  await page.goto(url);
  return page;
}

/**
 * The visible controls matching `selector` that have no accessible name: no aria-label, no element named by
 * aria-labelledby, no label, no text and no title. Their markup, cut short, for the failure message.
 */
export const unnamedControls = (page: Page, selector: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((controls) =>
    controls
      .filter((control) => (control as HTMLElement).offsetParent !== null)
      .filter((control) => {
        const labelledBy = control.getAttribute('aria-labelledby');
        const names = [
          control.getAttribute('aria-label'),
          labelledBy && document.getElementById(labelledBy)?.textContent,
          ...[...((control as HTMLInputElement).labels ?? [])].map((label) => label.textContent),
          control.textContent,
          control.getAttribute('title'),
        ];
        return !names.some((name) => name && name.trim());
      })
      .map((control) => control.outerHTML.slice(0, 120)),
  );
