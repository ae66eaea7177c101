import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/composition/createEngine.js';
import type { Matching } from '../../src/engine/matching.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { formatNumber, formatShare } from '../../src/report/reportFormat.js';

/** Debian's chromium; CI installs it (`apt-get install -y chromium`). */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const playwright = await import('playwright-core').catch(() => undefined);
const skipReason =
  playwright === undefined
    ? 'playwright-core is not installed'
    : !existsSync(chromiumPath)
      ? `${chromiumPath} is missing (install the Debian package: apt-get install -y chromium)`
      : undefined;
if (skipReason !== undefined) console.warn(`Skipping the HTML report browser test: ${skipReason}`);

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
/** Where the screenshot goes: outside the work tree, so it never lands in git. */
const screenshotPath = join(tmpdir(), 'coachmatch-report.png');

describe.skipIf(skipReason !== undefined)(`renderHtml in headless Chromium${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`, () => {
  const cohort = parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')));
  const matching: Matching = createEngine().match(cohort);
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    userDataDir = mkdtempSync(join(tmpdir(), 'coachmatch-chromium-'));
    context = await playwright!.chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: launchArgs,
      viewport: { width: 1280, height: 900 },
    });
    // Every request the page makes is recorded and refused: the report must need none.
    await context.route('**/*', async (route) => {
      requests.push(route.request().url());
      await route.abort();
    });
    context.on('request', (request) => requests.push(request.url()));
    page = context.pages()[0] ?? (await context.newPage());
    await page.setContent(renderHtml(matching, { title: cohort.name ?? 'Coach matching' }), { waitUntil: 'load' });
  }, 30_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('shows the key figures of the matching at the top', async () => {
    const k = matching.kpis;
    const shown = async (key: string) => (await page.locator(`[data-kpi="${key}"] .kpi-value`).innerText()).trim();
    expect(await shown('matched')).toBe(String(k.matched));
    expect(await page.locator('[data-kpi="matched"]').innerText()).toContain(`of ${k.coachees}`);
    expect(await shown('meanScore')).toBe(formatNumber(k.meanScore));
    expect(await shown('pioneersWithCommonGround')).toBe(formatShare(k.pioneerShareWithCommonGround));
    expect(await shown('insidersSufficientlyDifferent')).toBe(formatShare(k.insiderShareSufficientlyDifferent));
    expect(await shown('coachesUsed')).toBe(String(k.coachesUsed));
    const kpiBox = await page.locator('.kpis').boundingBox();
    const cardsBox = await page.locator('.cards').boundingBox();
    expect(kpiBox!.y).toBeLessThan(cardsBox!.y);
    await expect.poll(() => page.locator('.kpis').isVisible()).toBe(true);
  });

  it('shows one card per coach, each listing exactly that coach\'s coachees', async () => {
    const cards = page.locator('article.coach');
    expect(await cards.count()).toBe(matching.coaches.length);
    for (const [i, coach] of matching.coaches.entries()) {
      const card = cards.nth(i);
      expect((await card.locator('h3').innerText()).trim()).toBe(coach.coachName);
      const listed = await Promise.all((await card.locator('[data-coachee]').all()).map((e) => e.getAttribute('data-coachee')));
      expect(listed).toEqual(coach.coacheeIds);
    }
  });

  it('gives each pair its common ground in words and its score', async () => {
    const entry = matching.coachees.find((c) => c.status === 'matched' && c.commonGround.length > 0);
    if (entry?.status !== 'matched') throw new Error('the fixture should have a pair with common ground');
    const pair = page.locator(`[data-coachee="${entry.coacheeId}"]`);
    const text = await pair.innerText();
    for (const ground of entry.commonGround) expect(text).toContain(ground);
    expect(text).toContain(`score ${formatNumber(entry.score)}`);
  });

  it('draws the three charts as labelled SVG images of non-zero size', async () => {
    for (const name of ['Coach loads', 'Insiders and pioneers: outcomes', 'Score distribution']) {
      const chart = page.getByRole('img', { name: new RegExp(`^${name}`) });
      expect(await chart.count()).toBe(1);
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(50);
    }
    expect(await page.locator('[data-chart="loads"] .load-row').count()).toBe(matching.coaches.length);
    const bars = await page.locator('[data-chart="scores"] rect.bar').count();
    expect(bars).toBeGreaterThan(1);
  });

  it('hides the navigation when printed and keeps the cards', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.toc').isVisible()).toBe(false);
    expect(await page.locator('article.coach').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('leaves a screenshot outside the work tree', async () => {
    await page.screenshot({ path: screenshotPath, fullPage: true });
    expect(existsSync(screenshotPath)).toBe(true);
  });

  it('shows hostile names as text and runs nothing', async () => {
    const hostile = '<img src=https://example.invalid/x.png onerror="document.title=1">';
    const evil: Matching = {
      ...matching,
      coaches: matching.coaches.map((c, i) => (i === 0 ? { ...c, coachName: hostile } : c)),
    };
    const other = await context.newPage();
    await other.setContent(renderHtml(evil, { title: hostile }), { waitUntil: 'load' });
    expect((await other.locator('article.coach h3').first().innerText()).trim()).toBe(hostile);
    expect(await other.locator('img').count()).toBe(0);
    expect(await other.title()).toBe(hostile);
    await other.close();
  });

  it('makes no request at all', () => {
    expect(requests.filter((url) => !url.startsWith('data:') && !url.startsWith('about:'))).toEqual([]);
  });
});
