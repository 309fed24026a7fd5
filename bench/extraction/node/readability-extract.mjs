// Runs Mozilla Readability on jsdom over a benchmark corpus, for side-by-side scoring by the Java
// harness (which scores every extractor with the same scorer).
//   node --expose-gc readability-extract.mjs extract CORPUS_DIR OUT_DIR
//       writes OUT_DIR/readability-aeb.jsonl and OUT_DIR/readability-rtp.jsonl ({id, html, text} per line)
//   node --expose-gc readability-extract.mjs speed CORPUS_DIR ROUNDS
//       pages/second on one core over the article-extraction-benchmark pages, and heap after each round
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const quiet = new VirtualConsole(); // pages' CSS parse errors would flood the output

function aebPages(corpus) {
  const dir = path.join(corpus, 'article-extraction-benchmark');
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'));
  return Object.keys(truth).sort().map((id) => ({
    id,
    url: truth[id].url,
    html: zlib.gunzipSync(fs.readFileSync(path.join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
  }));
}

function rtpPages(corpus) {
  const dir = path.join(corpus, 'readability-test-pages');
  return fs.readdirSync(dir).sort()
    .filter((d) => fs.existsSync(path.join(dir, d, 'source.html')) && fs.existsSync(path.join(dir, d, 'expected.html')))
    .map((d) => ({ id: d, url: 'http://fakehost/test/page.html', html: fs.readFileSync(path.join(dir, d, 'source.html'), 'utf8') }));
}

function extract(page) {
  try {
    const dom = new JSDOM(page.html, { url: page.url || 'http://fakehost/', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    dom.window.close();
    return article ? { html: article.content || '', text: article.textContent || '' } : { html: '', text: '' };
  } catch (e) {
    return { html: '', text: '', error: String(e) };
  }
}

const [mode, corpus, arg] = process.argv.slice(2);
if (mode === 'extract') {
  fs.mkdirSync(arg, { recursive: true });
  for (const [name, pages] of [['aeb', aebPages(corpus)], ['rtp', rtpPages(corpus)]]) {
    const lines = pages.map((p) => JSON.stringify({ id: p.id, ...extract(p) }));
    fs.writeFileSync(path.join(arg, `readability-${name}.jsonl`), lines.join('\n') + '\n');
    console.log(`${name}: ${pages.length} pages -> ${path.join(arg, `readability-${name}.jsonl`)}`);
  }
} else if (mode === 'speed') {
  const pages = aebPages(corpus);
  const rounds = Number(arg || 5);
  extract(pages[0]); // warm-up of the JIT on one page; the first measured round still includes more warm-up
  let bestRate = 0;
  let bestCpu = 0;
  for (let r = 1; r <= rounds; r++) {
    const cpu0 = process.cpuUsage(); // process CPU time, all threads, as the Java side measures
    const t0 = process.hrtime.bigint();
    for (const p of pages) extract(p);
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    if (global.gc) global.gc();
    const rate = pages.length / secs;
    const cpuRate = pages.length / cpuSecs;
    bestRate = Math.max(bestRate, rate);
    bestCpu = Math.max(bestCpu, cpuRate);
    console.log(`round ${r}: ${pages.length} pages in ${secs.toFixed(2)} s wall, ${cpuSecs.toFixed(2)} s CPU = ${rate.toFixed(2)} pages/s wall, ${cpuRate.toFixed(2)} pages per CPU-second; heap used after gc ${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MiB after ${r * pages.length} pages`);
  }
  console.log(`readability best round: ${bestRate.toFixed(2)} pages/s wall, ${bestCpu.toFixed(2)} pages per CPU-second`);
} else {
  console.error('usage: readability-extract.mjs extract CORPUS_DIR OUT_DIR | speed CORPUS_DIR ROUNDS');
  process.exit(2);
}
