// Swagger UI as a newcomer uses it, in headless Chromium driven by playwright-core: open the page, expand
// GET /articles, click "Try it out" and "Execute" without touching anything, and read the response Swagger UI shows.
// Usage: node swagger-ui-try.cjs <app url> <screenshot.png>; exits 1 with the reason when the first click shows no articles.
const { chromium } = require('playwright-core');

(async () => {
  const [url, screenshot] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run'],
  });
  let failure = null;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
    await page.goto(`${url}/swagger/index.html`, { waitUntil: 'networkidle' });
    const title = await page.title();
    if (title !== 'ArticleApi - Swagger UI') failure = `the page title is '${title}', not 'ArticleApi - Swagger UI'`;

    // Swagger UI gives each operation the id operations-<tag>-<operationId>.
    const operation = page.locator('#operations-Articles-ListArticles');
    await operation.locator('.opblock-summary').first().click();
    await operation.locator('button.try-out__btn').click();
    await operation.locator('button.execute').click();
    const status = operation.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor({ timeout: 30000 });
    const code = (await status.innerText()).trim();
    const body = await operation.locator('.live-responses-table .response-col_description pre').first().innerText();
    const requestUrl = (await operation.locator('.request-url pre').first().innerText()).trim();
    await page.screenshot({ path: screenshot, fullPage: false });

    let items = -1;
    try { items = JSON.parse(body).items.length; } catch { /* reported below */ }
    if (code !== '200' || !(items > 0)) {
      failure = `Execute on GET /articles asked ${requestUrl} and showed ${code} with ${items} items:\n${body.slice(0, 500)}`;
    } else if (!failure) {
      console.log(`Try it out + Execute on GET /articles: ${requestUrl} answered ${code} with ${items} articles`);
    }
  } catch (error) {
    failure = String(error);
  } finally {
    await browser.close();
  }
  if (failure) {
    console.error(failure);
    process.exit(1);
  }
})();
