// The real-VS Code test (issue 6): code-server 4.100.3 (VS Code 1.100.3) in
// Debian's headless Chromium, driven by playwright-core, with the built
// extension loaded and the bundled sample article open. It checks what a person
// sees — colours, hover cards, inlay hints, the sidebar, the cursor — and saves
// screenshots to $E2E_SCREENSHOTS (else a temp folder).
//
// Needs: npm run build; bash scripts/install-e2e.sh (code-server + Chromium).
// Env: E2E_SCREENSHOTS (folder), E2E_ARTICLE (sample file name), E2E_EXTENSION=folder
// (load dist/ etc. directly instead of packaging and installing the .vsix), E2E_KEEP=1 (keep
// the scratch folder with code-server's logs), CHROMIUM_PATH, NEWS_LENS_E2E_CACHE.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerEntry, freePort, installVsix, stageExtension, startCodeServer, writeUserSettings } from './lib/codeServer.mjs';
import { calendarPieces, lineColumnAt, loadAnalysis, mentionsMatch } from './lib/groundTruth.mjs';
import { assert, createHarness, RequiredCheckFailed } from './lib/harness.mjs';
import { cursorPosition, launchBrowser, openFile, openWorkbench, renderedSpans, runCommand, visibleLines, waitFor } from './lib/workbench.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTICLE = process.env.E2E_ARTICLE || 'rotterdam-dock-strike.news';
const RUN_TIMEOUT_MS = 15 * 60_000;

const screenshotsDir = process.env.E2E_SCREENSHOTS ? resolve(process.env.E2E_SCREENSHOTS) : mkdtempSync(join(tmpdir(), 'news-lens-e2e-screenshots-'));
mkdirSync(screenshotsDir, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'news-lens-e2e-'));

let codeServer;
let browser;
async function cleanUp() {
  await browser?.close().catch(() => {});
  browser = undefined;
  if (codeServer) await codeServer.stop();
  codeServer = undefined;
  if (!process.env.E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
}
// Never leave code-server or Chromium behind: not on failure, Ctrl+C or a hang.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    console.error(`\n${signal}: stopping code-server and Chromium`);
    await cleanUp();
    process.exit(130);
  });
}
const watchdog = setTimeout(async () => {
  console.error(`\nthe e2e run exceeded ${RUN_TIMEOUT_MS / 60_000} minutes; stopping`);
  await cleanUp();
  process.exit(1);
}, RUN_TIMEOUT_MS);
watchdog.unref();

const harness = createHarness();
const { check } = harness;
let ok = false;
try {
  ok = await main();
} catch (error) {
  if (!(error instanceof RequiredCheckFailed)) console.error(error);
  harness.summary();
  ok = false;
} finally {
  if (!ok) printLogs();
  await cleanUp();
  clearTimeout(watchdog);
}
console.log(`screenshots: ${screenshotsDir}`);
process.exit(ok ? 0 : 1);

async function main() {
  console.log('News Lens in a real VS Code (code-server 4.100.3 + Chromium)');
  const samples = join(repoRoot, 'samples');
  const articlePath = join(samples, ARTICLE);
  if (!existsSync(articlePath)) throw new Error(`sample article ${articlePath} is missing`);
  const text = readFileSync(articlePath, 'utf8');
  const { analyzeArticle } = await loadAnalysis(repoRoot, scratch);
  const analysis = analyzeArticle(text);

  // The editor works on a copy, so VS Code's files never land in the repo.
  const workspace = join(scratch, 'workspace', 'samples');
  cpSync(samples, workspace, { recursive: true });
  // A small story across articles (three on one ferry strike) for the Story view.
  cpSync(join(repoRoot, 'test', 'fixtures', 'story-workspace', 'tejo'), join(workspace, 'tejo'), { recursive: true });
  const userDataDir = join(scratch, 'user-data');
  const extensionsDir = join(scratch, 'extensions');
  writeUserSettings(userDataDir);
  // Default: the .vsix as it ships. E2E_EXTENSION=folder loads the built tree (faster while developing).
  const entry = codeServerEntry();
  const extension =
    process.env.E2E_EXTENSION === 'folder' ? stageExtension(repoRoot, extensionsDir) : installVsix({ repoRoot, entry, extensionsDir, userDataDir, scratch });
  console.log(`  extension ${extension.id} from ${extension.vsix ? 'its .vsix' : 'the built folder'}`);

  codeServer = await startCodeServer({
    entry,
    port: await freePort(),
    userDataDir,
    extensionsDir,
    folder: workspace,
    scratch,
  });
  browser = await launchBrowser();
  const page = await openWorkbench(browser, codeServer.url, workspace);
  let shot = 0;
  let failuresDir;
  const failureShot = async (name) => {
    // Kept after the run (unlike the scratch folder), and never mixed into $E2E_SCREENSHOTS.
    failuresDir ??= mkdtempSync(join(tmpdir(), 'news-lens-e2e-failures-'));
    const path = join(failuresDir, `${++shot}-${name}.png`);
    await page.screenshot({ path }).catch(() => {});
    return path;
  };

  await check('before any article is open, the News Lens sidebar shows its welcome view', async () => {
    await showNewsLensContainer(page);
    const welcome = pane(page, 'Actors').locator('.welcome-view-content');
    await welcome.waitFor({ timeout: 30_000 });
    const words = await welcome.innerText();
    assert(/no article is open/i.test(words), `the Actors welcome view says: ${JSON.stringify(words)}`);
    await page.mouse.move(700, 500); // away from the activity bar's tooltip
    await settle(page);
    await page.screenshot({ path: join(screenshotsDir, 'welcome.png') });
  });

  await check(
    `opens ${ARTICLE} as a News Article with ${extension.id} active`,
    async () => {
      await openFile(page, ARTICLE);
      await page.locator('.statusbar-item', { hasText: 'News Article' }).first().waitFor({ timeout: 30_000 });
      // The extension's status item (counts per kind, eye icon) appears once the server has analysed the article.
      await statusItem(page).waitFor({ timeout: 45_000 });
    },
    { required: true },
  );

  // --- Highlights in their colours -----------------------------------------
  const plainColor = await waitFor(
    async () => {
      const spans = await renderedSpans(page);
      return spans.find((s) => s.className.split(' ').includes('mtk1') && s.text.trim().length > 3)?.color;
    },
    { message: 'plain text in the editor' },
  );

  const kinds = ['person', 'organization', 'place', 'nationality', 'date'];
  const mentionsByKind = Object.fromEntries(kinds.map((k) => [k, []]));
  for (const m of analysis.entities) mentionsByKind[m.type]?.push(m.text);
  for (const d of analysis.dates) mentionsByKind.date.push(d.text);

  const colourOf = {};
  await check('entities are highlighted in their semantic colours, one colour per kind, distinct from plain text', async () => {
    const present = kinds.filter((k) => mentionsByKind[k].length > 0);
    assert(present.length >= 3, `the analysis of ${ARTICLE} found only ${present.join(', ')}; the sample should show at least three kinds`);
    await waitFor(
      async () => {
        const spans = await renderedSpans(page);
        for (const kind of present) {
          const span = spans.find((s) => mentionsByKind[kind].includes(s.text.trim()) && s.color !== plainColor);
          if (span) colourOf[kind] = { color: span.color, text: span.text.trim() };
        }
        return present.every((k) => colourOf[k]);
      },
      { timeout: 30_000, message: 'semantic colours on entities' },
    ).catch(async () => {
      const spans = await renderedSpans(page);
      const missing = present
        .filter((k) => !colourOf[k])
        .map((k) => {
          const seen = spans.filter((s) => mentionsByKind[k].some((t) => s.text.includes(t))).slice(0, 3);
          return `${k} (e.g. ${JSON.stringify(mentionsByKind[k].slice(0, 3))}; rendered as ${JSON.stringify(seen.map((s) => [s.text.slice(0, 40), s.color]))})`;
        });
      throw new Error(`not coloured (plain text is ${plainColor}): ${missing.join('; ')}\nscreenshot: ${await failureShot('colours')}`);
    });
    const colours = present.map((k) => colourOf[k].color);
    assert(new Set(colours).size === colours.length, `kinds share a colour: ${JSON.stringify(colourOf)}`);
    console.log(`      plain ${plainColor}; ${present.map((k) => `${k} "${colourOf[k].text}" ${colourOf[k].color}`).join('; ')}`);
  });
  // The sidebar beside the editor fills in a moment after the highlights; let it, for the picture.
  await pane(page, 'Actors')
    .locator('.monaco-list-row')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => {});
  await settle(page);
  await page.screenshot({ path: join(screenshotsDir, 'editor-highlights.png') });

  // --- Acronym hover --------------------------------------------------------
  let hoverCard;
  let hoverTarget;
  const acronym = findAcronym(text);
  const hoverOver = async () => {
    await page.mouse.move(hoverTarget.x + hoverTarget.width / 2, hoverTarget.y + hoverTarget.height / 2);
    const hover = page.locator('.monaco-hover-content').filter({ hasText: acronym.short }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    return hover;
  };
  await check('hovering an acronym shows a card with its expansion', async () => {
    assert(acronym, `${ARTICLE} defines no acronym as "Long Name (ACRONYM)"`);
    const spans = (await renderedSpans(page)).filter((s) => s.text.trim() === acronym.short && s.width > 0);
    assert(spans.length > 0, `"${acronym.short}" is not rendered as a token of its own (it should be highlighted)`);
    // The last one on screen is a bare use ("chairs the NSDU"), not the definition.
    hoverTarget = spans[spans.length - 1];
    const hover = await hoverOver();
    await page.screenshot({ path: join(screenshotsDir, 'hover-card.png') });
    const card = await hover.innerText();
    hoverCard = { text: card, codicons: await hover.locator('.codicon').count() };
    // The expansion must be the card's title (the actor's name), not just appear in the quoted first-mention sentence.
    const title = card.split('\n')[0];
    assert(
      new RegExp(`(^|\\W)${acronym.long}(\\W|$)`).test(title),
      `the hover card over "${acronym.short}" is titled "${title}", expected the expansion "${acronym.long}":\n${card}`,
    );
  });

  await check('the hover card draws its kind icon (a codicon, not "$(name)" text)', async () => {
    assert(hoverCard, 'no hover card was shown (see the check above)');
    assert(
      !/\$\([a-z-]+\)/.test(hoverCard.text),
      `the hover shows codicon syntax as text: "${hoverCard.text.split('\n')[0]}" (the client must set supportThemeIcons on hover markdown)`,
    );
    assert(hoverCard.codicons > 0, 'the hover card has no codicon');
  });

  await check('the hover card offers "Show all mentions" and "Reveal in sidebar"; Reveal selects the actor in the Actors tree', async () => {
    assert(hoverTarget, 'no hover card was shown (see the check above)');
    const hover = await hoverOver();
    const showAll = hover.locator('a', { hasText: 'Show all mentions' });
    const reveal = hover.locator('a', { hasText: 'Reveal in sidebar' });
    assert(
      (await showAll.count()) > 0 && (await reveal.count()) > 0,
      `the card has no command links; its links: ${JSON.stringify(await hover.locator('a').allInnerTexts())}`,
    );
    const actorName = hoverCard.text
      .split('\n')[0]
      .replace(/^\$\([^)]*\)\s*/, '')
      .split(' · ')[0]
      .trim();
    await reveal.first().scrollIntoViewIfNeeded();
    await reveal.first().click();
    const selected = pane(page, 'Actors').locator('.monaco-list-row[aria-selected="true"]', { hasText: actorName });
    await selected
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        throw new Error(`after "Reveal in sidebar", no selected row "${actorName}" in the Actors tree\nscreenshot: ${await failureShot('reveal')}`);
      });
  });
  await page.mouse.move(5, 400);
  await page.keyboard.press('Escape');

  // --- Inlay hint on a relative date ---------------------------------------
  await check('a relative date shows its resolved value in an inlay hint', async () => {
    const candidates = analysis.dates.filter((d) => d.relative && calendarPieces(d.value) && !d.text.includes(d.value.slice(0, 4)));
    assert(candidates.length > 0, `the analysis resolved no relative day-level date in ${ARTICLE}; nothing to hint`);
    let found;
    await waitFor(
      async () => {
        const screen = (await visibleLines(page)).join('');
        found = candidates.find((d) => {
          const at = screen.indexOf(d.text);
          return at >= 0 && mentionsMatch(screen.slice(at + d.text.length, at + d.text.length + 60), calendarPieces(d.value));
        });
        return found;
      },
      { timeout: 20_000, message: 'an inlay hint after a relative date' },
    ).catch(async () => {
      throw new Error(
        `no inlay hint with the value after any of ${JSON.stringify(candidates.map((d) => `${d.text} → ${d.value}`))}\n` +
          `screenshot: ${await failureShot('inlay')}`,
      );
    });
    console.log(`      "${found.text}" → ${found.value}`);
  });

  // --- Sidebar: Actors ------------------------------------------------------
  await check(
    'the News Lens sidebar opens from the activity bar with Actors and Events',
    async () => {
      // "Reveal in sidebar" may have opened it already; switch away first, since clicking
      // the icon of the container that is showing would hide it.
      if (await pane(page, 'Actors').isVisible()) await page.locator('.activitybar [aria-label^="Explorer"]').first().click();
      await showNewsLensContainer(page);
      await pane(page, 'Actors').locator('.monaco-list-row').first().waitFor({ timeout: 20_000 });
    },
    { required: true },
  );

  await check('the Actors tree lists the actors grouped by kind, and clicking a mention moves the cursor there', async () => {
    const actorsPane = pane(page, 'Actors');
    await expandRows(actorsPane, 1);
    const rows = await treeRows(actorsPane);
    const listed = analysis.actors.filter((a) => rows.some((r) => r.level === 2 && r.label.includes(a.name)));
    assert(
      listed.length >= Math.min(3, analysis.actors.length),
      `the Actors tree shows ${JSON.stringify(rows.map((r) => r.label))}; expected actors such as ${JSON.stringify(analysis.actors.slice(0, 5).map((a) => a.name))}`,
    );
    const groupRows = rows.filter((r) => r.level === 1);
    assert(groupRows.length >= 2, `expected kind groups at the top level, got ${JSON.stringify(groupRows.map((r) => r.label))}`);

    // An actor with several mentions: open it and click its second mention.
    const actor = listed.filter((a) => a.mentions.length >= 2).sort((a, b) => b.mentions.length - a.mentions.length)[0];
    assert(actor, 'no listed actor has two mentions');
    const actorRow = actorsPane.locator('.monaco-list-row[aria-level="2"]', { hasText: actor.name }).first();
    const mentionRowsOf = async () => {
      const after = await treeRows(actorsPane);
      const actorIndex = after.findIndex((r) => r.level === 2 && r.label.includes(actor.name));
      const found = [];
      for (let i = actorIndex + 1; actorIndex >= 0 && i < after.length && after[i].level === 3; i++) found.push(after[i]);
      return found;
    };
    let mentionRows = [];
    await waitFor(
      async () => {
        mentionRows = await mentionRowsOf();
        if (mentionRows.length >= 2) return true;
        if ((await actorRow.getAttribute('aria-expanded')) === 'false') await actorRow.locator('.monaco-tl-twistie').click();
        return false;
      },
      { timeout: 10_000, interval: 500, message: `the mentions of "${actor.name}" under its row` },
    ).catch(() => {});
    // The list is virtualised: rows below the pane's fold are not in the DOM, so
    // only the first mentions can be counted here.
    assert(
      mentionRows.length >= 2,
      `"${actor.name}" has ${actor.mentions.length} mentions but its row opens onto ${JSON.stringify(mentionRows.map((r) => r.label))}`,
    );
    await actorsPane.locator(`.monaco-list-row[data-index="${mentionRows[1].index}"]`).click();
    const mention = actor.mentions[1];
    const start = lineColumnAt(text, mention.start);
    const end = lineColumnAt(text, mention.end);
    const position = await waitFor(
      async () => {
        const p = await cursorPosition(page);
        return p.line === start.line && (p.column === start.column || p.column === end.column) ? p : null;
      },
      { timeout: 10_000, message: `the cursor at Ln ${start.line}, Col ${start.column} (mention 2 of "${actor.name}")` },
    ).catch(async (e) => {
      throw new Error(`${e.message}; status bar says "${(await cursorPosition(page)).text}"\nscreenshot: ${await failureShot('mention-click')}`);
    });
    console.log(`      clicked mention 2 of "${actor.name}" → ${position.text}`);
  });

  await check('from the keyboard: "News Lens: Focus Sidebar", arrow keys and Enter on a mention move the cursor there', async () => {
    await page
      .locator('.monaco-editor .view-lines')
      .first()
      .click({ position: { x: 5, y: 5 } });
    await runCommand(page, 'News Lens: Focus Sidebar');
    const actorsPane = pane(page, 'Actors');
    const focused = actorsPane.locator('.monaco-list:focus-within .monaco-list-row.focused');
    await focused.first().waitFor({ timeout: 10_000 });
    // Walk down to the first mention row with the keyboard only.
    for (let i = 0; i < 30; i++) {
      const row = focused.first();
      const level = Number(await row.getAttribute('aria-level'));
      if (level === 3) break;
      if ((await row.getAttribute('aria-expanded')) === 'false') await page.keyboard.press('ArrowRight');
      else await page.keyboard.press('ArrowDown');
      await new Promise((r) => setTimeout(r, 100));
    }
    const row = focused.first();
    assert(Number(await row.getAttribute('aria-level')) === 3, `could not reach a mention row; focused: ${await row.getAttribute('aria-label')}`);
    // The mention row's actor is the nearest level-2 row above it.
    const rows = await treeRows(actorsPane);
    const index = Number(await row.getAttribute('data-index'));
    const at = rows.findIndex((r) => r.index === index);
    let k = at;
    while (k >= 0 && rows[k].level !== 2) k--;
    const mentionNumber = at - k - 1;
    const actor = analysis.actors.find((a) => rows[k].label.includes(a.name));
    assert(actor, `no actor in the analysis for the row ${JSON.stringify(rows[k]?.label)}`);
    await page.keyboard.press('Enter');
    const mention = actor.mentions[mentionNumber];
    const start = lineColumnAt(text, mention.start);
    const end = lineColumnAt(text, mention.end);
    await waitFor(
      async () => {
        const p = await cursorPosition(page);
        return p.line === start.line && (p.column === start.column || p.column === end.column);
      },
      { timeout: 10_000, message: `the cursor on mention ${mentionNumber + 1} of "${actor.name}" (Ln ${start.line}, Col ${start.column})` },
    );
  });

  await check('moving the cursor onto an entity in the text reveals it in the Actors tree', async () => {
    // A place, so the tree has to open and scroll to a group other than the one just used.
    const kind = colourOf.place ? 'place' : Object.keys(colourOf).find((k) => k !== 'date');
    assert(kind, 'no highlighted entity to click (the colour check failed)');
    const word = colourOf[kind].text;
    const mention = analysis.entities.find((m) => m.text === word);
    const actor = analysis.actors.find((a) => a.id === mention?.actorId);
    assert(actor, `no actor for "${word}" in the analysis`);
    const span = (await renderedSpans(page)).find((s) => s.text.trim() === word && s.width > 0);
    assert(span, `"${word}" is not on screen`);
    await page.mouse.click(span.x + span.width / 2, span.y + span.height / 2);
    const selected = pane(page, 'Actors').locator('.monaco-list-row[aria-selected="true"]', { hasText: actor.name });
    await selected
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(async () => {
        const rows = await treeRows(pane(page, 'Actors'));
        throw new Error(
          `clicking "${word}" in the text selected no "${actor.name}" row; rows: ${JSON.stringify(rows.map((r) => r.label))}\n` +
            `screenshot: ${await failureShot('follow-cursor')}`,
        );
      });
  });

  // --- Sidebar: Events timeline --------------------------------------------
  await check('the Events timeline shows events under their dates', async () => {
    const eventsPane = pane(page, 'Events');
    const header = eventsPane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await eventsPane.locator('.monaco-list-row').first().waitFor({ timeout: 20_000 });
    await expandRows(eventsPane, 5);
    const rows = await treeRows(eventsPane);
    const dated = analysis.events.filter((e) => calendarPieces(e.date));
    assert(dated.length > 0, `the analysis dated no event in ${ARTICLE}`);
    const shown = dated.filter((event) => {
      const i = rows.findIndex((r) => r.label.includes(event.text));
      if (i < 0) return false;
      // The date may be on the row itself or on its year/month/day group rows.
      const chain = [rows[i].label];
      for (let level = rows[i].level, j = i - 1; j >= 0 && level > 1; j--) {
        if (rows[j].level < level) {
          chain.push(rows[j].label);
          level = rows[j].level;
        }
      }
      return mentionsMatch(chain.join(' '), calendarPieces(event.date));
    });
    assert(
      shown.length > 0,
      `no event row sits under its date; rows: ${JSON.stringify(rows.map((r) => `${'  '.repeat(r.level - 1)}${r.label}`))}; dated events: ${JSON.stringify(dated.map((e) => `${e.text} ${e.date}`))}`,
    );
    console.log(`      ${shown.length} dated events shown, e.g. "${shown[0].text}" on ${shown[0].date}`);
  });
  await settle(page);
  await page.screenshot({ path: join(screenshotsDir, 'sidebar.png') });

  // --- Status bar toggle ----------------------------------------------------
  await check('the status bar item shows counts, and clicking it switches highlighting off and on', async () => {
    const item = statusItem(page);
    const label = await item.innerText();
    assert(/\d/.test(label), `the status bar item shows no counts: "${label}"`);
    const kind = Object.keys(colourOf)[0];
    assert(kind, 'no highlighted kind to watch (the colour check failed)');
    const sample = colourOf[kind].text;
    const colourNow = async () => (await renderedSpans(page)).find((s) => s.text.trim() === sample)?.color;
    const clickedAt = Date.now();
    await item.click();
    try {
      await waitFor(async () => (await colourNow()) === plainColor || (await colourNow()) === undefined, {
        timeout: 20_000,
        message: `"${sample}" back to plain text after the toggle`,
      });
      console.log(`      off after ${((Date.now() - clickedAt) / 1000).toFixed(1)} s`);
    } finally {
      // Whatever happened, leave highlighting on for the checks that follow.
      await statusItem(page).click();
    }
    await waitFor(async () => (await colourNow()) === colourOf[kind].color, { timeout: 20_000, message: `"${sample}" coloured again after toggling back` });
  });

  // --- Kinds on and off -----------------------------------------------------
  await check('"News Lens: Choose Highlighted Kinds…" switches a kind off (no colour, no tree group) and back on', async () => {
    const kind = colourOf.person ? 'person' : 'place';
    const groupLabel = kind === 'person' ? 'People' : 'Places';
    assert(colourOf[kind], `no highlighted ${kind} to watch (the colour check failed)`);
    const word = colourOf[kind].text;
    const colourNow = async () => (await renderedSpans(page)).find((s) => s.text.trim() === word)?.color;
    const groupShown = async () => {
      // The list is virtualised and may be scrolled (a reveal scrolls it): scroll to the top first.
      const body = pane(page, 'Actors').locator('.pane-body');
      const box = await body.boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width / 2, box.y + Math.min(40, box.height / 2));
        await page.mouse.wheel(0, -5000);
        await new Promise((r) => setTimeout(r, 200));
      }
      return (await treeRows(pane(page, 'Actors'))).some((r) => r.level === 1 && r.label.includes(groupLabel));
    };
    const toggleKind = async () => {
      await runCommand(page, 'News Lens: Choose Highlighted Kinds');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: groupLabel }).first();
      await row.waitFor();
      // Click until the pick's count changes (a click that lands while the list renders is lost),
      // then accept with the OK button rather than Enter, which a focused checkbox may take.
      const count = page.locator('.quick-input-widget .quick-input-count');
      const before = (await count.textContent().catch(() => '')) ?? '';
      await waitFor(
        async () => {
          await row.locator('.quick-input-list-checkbox, input[type="checkbox"], .monaco-checkbox').first().click();
          await new Promise((r) => setTimeout(r, 300));
          const now = (await count.textContent().catch(() => '')) ?? '';
          return !before || now !== before;
        },
        { timeout: 10_000, message: `the ${groupLabel} checkbox to toggle` },
      );
      const ok = page.locator('.quick-input-widget .quick-input-action .monaco-button, .quick-input-widget a.monaco-button', { hasText: 'OK' }).first();
      if (await ok.isVisible().catch(() => false)) await ok.click();
      else await page.keyboard.press('Enter');
    };
    await toggleKind();
    await waitFor(async () => (await colourNow()) !== colourOf[kind].color && !(await groupShown()), {
      timeout: 10_000,
      message: `"${word}" uncoloured and no ${groupLabel} group after switching ${kind} off`,
    });
    await toggleKind();
    await waitFor(async () => (await colourNow()) === colourOf[kind].color && (await groupShown()), {
      timeout: 15_000,
      message: `"${word}" coloured and the ${groupLabel} group back after switching ${kind} on`,
    }).catch(async (e) => {
      throw new Error(
        `${e.message}: "${word}" is ${await colourNow()} (want ${colourOf[kind].color}), group shown: ${await groupShown()}\n` +
          `screenshot: ${await failureShot('kinds-on')}`,
      );
    });
  });

  // --- Marker style ---------------------------------------------------------
  await check('the marker style ("News Lens: Set Highlight Style…") draws each kind on its contributed background colour', async () => {
    const kindsShown = Object.keys(colourOf).filter((k) => k !== 'date' || colourOf.date);
    assert(kindsShown.length >= 3, 'no highlighted kinds to look at (the colour check failed)');
    await runCommand(page, 'News Lens: Set Highlight Style');
    const input = page.locator('.quick-input-widget input');
    await input.fill('Marker');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Marker' }).first().waitFor();
    await page.keyboard.press('Enter');
    const expected = Object.fromEntries(kindsShown.map((k) => [k, themeColour(extension.manifest, `newsLens.${k}Background`)]));
    let seen = {};
    await waitFor(
      async () => {
        // Any mention of a kind will do (the colour sample first): one word's DOM can be split by hints.
        seen = await markerBackgrounds(page, Object.fromEntries(kindsShown.map((k) => [k, [colourOf[k].text, ...mentionsByKind[k]]])));
        return kindsShown.every((k) => seen[k]?.some((c) => sameColour(c, expected[k])));
      },
      { timeout: 15_000, message: 'marker backgrounds' },
    ).catch(async () => {
      throw new Error(
        `marker backgrounds ${JSON.stringify(seen)}, expected the contributed dark defaults ${JSON.stringify(expected)}\n` +
          `screenshot: ${await failureShot('marker')}`,
      );
    });
    await settle(page);
    await page.screenshot({ path: join(screenshotsDir, 'editor-marker.png') });
  });

  // --- The story across articles ---------------------------------------------
  await check('the Story view lists an actor across articles; clicking one of its articles opens that article at the mention', async () => {
    const from = '01-strike.news';
    const to = '02-talks.news';
    const toText = readFileSync(join(workspace, 'tejo', to), 'utf8');
    await openFile(page, from);
    await statusItem(page).waitFor({ timeout: 45_000 });
    if (!(await pane(page, 'Story').isVisible())) await showNewsLensContainer(page);
    const storyPane = pane(page, 'Story');
    const header = storyPane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    // Make room: the Story pane is the one under test.
    for (const other of ['Actors', 'Dates', 'Events', 'Quotes']) {
      const h = pane(page, other).locator('.pane-header').first();
      if ((await h.getAttribute('aria-expanded').catch(() => null)) === 'true') await h.click().catch(() => {});
    }
    const actorRow = storyPane.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Joana Ferreira' }).first();
    await actorRow.waitFor({ timeout: 45_000 }).catch(async () => {
      throw new Error(
        `no "Joana Ferreira" in the Story view: ${JSON.stringify((await treeRows(storyPane)).map((r) => r.label))}\nscreenshot: ${await failureShot('story')}`,
      );
    });
    const label = (await actorRow.getAttribute('aria-label')) ?? (await actorRow.innerText());
    assert(/3 articles/.test(label), `the Story view says "${label}"; expected her in 3 articles`);
    if ((await actorRow.getAttribute('aria-expanded')) === 'false') await actorRow.locator('.monaco-tl-twistie').click();
    const appearance = storyPane.locator('.monaco-list-row[aria-level="3"]', { hasText: 'as “Ferreira”' }).first();
    await appearance.waitFor({ timeout: 10_000 });
    await settle(page);
    await page.screenshot({ path: join(screenshotsDir, 'story-view.png') });
    await appearance.click();
    await page
      .locator(`.tab.active[aria-label*="${to}"]`)
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        throw new Error(`clicking her appearance did not open ${to}\nscreenshot: ${await failureShot('story-click')}`);
      });
    const offset = toText.indexOf('Ferreira said');
    const start = lineColumnAt(toText, offset);
    const end = lineColumnAt(toText, offset + 'Ferreira'.length);
    const position = await waitFor(
      async () => {
        const p = await cursorPosition(page);
        return p.line === start.line && (p.column === start.column || p.column === end.column) ? p : null;
      },
      { timeout: 10_000, message: `the cursor at Ln ${start.line} of ${to} (“Ferreira said…”)` },
    ).catch(async (e) => {
      throw new Error(`${e.message}; status bar says "${(await cursorPosition(page)).text}"\nscreenshot: ${await failureShot('story-cursor')}`);
    });
    console.log(`      Story → Joana Ferreira → ${to}: ${position.text}`);
    await settle(page);
    await page.screenshot({ path: join(screenshotsDir, 'story-landed.png') });
  });

  await check('the hover over a bare surname says where else the actor appears, first date included', async () => {
    // The word on screen, wherever the highlight style splits the line's spans (the marker check above left "marker" on).
    const target = await waitFor(
      () =>
        page.evaluate(() => {
          const root = document.querySelector('.monaco-editor .view-lines');
          if (!root) return null;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = (n.nodeValue ?? '').search(/\bFerreira\b/);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(n, at);
            range.setEnd(n, at + 'Ferreira'.length);
            const box = range.getBoundingClientRect();
            if (box.width > 0) return { x: box.x, y: box.y, width: box.width, height: box.height };
          }
          return null;
        }),
      { timeout: 20_000, message: '"Ferreira" on screen in 02-talks.news' },
    ).catch(async (e) => {
      throw new Error(`${e.message}\nscreenshot: ${await failureShot('also-in-word')}`);
    });
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2);
    const hover = page.locator('.monaco-hover-content').filter({ hasText: 'Also in' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
      throw new Error(`no "Also in …" hover over Ferreira\nscreenshot: ${await failureShot('also-in')}`);
    });
    const card = await hover.innerText();
    assert(/Also in 2 other articles, first on 2025-04-07/.test(card), `the hover says: ${card}`);
    assert((await hover.locator('a', { hasText: '01-strike.news' }).count()) > 0, `no link to 01-strike.news in: ${card}`);
    await page.screenshot({ path: join(screenshotsDir, 'hover-also-in.png') });
    await page.mouse.move(700, 700);
  });

  await check('"News Lens: Compare Two Articles" shows what one article has and the other lacks, read-only', async () => {
    await runCommand(page, 'News Lens: Compare Two Articles');
    for (const name of ['01-strike.news', '02-talks.news']) {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
    }
    await page.keyboard.press('Enter');
    const report = await waitFor(
      async () => {
        for (const frame of page.frames()) {
          const text = await frame
            .locator('body')
            .innerText({ timeout: 1_000 })
            .catch(() => '');
          if (/Comparing two articles/.test(text)) return text;
        }
        return null;
      },
      { timeout: 30_000, message: 'the comparison in a Markdown preview' },
    ).catch(async (e) => {
      throw new Error(`${e.message}\nscreenshot: ${await failureShot('compare')}`);
    });
    assert(/Ministry of Labour/.test(report), `the report does not list the Ministry of Labour as only in B:\n${report.slice(0, 600)}`);
    assert(
      /will not go back/.test(report) && /will not return/.test(report),
      `the report does not set her two wordings side by side:\n${report.slice(0, 900)}`,
    );
    await settle(page);
    await page.screenshot({ path: join(screenshotsDir, 'compare.png') });
  });

  return harness.summary();
}

/** Background of the overlay box VS Code draws under each sample word (decorations live in .view-overlays). */
async function markerBackgrounds(page, sampleTextByKind) {
  return page.evaluate((samples) => {
    const spans = [...document.querySelectorAll('.monaco-editor .view-lines .view-line span span')];
    const overlays = [...document.querySelectorAll('.monaco-editor .view-overlays div div')]
      .map((el) => ({ box: el.getBoundingClientRect(), background: getComputedStyle(el).backgroundColor }))
      .filter((o) => o.background !== 'rgba(0, 0, 0, 0)' && o.box.width > 0);
    const out = {};
    for (const [kind, candidates] of Object.entries(samples)) {
      for (const text of [...new Set(candidates)].slice(0, 8)) {
        // Without semantic colours a word is no longer a span of its own: measure the
        // word itself inside whichever span holds it. Prefer a whole-word occurrence.
        const pattern = new RegExp(`(^|[^\\p{L}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
        // Walk the text nodes themselves: inlay hints and decorations can split a line's spans
        // so that the word is not in a span's first child.
        let node = null;
        let match = null;
        for (const root of spans.length ? document.querySelectorAll('.monaco-editor .view-lines') : []) {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n && !match; n = walker.nextNode()) {
            const m = pattern.exec(n.nodeValue ?? '');
            if (m) {
              node = n;
              match = m;
            }
          }
          if (match) break;
        }
        if (!match) {
          out[`${kind}?`] ??= { word: text, reason: 'word not found in the editor text' };
          continue;
        }
        const span = node.parentElement;
        const range = document.createRange();
        const from = match.index + match[1].length;
        range.setStart(node, from);
        range.setEnd(node, from + text.length);
        const box = range.getBoundingClientRect();
        const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        // Several overlays can sit under a word (marker, word highlight, selection): keep them all.
        const under = overlays.filter((o) => o.box.left <= middle.x && middle.x <= o.box.right && o.box.top <= middle.y && middle.y <= o.box.bottom);
        if (under.length) {
          out[kind] = [...(out[kind] ?? []), ...under.map((o) => o.background)];
          delete out[`${kind}?`];
        } else if (!out[kind]) out[`${kind}?`] = { word: text, at: [Math.round(middle.x), Math.round(middle.y)], span: (span.textContent ?? '').slice(0, 40) };
      }
    }
    return out;
  }, sampleTextByKind);
}

/** A contributed colour's dark default (#rrggbbaa) as the rgba() the browser computes. */
function themeColour(manifest, id) {
  const hex = manifest.contributes?.colors?.find((c) => c.id === id)?.defaults?.dark;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})?$/i.exec(hex ?? '');
  if (!m) return `(no dark default for ${id})`;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return m[4] ? `rgba(${r}, ${g}, ${b}, ${(parseInt(m[4], 16) / 255).toFixed(3)})` : `rgb(${r}, ${g}, ${b})`;
}

function sameColour(a, b) {
  const parse = (c) => (/rgba?\(([^)]+)\)/.exec(c)?.[1] ?? '').split(',').map(Number);
  const [x, y] = [parse(a), parse(b)];
  if (x.length < 3 || y.length < 3) return false;
  return x.slice(0, 3).every((v, i) => v === y[i]) && Math.abs((x[3] ?? 1) - (y[3] ?? 1)) < 0.01;
}

/** Waits (bounded) until no view shows its progress bar, so screenshots show content, not loading. */
async function settle(page) {
  await waitFor(async () => (await page.locator('.monaco-progress-container.active:visible').count()) === 0, { timeout: 5_000 }).catch(() => {});
  await new Promise((r) => setTimeout(r, 300));
}

/**
 * Clicks News Lens in the activity bar. On a busy machine the icon can take a
 * while to become clickable (it is drawn once the extension's contribution
 * loads), so wait for it generously before clicking.
 */
async function showNewsLensContainer(page) {
  const icon = page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="News Lens"]') }).first();
  await icon.waitFor({ state: 'visible', timeout: 60_000 });
  await icon.click({ timeout: 60_000 });
}

/** The extension's status bar item: the eye icon with counts per kind. */
function statusItem(page) {
  return page.locator('.statusbar-item', { has: page.locator('.codicon-eye, .codicon-eye-closed') }).first();
}

/** A view pane of the sidebar by its title. */
function pane(page, title) {
  return page.locator('.sidebar .pane', { has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first();
}

async function treeRows(paneLocator) {
  return paneLocator.locator('.monaco-list-row').evaluateAll((rows) =>
    rows
      .map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level') || 1),
        expanded: row.getAttribute('aria-expanded'),
        label: (row.getAttribute('aria-label') || row.textContent || '').trim(),
      }))
      .sort((a, b) => a.index - b.index),
  );
}

/** Expands collapsed rows up to `maxLevel`, one at a time (the list re-renders after each). */
async function expandRows(paneLocator, maxLevel) {
  for (let i = 0; i < 40; i++) {
    const rows = await treeRows(paneLocator);
    const collapsed = rows.find((r) => r.expanded === 'false' && r.level <= maxLevel);
    if (!collapsed) return;
    await paneLocator.locator(`.monaco-list-row[data-index="${collapsed.index}"] .monaco-tl-twistie`).click();
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** "Long Name Here (LNH)" where the initials of the capitalised words spell the acronym. */
function findAcronym(text) {
  for (const m of text.matchAll(/((?:[A-Z][\w'’-]*\s+(?:(?:of|the|and|for)\s+)*){2,8})\(([A-Z]{2,8})\)/g)) {
    const words = m[1].trim().split(/\s+/);
    const short = m[2];
    // Take the shortest tail of capitalised words whose initials spell the acronym.
    for (let start = words.length - 1; start >= 0; start--) {
      const tail = words.slice(start);
      const initials = tail
        .filter((w) => /^[A-Z]/.test(w))
        .map((w) => w[0])
        .join('');
      if (initials === short) {
        const later = text.indexOf(short, m.index + m[0].length);
        if (later >= 0) return { short, long: tail.join(' ') };
      }
    }
  }
  return null;
}

function printLogs() {
  if (codeServer) {
    console.log('\n--- code-server output (last 30 lines) ---');
    console.log(codeServer.output().split('\n').slice(-30).join('\n'));
  }
  const logs = join(scratch, 'user-data', 'logs');
  if (!existsSync(logs)) return;
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/News Lens|exthost\.log|remoteexthost\.log/i.test(name)) files.push(path);
    }
  };
  walk(logs);
  for (const file of files) {
    console.log(`\n--- ${file.slice(logs.length + 1)} (last 40 lines) ---`);
    console.log(readFileSync(file, 'utf8').split('\n').slice(-40).join('\n'));
  }
}
