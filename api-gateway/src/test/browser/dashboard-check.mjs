// Usage: node dashboard-check.mjs <gateway base URL> <screenshot.png>
// Opens the dashboard against a gateway whose back-ends are faked, filters by an actor, checks what a
// person would see, and saves a screenshot. Exits non-zero with a message on the first failed check.
import { chromium } from 'playwright-core';

const [base, screenshot] = process.argv.slice(2);
const problems = [];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });

function check(condition, message) {
  if (!condition) throw new Error('dashboard check failed: ' + message);
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', msg => { if (msg.type() === 'error') problems.push(msg.text()); });
  page.on('pageerror', err => problems.push(err.message));
  page.on('response', r => { if (r.status() >= 400) problems.push('HTTP ' + r.status() + ' ' + r.url()); });

  const response = await page.goto(base + '/');
  check(response.status() === 200, 'GET / answered ' + response.status());
  check((response.headers()['content-security-policy'] || '').includes("script-src 'self'"), 'no Content-Security-Policy on /');
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 30000 });
  check(await page.locator('#articles li[data-article-id]').count() === 3, 'expected 3 articles before filtering');
  check(await page.locator('#themes input[type=checkbox]').count() === 4, 'expected 4 theme checkboxes');

  // type-ahead: a name fragment brings actors from GET /api/v1/actors, keeping one already chosen
  await page.fill('#actors', 'KAZ, Toka');
  try {
    await page.waitForSelector('#actor-suggestions option[data-actor-id="person.tokayev"]', { state: 'attached', timeout: 15000 });
  } catch (e) {
    const seen = await page.evaluate(async () => ({
      datalist: document.getElementById('actor-suggestions').outerHTML,
      value: document.getElementById('actors').value,
      direct: await fetch('/api/v1/actors?q=Toka&limit=8').then(r => r.status + ' ' + r.headers.get('content-type')),
    }));
    throw new Error('no actor suggestions: ' + JSON.stringify(seen));
  }
  const suggestion = page.locator('#actor-suggestions option[data-actor-id="person.tokayev"]');
  check(await suggestion.getAttribute('value') === 'KAZ, person.tokayev', 'suggestion drops the actor already chosen: ' + await suggestion.getAttribute('value'));
  check((await suggestion.textContent()).includes('Kassym-Jomart Tokayev'), 'suggestion does not name the actor');

  await page.fill('#actors', 'org.csto');
  await page.evaluate(() => { delete document.body.dataset.loaded; });
  await page.click('#apply');
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 30000 });

  const titles = await page.locator('#articles li[data-article-id] a').allTextContents();
  check(titles.length === 1, 'expected 1 article for org.csto, got ' + JSON.stringify(titles));
  check(titles[0] === 'CSTO peacekeepers <b>leave</b> Almaty as Tokayev thanks allies', 'title not shown as plain text: ' + titles[0]);
  check(await page.locator('#articles b').count() === 0, 'markup from an article title was rendered');
  const why = await page.locator('#articles .why').first().textContent();
  check(why.includes('peacekeepers') && why.includes('Peacekeeping'), 'evidence snippet missing: ' + why);
  check(await page.locator('#events li[data-event-id]').count() === 1, 'expected 1 dated event for org.csto');
  const eventText = await page.locator('#events li').first().textContent();
  check(eventText.includes('6 January') && eventText.includes('Peacekeeping'), 'event evidence or theme label missing: ' + eventText);
  check(await page.locator('#events b').count() === 0, 'markup from an event\'s article title was rendered');
  check(await page.locator('#chart svg path.series').count() === 3, 'expected 3 theme lines in the chart');
  const pairs = await page.locator('#pairs li').allTextContents();
  check(pairs.length === 2 && pairs[0].includes('KAZ + org.csto') && pairs[1].includes('RUS + org.csto'),
    'co-occurrence list is not the one for org.csto: ' + JSON.stringify(pairs));
  check(page.url().includes('actor=org.csto'), 'the filter is not in the address: ' + page.url());

  await page.fill('#api-key', process.env.OPERATOR_KEY || '');
  await page.click('#key-form button');
  await page.waitForSelector('#feeds tbody tr', { timeout: 15000 });
  check(await page.locator('#feeds tbody tr.failing').count() === 1, 'the failing feed is not marked');
  const gaps = await page.locator('#feeds tbody td.gap').allTextContents();
  check(gaps.length === 1 && gaps[0] === '2', 'the feed with suspected gaps is not marked: ' + JSON.stringify(gaps));

  await page.screenshot({ path: screenshot, fullPage: true });
  const cspViolations = problems.filter(p => /Content Security Policy|Refused to/i.test(p));
  check(cspViolations.length === 0, 'CSP violations: ' + cspViolations.join(' | '));
  const scriptErrors = problems.filter(p => !/Failed to load resource|^HTTP /.test(p));
  check(scriptErrors.length === 0, 'errors in the page: ' + scriptErrors.join(' | '));
  console.log('dashboard checks passed; screenshot at ' + screenshot);
} catch (e) {
  console.error(e.message);
  if (problems.length) console.error('page console: ' + problems.join(' | '));
  process.exitCode = 1;
} finally {
  await browser.close();
}
