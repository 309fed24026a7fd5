// The dashboard: vanilla JS over the public API. Every piece of article content goes into the page
// through textContent or attributes checked here, never through innerHTML.
'use strict';
(() => {
  const $ = id => document.getElementById(id);
  const state = { actors: [], themes: [], from: '', to: '', cursor: null, themeLabels: new Map() };
  let live = null;

  function h(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') node.className = v; else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
    return node;
  }

  function safeHref(url) {
    try {
      const u = new URL(url, location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) { return null; }
  }

  async function api(path, options = {}) {
    const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    const key = sessionStorage.getItem('newsflow.key');
    if (key) headers['X-API-Key'] = key;
    const response = await fetch(path, Object.assign({}, options, { headers }));
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const err = new Error((body && (body.detail || body.title)) || response.statusText);
      err.status = response.status;
      throw err;
    }
    return body;
  }

  function query(extra = {}) {
    const q = new URLSearchParams();
    state.actors.forEach(a => q.append('actor', a));
    state.themes.forEach(t => q.append('theme', t));
    if (state.from) q.set('from', state.from);
    if (state.to) q.set('to', nextDay(state.to)); // the form's "to" is inclusive, the API's exclusive
    for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) q.set(k, v);
    return q.toString();
  }

  function nextDay(date) {
    const d = new Date(date + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  }

  function status(text) { $('status').textContent = text; }

  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }

  function chips(actors, themes) {
    const box = h('div', { class: 'chips' });
    (actors || []).forEach(a => box.append(h('span', { class: 'chip actor', title: a.actorId || '' }, a.name || a.actorId)));
    (themes || []).forEach(t => box.append(h('span', { class: 'chip theme', title: t.themeId || '' }, t.label || t.themeId)));
    return box;
  }

  function why(themes) {
    const reasons = (themes || []).filter(t => (t.evidence || []).length);
    if (!reasons.length) return null;
    const p = h('div', { class: 'why' }, 'Why: ');
    reasons.forEach((t, i) => {
      if (i) p.append('; ');
      p.append((t.label || t.themeId) + ' — ');
      t.evidence.slice(0, 4).forEach((e, j) => {
        if (j) p.append(', ');
        p.append(h('q', {}, typeof e === 'string' ? e : (e.text || '')));
      });
    });
    return p;
  }

  function articleItem(item) {
    const href = safeHref(item.url);
    const title = href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, item.title || '(untitled)') : h('strong', {}, item.title || '(untitled)');
    return h('li', { 'data-article-id': item.articleId || '' },
      title,
      h('div', { class: 'meta' }, [item.sourceName, when(item.publishedAt), item.language].filter(Boolean).join(' · ')),
      item.excerpt ? h('p', { class: 'excerpt' }, item.excerpt) : null,
      chips(item.actors, item.themes),
      why(item.themes));
  }

  // Store-service event items carry ids only; labels come from the theme list, names stay ids.
  function eventItem(ev) {
    const span = ev.end && ev.end !== ev.start ? ev.start + ' – ' + ev.end : ev.start;
    const precision = ev.precision && ev.precision !== 'DAY' ? ' (' + ev.precision.toLowerCase() + ')' : '';
    const themes = (ev.themes || []).map(t => ({ themeId: t, label: state.themeLabels.get(t) || t }));
    const actors = (ev.actors || []).map(a => ({ actorId: a, name: a }));
    const href = safeHref(ev.articleUrl || '');
    return h('li', { 'data-event-id': ev.eventId || '' },
      h('div', { class: 'meta' }, (span || '') + precision),
      h('p', { class: 'excerpt' }, ev.sentence || ''),
      ev.articleTitle ? h('div', { class: 'meta' }, 'from: ', href ? h('a', { href, rel: 'noopener noreferrer' }, ev.articleTitle) : ev.articleTitle) : null,
      chips(actors, themes),
      ev.expression ? h('div', { class: 'why' }, 'Why: dated by ', h('q', {}, ev.expression)) : null);
  }

  async function loadArticles(append) {
    const page = await api('/api/v1/timeline?' + query({ limit: 50, cursor: append ? state.cursor : null }));
    const list = $('articles');
    if (!append) list.replaceChildren();
    (page.items || []).forEach(i => list.append(articleItem(i)));
    state.cursor = page.nextCursor || null;
    $('more').hidden = !state.cursor;
    if (!list.children.length) list.append(h('li', { class: 'muted' }, 'No articles match.'));
    return (page.items || []).length;
  }

  async function loadEvents() {
    const q = new URLSearchParams();
    // The event timeline filters by one actor and one theme.
    if (state.actors.length) q.set('actor', state.actors[0]);
    if (state.themes.length) q.set('theme', state.themes[0]);
    if (state.from) q.set('from', state.from);
    if (state.to) q.set('to', nextDay(state.to));
    q.set('limit', 50);
    const page = await api('/api/v1/events?' + q);
    const list = $('events');
    list.replaceChildren();
    (page.items || []).forEach(e => list.append(eventItem(e)));
    if (!list.children.length) list.append(h('li', { class: 'muted' }, 'No dated events.'));
  }

  async function loadVolume() {
    const keys = state.themes.length ? state.themes : [...state.themeLabels.keys()].slice(0, 5);
    if (!keys.length) {
      $('chart').textContent = 'No themes yet.';
      return;
    }
    const q = new URLSearchParams({ dimension: 'theme', interval: 'day' });
    keys.forEach(k => q.append('key', k));
    if (state.from) q.set('from', state.from);
    if (state.to) q.set('to', nextDay(state.to));
    const body = await api('/api/v1/stats/volume?' + q);
    NewsflowChart.draw($('chart'), (body.series || []).map(s => Object.assign({ label: state.themeLabels.get(s.key) }, s)));
  }

  async function loadPairs() {
    const q = new URLSearchParams({ limit: 10 });
    if (state.actors.length) q.set('actor', state.actors[0]);
    if (state.from) q.set('from', state.from);
    if (state.to) q.set('to', nextDay(state.to));
    const body = await api('/api/v1/stats/cooccurrence?' + q);
    const list = $('pairs');
    list.replaceChildren();
    (body.pairs || []).forEach(p => {
      const themes = Object.entries(p.themes || {}).sort((a, b) => b[1] - a[1]).slice(0, 3)
        .map(([t, n]) => (state.themeLabels.get(t) || t) + ' ' + n).join(', ');
      list.append(h('li', {}, h('strong', {}, p.a + ' + ' + p.b), ' — ' + p.count + ' articles', themes ? h('div', { class: 'meta' }, themes) : null));
    });
    if (!list.children.length) list.append(h('li', { class: 'muted' }, 'No pairs.'));
  }

  async function loadThemes() {
    const themes = await api('/api/v1/themes');
    const box = $('themes');
    box.querySelectorAll('label').forEach(l => l.remove());
    themes.forEach(t => {
      state.themeLabels.set(t.themeId, t.label);
      const input = h('input', { type: 'checkbox', value: t.themeId });
      input.checked = state.themes.includes(t.themeId);
      box.append(h('label', { title: t.articleCount + ' articles' }, input, ' ' + t.label));
    });
  }

  function connectLive() {
    if (live) live.close();
    if (!window.EventSource) return;
    const q = new URLSearchParams();
    state.actors.forEach(a => q.append('actor', a));
    state.themes.forEach(t => q.append('theme', t));
    live = new EventSource('/api/v1/live?' + q);
    live.onopen = () => { $('live-state').textContent = 'connected'; };
    live.onerror = () => { $('live-state').textContent = 'reconnecting…'; };
    live.addEventListener('article', e => {
      const item = JSON.parse(e.data);
      const list = $('live');
      list.prepend(articleItem(item));
      while (list.children.length > 30) list.lastChild.remove();
    });
  }

  function readForm() {
    state.actors = $('actors').value.split(',').map(s => s.trim()).filter(Boolean);
    state.themes = [...$('themes').querySelectorAll('input:checked')].map(i => i.value);
    state.from = $('from').value;
    state.to = $('to').value;
    const q = new URLSearchParams();
    state.actors.forEach(a => q.append('actor', a));
    state.themes.forEach(t => q.append('theme', t));
    if (state.from) q.set('from', state.from);
    if (state.to) q.set('to', state.to);
    history.replaceState(null, '', q.toString() ? '?' + q : location.pathname);
  }

  function readUrl() {
    const q = new URLSearchParams(location.search);
    state.actors = q.getAll('actor');
    state.themes = q.getAll('theme');
    state.from = q.get('from') || '';
    state.to = q.get('to') || '';
    $('actors').value = state.actors.join(', ');
    $('from').value = state.from;
    $('to').value = state.to;
  }

  async function refresh() {
    status('Loading…');
    state.cursor = null;
    const results = await Promise.allSettled([loadArticles(false), loadEvents(), loadVolume(), loadPairs()]);
    const failed = results.filter(r => r.status === 'rejected').map(r => r.reason.message);
    const shown = $('articles').querySelectorAll('li[data-article-id]').length;
    status(failed.length ? 'Some panels failed: ' + failed.join('; ') : 'Showing ' + shown + (shown === 1 ? ' article' : ' articles'));
    document.body.dataset.loaded = 'true';
    connectLive();
  }

  async function loadFeeds() {
    const feeds = await api('/api/v1/feeds');
    const body = $('feeds').querySelector('tbody');
    body.replaceChildren();
    feeds.forEach(f => {
      const health = f.health || {};
      const row = h('tr', { class: health.consecutiveFailures > 0 ? 'failing' : '' },
        h('td', {}, h('div', {}, f.title || f.url), h('div', { class: 'meta' }, f.url)),
        h('td', {}, f.state || ''),
        h('td', {}, when(health.lastSuccessAt)),
        h('td', {}, String(health.consecutiveFailures || 0)),
        h('td', {}, [health.lastErrorCategory, health.lastErrorMessage].filter(Boolean).join(': ')),
        h('td', {}, String(health.articlesPublished || 0)),
        // a poll whose whole window was new: the feed may turn over faster than it is polled
        h('td', health.suspectedGaps > 0 ? { class: 'gap', title: 'last ' + when(health.lastSuspectedGapAt) } : {},
          String(health.suspectedGaps || 0)));
      body.append(row);
    });
  }

  $('filters').addEventListener('submit', e => { e.preventDefault(); readForm(); refresh(); });
  $('more').addEventListener('click', () => loadArticles(true).catch(err => status(err.message)));
  $('key-form').addEventListener('submit', e => {
    e.preventDefault();
    sessionStorage.setItem('newsflow.key', $('api-key').value.trim());
    loadFeeds().then(() => { $('feed-status').textContent = ''; }).catch(err => { $('feed-status').textContent = err.message; });
  });
  $('add-feed').addEventListener('submit', e => {
    e.preventDefault();
    const body = { url: $('feed-url').value.trim() };
    if ($('feed-title').value.trim()) body.title = $('feed-title').value.trim();
    api('/api/v1/feeds', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(f => { $('feed-status').textContent = 'Registered ' + (f.title || f.url) + ' (' + f.feedId + ')'; return loadFeeds(); })
      .catch(err => { $('feed-status').textContent = 'Not added: ' + err.message; });
  });
  // Actor type-ahead over GET /api/v1/actors (names and aliases): waits for a pause in typing, drops
  // answers that arrive after a newer one, and keeps the actors already chosen before the last comma.
  let suggestTimer = null;
  let suggestSeq = 0;
  $('actors').addEventListener('input', () => {
    clearTimeout(suggestTimer);
    const parts = $('actors').value.split(',');
    const word = parts.pop().trim();
    if (word.length < 2) {
      $('actor-suggestions').replaceChildren();
      return;
    }
    const chosen = parts.map(s => s.trim()).filter(Boolean);
    suggestTimer = setTimeout(() => {
      const seq = ++suggestSeq;
      api('/api/v1/actors?' + new URLSearchParams({ q: word, limit: 8 })).then(found => {
        if (seq !== suggestSeq) return;
        $('actor-suggestions').replaceChildren(...(found || []).map(a => {
          const label = [a.name || a.actorId, a.type ? a.type.toLowerCase() : null,
            a.articleCount !== undefined ? a.articleCount + ' articles' : null].filter(Boolean).join(' · ');
          return h('option', { value: chosen.concat(a.actorId).join(', '), 'data-actor-id': a.actorId }, label);
        }));
      }).catch(() => {});
    }, 150);
  });

  readUrl();
  loadThemes().catch(err => status(err.message)).finally(refresh);
})();
