// A line chart of counts per day, one line per series, drawn as SVG by hand: it is one small chart,
// and a charting library would be the largest asset of the page.
'use strict';
const NewsflowChart = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const COLOURS = ['#0b6e99', '#d97706', '#059669', '#dc2626', '#7c3aed', '#db2777', '#4b5563'];

  function el(name, attrs, text) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** series: [{key, label, points: [{date, count}]}] */
  function draw(container, series) {
    container.replaceChildren();
    const dates = [...new Set(series.flatMap(s => s.points.map(p => p.date)))].sort();
    if (dates.length === 0) {
      container.textContent = 'No articles in this range.';
      return;
    }
    const W = 340, H = 200, L = 30, R = 8, T = 8, B = 46;
    const max = Math.max(1, ...series.flatMap(s => s.points.map(p => p.count)));
    const x = i => L + (dates.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (dates.length - 1));
    const y = v => T + (H - T - B) * (1 - v / max);
    const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Articles per day by theme' });
    svg.append(el('line', { class: 'axis', x1: L, y1: y(0), x2: W - R, y2: y(0) }));
    svg.append(el('line', { class: 'axis', x1: L, y1: T, x2: L, y2: y(0) }));
    svg.append(el('text', { x: L - 4, y: T + 8, 'text-anchor': 'end' }, String(max)));
    svg.append(el('text', { x: L - 4, y: y(0), 'text-anchor': 'end' }, '0'));
    svg.append(el('text', { x: L, y: y(0) + 12 }, dates[0]));
    svg.append(el('text', { x: W - R, y: y(0) + 12, 'text-anchor': 'end' }, dates[dates.length - 1]));
    series.forEach((s, n) => {
      const colour = COLOURS[n % COLOURS.length];
      const byDate = new Map(s.points.map(p => [p.date, p.count]));
      const d = dates.map((date, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(byDate.get(date) || 0).toFixed(1)}`).join(' ');
      svg.append(el('path', { class: 'series', d, stroke: colour, 'data-key': s.key }));
      const lx = L + (n % 3) * 105, ly = H - 16 + Math.floor(n / 3) * 12;
      svg.append(el('rect', { x: lx, y: ly - 8, width: 10, height: 3, fill: colour }));
      svg.append(el('text', { x: lx + 14, y: ly - 4 }, s.label || s.key));
    });
    container.append(svg);
  }

  return { draw };
})();
