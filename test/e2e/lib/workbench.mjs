// What a person does in the VS Code workbench, expressed with playwright-core
// against the DOM of VS Code 1.100 (class names from the recipe and the
// workbench itself: .monaco-workbench, .view-line, .monaco-hover-content, …).
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Without the background-networking flags Chromium floods the closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
    timeout: 60_000,
  });
}

export async function openWorkbench(browser, url, folder) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  // The status bar is the last part to render; after it the workbench takes keys.
  await page.waitForSelector('.part.statusbar', { timeout: 60_000 });
  return page;
}

/** Quick Open (Ctrl+P), type the name, Enter — as a person opens a file. */
export async function openFile(page, fileName) {
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 700, y: 400 } })
    .catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  // Wait for the file to be listed before accepting, else Enter hits an empty list.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab[aria-label*="${fileName}"]`).first().waitFor();
  await page.locator('.monaco-editor .view-line').first().waitFor();
}

/** Runs a command from the palette by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Text of the editor's visible lines, in order (includes inlay-hint text VS Code injects). */
export async function visibleLines(page) {
  return page.$$eval('.monaco-editor .view-lines .view-line', (lines) =>
    lines
      .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
}

/**
 * Every rendered token span in the editor with its computed colours, so a test
 * can see what the person sees: which words are coloured, and how.
 */
export async function renderedSpans(page) {
  return page.$$eval('.monaco-editor .view-lines .view-line span span', (spans) =>
    spans.map((span) => {
      const style = getComputedStyle(span);
      const box = span.getBoundingClientRect();
      return {
        text: span.textContent ?? '',
        className: span.className,
        color: style.color,
        background: style.backgroundColor,
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
      };
    }),
  );
}

/** "Ln 3, Col 17" from the status bar, as numbers. */
export async function cursorPosition(page) {
  const text = await page
    .locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ })
    .first()
    .innerText();
  const match = /Ln (\d+), Col (\d+)/.exec(text);
  return { line: Number(match[1]), column: Number(match[2]), text: text.trim() };
}

export async function waitFor(predicate, { timeout = 20_000, interval = 250, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await predicate();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out after ${timeout / 1000} s waiting for ${message}`);
}
