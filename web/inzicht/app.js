// The Inzicht tab: Teams SSO token → the bot's figures API → charts (ECharts) with a table beside each.
// No figure is in this file or the page: everything shown comes from the API after the server checked the role.
import {
  provideFluentDesignSystem,
  fluentButton,
  fluentCard,
  baseLayerLuminance,
  StandardLuminance,
} from './fluent.min.js';

provideFluentDesignSystem().register(fluentButton(), fluentCard());

const teams = window.microsoftTeams;
const echarts = window.echarts;
const main = document.getElementById('main');
const state = { texts: {}, locale: 'nl', theme: 'default', token: '', period: '', local: false, charts: [] };

const t = (key, params = {}) =>
  String(key.split('.').reduce((node, part) => (node ? node[part] : undefined), state.texts) ?? key).replace(
    /\{(\w+)\}/g,
    (m, name) => (name in params ? String(params[name]) : m),
  );

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function show(...nodes) {
  for (const chart of state.charts) chart.dispose();
  state.charts = [];
  main.replaceChildren(...nodes);
  main.setAttribute('aria-busy', 'false');
}

function notice(title, message) {
  show(
    el('section', { class: 'notice', role: 'alert' }, el('h1', { text: title }), el('p', { text: message })),
  );
}

function applyTheme(theme) {
  state.theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  document.documentElement.dataset.theme = state.theme;
  baseLayerLuminance.setValueFor(
    document.documentElement,
    state.theme === 'default' ? StandardLuminance.LightMode : StandardLuminance.DarkMode,
  );
}

async function loadTexts(lang) {
  const res = await fetch(`api/texts?lang=${encodeURIComponent(lang)}`);
  const body = await res.json();
  state.texts = body.texts.inzicht ? body.texts.inzicht : body.texts;
  state.locale = body.locale;
  state.local = !!body.local;
  document.documentElement.lang = body.locale;
  document.title = t('title');
}

function withTimeout(promise, ms) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms)),
  ]);
}

function periods() {
  const now = new Date();
  const year = now.getFullYear();
  const quarter = Math.floor(now.getMonth() / 3) + 1;
  const out = [year, year - 1, year - 2].map((y) => ({ value: String(y), label: `${t('year')} ${y}` }));
  let index = year * 4 + quarter - 1;
  for (let i = 0; i < 8; i++, index--) {
    const q = `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    out.push({ value: q, label: `${t('quarter')} ${q}` });
  }
  return out;
}

async function api(path) {
  const sep = path.includes('?') ? '&' : '?';
  return fetch(`api/${path}${sep}lang=${state.locale}`, {
    headers: { Authorization: `Bearer ${state.token}` },
  });
}

async function download(path, filename) {
  const res = await api(path);
  if (!res.ok) return refused(res);
  const url = URL.createObjectURL(await res.blob());
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function refused(res) {
  const body = await res.json().catch(() => ({}));
  if (res.status === 401 || res.status === 403)
    return notice(body.title ?? t('signIn.title'), body.message ?? '');
  return notice(t('title'), body.message ?? t('error'));
}

async function loadFigures(period) {
  state.period = period;
  main.setAttribute('aria-busy', 'true');
  const res = await api(`figures?period=${encodeURIComponent(period)}`);
  if (!res.ok) return refused(res);
  render(await res.json());
}

const palette = {
  default: ['#5b5fc7', '#c4314b', '#13a10e', '#ca5010', '#0f6cbd', '#8764b8', '#038387', '#986f0b'],
  dark: ['#9ea2ff', '#f1707b', '#54b054', '#f7894a', '#62abf5', '#b696e0', '#4bc2c0', '#e0b351'],
  contrast: ['#ffff00', '#00ffff', '#ff00ff', '#00ff00', '#ffffff', '#ff8000', '#80c0ff', '#ff8080'],
};

function chartOption(figure) {
  const fg = getComputedStyle(document.documentElement).getPropertyValue('--fg').trim();
  const line = getComputedStyle(document.documentElement).getPropertyValue('--line').trim();
  const kind = figure.chart === 'line' ? 'line' : 'bar';
  const series = figure.rows
    .filter((row) => row.inChart)
    .map((row, i) => ({
      name: row.label,
      type: kind,
      stack: figure.chart === 'stackedBar' ? 'total' : undefined,
      connectNulls: false,
      data: row.cells.map((c) => c.value),
      ...(i === 0 && figure.reference
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', color: fg, width: 2 },
              label: { formatter: figure.reference.label, color: fg, position: 'insideEndTop' },
              data: [{ yAxis: figure.reference.value }],
            },
          }
        : {}),
    }));
  return {
    animation: false,
    color: palette[state.theme],
    backgroundColor: 'transparent',
    textStyle: { fontFamily: 'Segoe UI, sans-serif', color: fg },
    aria: { enabled: true, decal: { show: true } },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: fg }, type: 'scroll' },
    grid: { left: 48, right: 16, top: 40, bottom: 56 },
    xAxis: {
      type: 'category',
      data: figure.columns,
      // Long labels (doorbraken) are cut on the axis; the table beside the chart has them in full.
      axisLabel: {
        color: fg,
        rotate: figure.columns.length > 6 ? 30 : 0,
        formatter: (v) => (v.length > 22 ? `${v.slice(0, 21)}…` : v),
      },
      axisLine: { lineStyle: { color: line } },
    },
    yAxis: {
      type: 'value',
      max: figure.unit === 'percent' ? 100 : undefined,
      minInterval: figure.unit === 'count' ? 1 : undefined,
      axisLabel: { color: fg },
      splitLine: { lineStyle: { color: line } },
    },
    series,
  };
}

function table(figure) {
  const head = el('tr', {}, el('th', { scope: 'col', text: t('figure') }));
  for (const c of figure.columns) head.append(el('th', { scope: 'col', text: c }));
  const body = el('tbody');
  for (const row of figure.rows) {
    const tr = el('tr', {}, el('th', { scope: 'row', text: row.label }));
    for (const cell of row.cells) tr.append(el('td', { text: cell.text }));
    body.append(tr);
  }
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `${t('table')}: ${figure.title}` },
    el('table', {}, el('caption', { text: figure.title }), el('thead', {}, head), body),
  );
}

function figureCard(figure) {
  const chart = el('div', { class: 'chart', 'data-figure': figure.id });
  const card = el(
    'fluent-card',
    { class: 'figure', id: `figure-${figure.id.replace(/\./g, '-')}` },
    el('h3', { text: figure.title }),
    el('p', { class: 'muted', text: figure.description }),
    chart,
    table(figure),
  );
  return { card, chart };
}

function render(data) {
  const select = el('select', { id: 'period' });
  for (const p of periods()) {
    const option = el('option', { value: p.value, text: p.label });
    if (p.value === state.period) option.selected = true;
    select.append(option);
  }
  if (![...select.options].some((o) => o.selected))
    select.prepend(el('option', { value: state.period, text: state.period, selected: '' }));
  select.addEventListener('change', () => loadFigures(select.value));
  const year = state.period.slice(0, 4);
  const button = (label, onClick) => {
    const b = el('fluent-button', { appearance: 'outline', text: label });
    b.addEventListener('click', onClick);
    return b;
  };
  const toolbar = el(
    'div',
    { class: 'toolbar' },
    el('div', {}, el('label', { for: 'period', text: t('period') }), select),
    button(t('csv'), () => download(`figures.csv?period=${state.period}`, `inzicht-${state.period}.csv`)),
    button(t('reportDocx', { year }), () => download(`report.docx?year=${year}`, `jaarverslag-${year}.docx`)),
    button(t('reportCsv', { year }), () => download(`report.csv?year=${year}`, `jaarverslag-${year}.csv`)),
  );
  const charts = [];
  const sections = data.sections.map((s) => {
    const grid = el('div', { class: 'figures' });
    for (const f of s.figures) {
      const { card, chart } = figureCard(f);
      grid.append(card);
      charts.push([chart, f]);
    }
    return el(
      'section',
      { 'aria-labelledby': `section-${s.id}` },
      el('h2', { id: `section-${s.id}`, text: s.title }),
      grid,
    );
  });
  show(
    el('h1', { text: t('title') }),
    el('p', { class: 'muted', text: t('intro') }),
    toolbar,
    el('p', { class: 'muted', text: t('under5') }),
    ...sections,
  );
  for (const [node, figure] of charts) {
    const chart = echarts.init(node, state.theme === 'default' ? null : 'dark', { renderer: 'svg' });
    chart.setOption(chartOption(figure));
    state.charts.push(chart);
  }
  document.body.dataset.ready = 'true';
}

/** The framing page's origin when it is on loopback (teams-js matches an exact host and port). */
function loopbackHost() {
  const origin =
    location.ancestorOrigins?.[0] ?? (document.referrer ? new URL(document.referrer).origin : '');
  return /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin) ? [origin] : [];
}

async function start() {
  await loadTexts(navigator.language || 'nl');
  document.getElementById('status').textContent = t('loading');
  try {
    // Local mode (tests, dev) only: the fake Teams host runs on loopback, which teams-js must be told to trust.
    const origins = state.local ? loopbackHost() : undefined;
    await withTimeout(teams.app.initialize(origins), 8000);
    const context = await teams.app.getContext();
    applyTheme(context.app.theme);
    if (context.app.locale && !context.app.locale.toLowerCase().startsWith(state.locale.toLowerCase()))
      await loadTexts(context.app.locale);
    teams.app.registerOnThemeChangeHandler((theme) => {
      applyTheme(theme);
      if (state.token) loadFigures(state.period);
    });
    state.token = await withTimeout(teams.authentication.getAuthToken(), 15000);
  } catch {
    return notice(t('signIn.title'), t('signIn.body'));
  }
  const wanted = new URLSearchParams(location.search).get('period');
  await loadFigures(wanted && /^\d{4}(-Q[1-4])?$/.test(wanted) ? wanted : String(new Date().getFullYear()));
}

start().catch(() => notice(t('title'), t('error')));
