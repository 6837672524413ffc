// The search page of `newsq serve`: reads the search from the page URL, asks /api/search and
// draws the hits, facets, timeline and pager. Every navigation is a real link or form whose
// state lives in the URL (history.pushState), so results can be linked and Back works.
// Text from the API only ever reaches the page through text nodes and setAttribute.
'use strict';

const PAGE_SIZE = 10;
const FACET_LIMIT = 8;
const TIMELINE_UNIT = 'month'; // the server may answer with a coarser one
const QUOTES_PER_HIT = 2;

// The facets the API returns, in display order. A `filter` facet adds a URL parameter
// (section=, source=, lang=); a `field` facet adds field:"value" to the query text.
const FACETS = [
  { key: 'section', label: 'Section', filter: 'sections' },
  { key: 'source', label: 'Source', filter: 'sources' },
  { key: 'language', label: 'Language', filter: 'langs' },
  { key: 'person', label: 'People', field: 'person' },
  { key: 'organization', label: 'Organisations', field: 'org' },
  { key: 'place', label: 'Places', field: 'place' },
  { key: 'speaker', label: 'Quoted', field: 'speaker' },
];

const byId = (id) => document.getElementById(id);
let inFlight = null; // the AbortController of the search being fetched
let archiveShown = false; // whether the idle page's archive summary was fetched

// ---------------------------------------------------------------------------------------------
// DOM helpers: nodes are built with text children and attributes, never from HTML strings.

function el(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attrs, children);
}

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== ''));
  return node;
}

// `text` with the [begin, end) code point ranges wrapped in <mark>.
function markedText(text, ranges) {
  const chars = Array.from(text);
  const sorted = [...(ranges || [])].sort((a, b) => a[0] - b[0]);
  const out = document.createDocumentFragment();
  let pos = 0;
  for (const [begin, rangeEnd] of sorted) {
    const end = Math.min(rangeEnd, chars.length);
    if (begin < pos || end <= begin) continue; // overlapping or empty
    out.append(chars.slice(pos, begin).join(''), el('mark', {}, chars.slice(begin, end).join('')));
    pos = end;
  }
  out.append(chars.slice(pos).join(''));
  return out;
}

// Only http(s) links from the data become hrefs (no javascript: or data: URLs).
function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function formatDate(date) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date || '');
  if (!match) return null;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.toLocaleDateString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC',
  });
}

function plural(count, word) {
  return `${count.toLocaleString()} ${word}${count === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// State: what the page URL holds.

function readState(search = window.location.search) {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') || '',
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    offset: Math.max(0, Number.parseInt(params.get('offset'), 10) || 0),
    sections: params.getAll('section'),
    sources: params.getAll('source'),
    langs: params.getAll('lang'),
    since: params.get('since') || '',
    until: params.get('until') || '',
  };
}

function stateParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.offset > 0) params.set('offset', String(state.offset));
  for (const section of state.sections) params.append('section', section);
  for (const source of state.sources) params.append('source', source);
  for (const lang of state.langs) params.append('lang', lang);
  if (state.since) params.set('since', state.since);
  if (state.until) params.set('until', state.until);
  return params;
}

function pageUrl(state) {
  const query = stateParams(state).toString();
  return window.location.pathname + (query ? `?${query}` : '');
}

function apiUrl(state) {
  const params = stateParams(state);
  params.set('sort', state.sort);
  params.set('limit', String(PAGE_SIZE));
  params.set('facets', String(FACET_LIMIT));
  params.set('timeline', TIMELINE_UNIT);
  return `api/search?${params}`;
}

// Whether there is anything to search for: words, or filters alone (which list their articles).
function hasSearch(state) {
  return Boolean(state.q.trim() || state.sections.length || state.sources.length
    || state.langs.length || state.since || state.until);
}

// A new state: the changes applied, back on the first page.
function changed(state, changes) {
  return { ...state, offset: 0, ...changes };
}

// field:"value" for the query text (the query syntax has no escape for a double quote).
function fieldTerm(field, value) {
  return `${field}:"${value.replaceAll('"', '')}"`;
}

function toggleTerm(q, term) {
  if (q.includes(term)) return q.replace(term, '').replace(/\s+/g, ' ').trim();
  return `${q.trim()} ${term}`.trim();
}

function toggleValue(list, value) {
  const lower = value.toLowerCase();
  const kept = list.filter((item) => item.toLowerCase() !== lower);
  return kept.length === list.length ? [...list, value] : kept;
}

function hasValue(list, value) {
  return list.some((item) => item.toLowerCase() === value.toLowerCase());
}

// A link to another state of this page; clicks on it are handled without reloading.
function navLink(state, attrs, ...children) {
  return el('a', { href: pageUrl(state), 'data-nav': true, ...attrs }, ...children);
}

// A link to the search for one article, by id.
function idLink(state, id) {
  const alone = {
    q: fieldTerm('id', id), sections: [], sources: [], langs: [], since: '', until: '',
  };
  return navLink(changed(state, alone), {}, id);
}

// ---------------------------------------------------------------------------------------------
// Fetching

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// The JSON at `url`, or null when a newer request replaced this one.
async function fetchJson(url) {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  try {
    const response = await fetch(url, {
      signal: controller.signal, headers: { Accept: 'application/json' },
    });
    const body = await response.json().catch(() => null);
    if (controller !== inFlight) return null;
    if (!response.ok) {
      throw new ApiError(response.status, body?.error?.message || response.statusText);
    }
    if (!body) throw new ApiError(response.status, 'the server did not answer with JSON');
    return body;
  } catch (error) {
    if (error.name === 'AbortError') return null;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Showing a state

async function show(state) {
  fillForm(state);
  document.title = state.q ? `${state.q} — newsq` : 'newsq — search the archive';
  if (!hasSearch(state)) {
    inFlight?.abort();
    clearPage();
    setStatus('idle');
    renderArchive();
    return;
  }
  setStatus('loading');
  let data;
  try {
    data = await fetchJson(apiUrl(state));
  } catch (error) {
    renderError(error);
    return;
  }
  if (data) render(state, data);
}

function setStatus(status) {
  const main = byId('main');
  main.dataset.status = status;
  main.setAttribute('aria-busy', String(status === 'loading'));
  byId('intro').hidden = status !== 'idle';
}

function fillForm(state) {
  byId('q').value = state.q;
  byId('sort').value = state.sort;
}

function clearPage() {
  byId('summary').replaceChildren();
  for (const id of ['suggestion', 'error', 'chips', 'timeline', 'pager', 'facets']) {
    byId(id).hidden = true;
  }
  byId('results').replaceChildren();
}

function render(state, data) {
  clearPage();
  renderSummary(state, data);
  renderSuggestion(state, data.suggestion);
  renderChips(state);
  renderTimeline(data.timeline);
  byId('results').append(...data.hits.map((hit) => renderHit(state, hit)));
  renderPager(state, data);
  renderFacets(state, data.facets);
  setStatus(data.hits.length ? 'ready' : 'empty');
}

function renderSummary(state, data) {
  const summary = byId('summary');
  const total = data.total_estimate;
  const query = state.q ? [' for ', el('q', {}, state.q)] : [];
  if (data.hits.length === 0) {
    const filtered = state.sections.length || state.sources.length || state.langs.length
      || state.since || state.until;
    summary.append(total > 0 ? 'No more results' : 'No articles found', ...query, '.',
      filtered && total === 0 ? ' Try removing a filter.' : '');
    return;
  }
  const first = data.offset + 1;
  const last = data.offset + data.hits.length;
  summary.append(`Results ${first}–${last} of ${data.total_exact ? '' : 'about '}`,
    el('strong', { class: 'total' }, total.toLocaleString()), ...query);
}

function renderSuggestion(state, suggestion) {
  if (!suggestion) return;
  const box = byId('suggestion');
  box.replaceChildren('Did you mean ',
    navLink(changed(state, { q: suggestion }), {}, el('em', {}, suggestion)), '?');
  box.hidden = false;
}

function renderError(error) {
  clearPage();
  const box = byId('error');
  if (error instanceof ApiError && error.status === 400) {
    box.replaceChildren(el('strong', {}, 'Your query could not be read: '), error.message);
  } else if (error instanceof ApiError) {
    box.replaceChildren(el('strong', {}, `Search failed (${error.status}): `), error.message);
  } else {
    box.replaceChildren(el('strong', {}, 'Search failed: '), 'the server could not be reached.');
  }
  box.hidden = false;
  setStatus('error');
}

// The idle page says what the archive holds and links to each section (from /api/stats).
async function renderArchive() {
  if (archiveShown) return;
  archiveShown = true;
  let stats;
  try {
    const response = await fetch('api/stats', { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    stats = await response.json();
  } catch {
    return; // the intro does without
  }
  const from = formatDate(stats.first_date);
  const to = formatDate(stats.last_date);
  const archive = byId('archive');
  archive.append(el('p', {}, `The archive holds ${plural(stats.articles, 'article')}`,
    from && to ? ` published from ${from} to ${to}` : '', '.'));
  if (stats.sections?.length) {
    archive.append(el('p', { id: 'browse-heading' }, 'Browse a section:'),
      el('ul', { class: 'browse', 'aria-labelledby': 'browse-heading' },
        ...stats.sections.map(({ value, count }) => sectionLink(value, count))));
  }
}

function sectionLink(section, count) {
  return el('li', {},
    navLink(changed(readState(''), { sections: [section] }), {}, section),
    el('span', { class: 'count' }, ` ${count.toLocaleString()}`));
}

// ---------------------------------------------------------------------------------------------
// Active filters, as removable chips

function renderChips(state) {
  const chips = [
    ...state.sections.map((value) =>
      chip('Section', value, changed(state, { sections: toggleValue(state.sections, value) }))),
    ...state.sources.map((value) =>
      chip('Source', value, changed(state, { sources: toggleValue(state.sources, value) }))),
    ...state.langs.map((value) =>
      chip('Language', value, changed(state, { langs: toggleValue(state.langs, value) }))),
  ];
  if (state.since) chips.push(chip('Since', state.since, changed(state, { since: '' })));
  if (state.until) chips.push(chip('Until', state.until, changed(state, { until: '' })));
  const list = byId('chips');
  list.replaceChildren(...chips);
  list.hidden = chips.length === 0;
}

function chip(label, value, without) {
  return el('li', { class: 'chip' },
    el('span', {}, `${label}: `, el('b', {}, value)),
    navLink(without, {
      class: 'chip-remove', 'aria-label': `Remove filter ${label}: ${value}`, title: 'Remove',
    }, '×'));
}

// ---------------------------------------------------------------------------------------------
// One hit

function renderHit(state, hit) {
  return el('li', { class: 'hit' },
    el('article', {},
      hitTitle(hit),
      hitMeta(hit),
      hit.snippet ? el('p', { class: 'snippet' }, markedText(hit.snippet, hit.highlights)) : null,
      hitQuotes(state, hit.quotes || []),
      hit.cluster ? hitCluster(state, hit.cluster) : null));
}

function hitTitle(hit) {
  const title = hit.title || '(no headline)';
  const href = safeHref(hit.url);
  return el('h2', { class: 'hit-title' }, href ? el('a', { href }, title) : title);
}

function hitMeta(hit) {
  const date = formatDate(hit.date);
  return el('p', { class: 'meta' },
    date ? el('time', { datetime: hit.date }, date) : null,
    hit.section ? el('span', { class: 'section' }, hit.section) : null,
    hit.source ? el('span', { class: 'source' }, hit.source) : null,
    hit.author ? el('span', { class: 'author' }, `by ${hit.author}`) : null);
}

// Up to QUOTES_PER_HIT quotes, those holding a match first.
function hitQuotes(state, quotes) {
  const chosen = [...quotes].sort((a, b) => Number(b.matched) - Number(a.matched))
    .slice(0, QUOTES_PER_HIT);
  if (chosen.length === 0) return null;
  return el('ul', { class: 'quotes', 'aria-label': 'Quotes' },
    ...chosen.map((quote) => quoteItem(state, quote)));
}

function quoteItem(state, quote) {
  return el('li', { class: quote.matched ? 'quote matched' : 'quote' },
    // The comma before an attribution ("…," she said) is dropped; the ranges stay valid.
    el('q', {}, markedText(quote.text.replace(/,\s*$/, ''), quote.highlights)),
    quote.speaker
      ? el('span', { class: 'speaker' }, ' — ',
        navLink(changed(state, { q: toggleTerm(state.q, fieldTerm('speaker', quote.speaker)) }),
          { title: `Articles quoting ${quote.speaker}` }, quote.speaker))
      : null);
}

// "+N similar": the other members of the duplicate cluster, each a link to itself.
function hitCluster(state, cluster) {
  return el('details', { class: 'cluster' },
    el('summary', {}, `+${cluster.size - 1} similar`),
    el('ul', {}, ...cluster.copies.map((id) => el('li', {}, idLink(state, id),
      id === cluster.canonical ? el('span', { class: 'canonical' }, ' (original)') : null))));
}

// ---------------------------------------------------------------------------------------------
// Pager

function renderPager(state, data) {
  const limit = data.limit || PAGE_SIZE;
  const hasPrevious = data.offset > 0;
  const hasNext = data.hits.length === limit
    && data.offset + data.hits.length < data.total_estimate;
  if (!hasPrevious && !hasNext) return;
  const pages = Math.max(1, Math.ceil(data.total_estimate / limit));
  const page = Math.floor(data.offset / limit) + 1;
  const pager = byId('pager');
  const about = data.total_exact ? '' : 'about ';
  pager.replaceChildren(
    hasPrevious
      ? navLink({ ...state, offset: previousOffset(data, limit) }, { rel: 'prev' }, '← Previous')
      : el('span', { class: 'disabled', 'aria-hidden': 'true' }, '← Previous'),
    page <= pages ? el('span', { class: 'page' }, `Page ${page} of ${about}${pages}`) : '',
    hasNext
      ? navLink({ ...state, offset: data.offset + limit }, { rel: 'next' }, 'Next →')
      : el('span', { class: 'disabled', 'aria-hidden': 'true' }, 'Next →'));
  pager.hidden = false;
}

// The page before, or the last page when the offset went past the end.
function previousOffset(data, limit) {
  const last = Math.max(0, Math.ceil(data.total_estimate / limit) - 1) * limit;
  return Math.min(Math.max(0, data.offset - limit), last);
}

// ---------------------------------------------------------------------------------------------
// Facets

function renderFacets(state, facets) {
  if (!facets) return;
  const groups = FACETS.filter((facet) => facets[facet.key]?.length)
    .map((facet) => facetGroup(state, facet, facets[facet.key]));
  byId('facet-groups').replaceChildren(...groups);
  byId('facets').hidden = groups.length === 0;
}

function facetGroup(state, facet, values) {
  const headingId = `facet-${facet.key}`;
  return el('section', { class: 'facet', 'data-facet': facet.key, 'aria-labelledby': headingId },
    el('h3', { id: headingId }, facet.label),
    el('ul', {}, ...values.map((value) => facetItem(state, facet, value))));
}

// A facet value links to the state with it selected, or unselected when it already is. A count
// estimated from a sample of the matches (with `lower` and `upper` bounds) reads "≈N".
function facetItem(state, facet, { value, count, lower, upper }) {
  let selected;
  let next;
  if (facet.filter) {
    selected = hasValue(state[facet.filter], value);
    next = changed(state, { [facet.filter]: toggleValue(state[facet.filter], value) });
  } else {
    const term = fieldTerm(facet.field, value);
    selected = state.q.includes(term);
    next = changed(state, { q: toggleTerm(state.q, term) });
  }
  return el('li', {},
    navLink(next, { class: 'facet-value', 'aria-current': selected ? 'true' : null },
      el('span', { class: 'value' }, value),
      el('span', lower === undefined ? { class: 'count' }
        : { class: 'count', title: `between ${lower.toLocaleString()} and ${upper.toLocaleString()}` },
      `${lower === undefined ? '' : '≈'}${count.toLocaleString()}`)));
}

// ---------------------------------------------------------------------------------------------
// Timeline: one bar per period, drawn in a 10-unit-wide slot each, 100 units high.

function renderTimeline(timeline) {
  const figure = byId('timeline');
  if (!timeline || !timeline.buckets?.length) return;
  const { unit, buckets } = timeline;
  const first = buckets[0].period;
  const last = buckets[buckets.length - 1].period;
  const max = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const chart = svg('svg', {
    viewBox: `0 0 ${buckets.length * 10} 100`, preserveAspectRatio: 'none', role: 'img',
    'aria-label': `Matching articles per ${unit}, ${first} to ${last}, `
      + `at most ${max} in one ${unit}`,
  }, ...buckets.map((bucket, index) => timelineBar(bucket, index, max)));
  const undated = timeline.undated
    ? el('span', { class: 'undated' }, ` · ${plural(timeline.undated, 'undated article')}`) : null;
  figure.replaceChildren(
    el('figcaption', {}, `Matching articles per ${unit}`, undated),
    chart,
    el('div', { class: 'axis', 'aria-hidden': 'true' },
      el('span', {}, first), el('span', {}, last)));
  figure.hidden = false;
}

function timelineBar(bucket, index, max) {
  const height = bucket.count ? Math.max(3, (bucket.count / max) * 100) : 0;
  return svg('g', { class: 'bar' },
    svg('title', {}, `${bucket.period}: ${plural(bucket.count, 'article')}`),
    svg('rect', { class: 'bar-slot', x: index * 10, y: 0, width: 10, height: 100 }),
    svg('rect', {
      class: 'bar-fill', x: index * 10 + 1, y: 100 - height, width: 8, height,
      'data-count': bucket.count,
    }));
}

// ---------------------------------------------------------------------------------------------
// Events

function onSubmit(event) {
  event.preventDefault();
  const state = changed(readState(), { q: byId('q').value.trim(), sort: byId('sort').value });
  history.pushState(null, '', pageUrl(state));
  show(state);
}

function onSortChange() {
  if (hasSearch({ ...readState(), q: byId('q').value })) byId('search-form').requestSubmit();
}

function onLinkClick(event) {
  const link = event.target.closest('a[data-nav]');
  const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
  if (!link || event.button !== 0 || modified) return; // let the browser open a new tab
  event.preventDefault();
  history.pushState(null, '', link.href);
  show(readState());
  byId('summary').focus();
}

byId('search-form').addEventListener('submit', onSubmit);
byId('sort').addEventListener('change', onSortChange);
document.addEventListener('click', onLinkClick);
window.addEventListener('popstate', () => show(readState()));
show(readState());
