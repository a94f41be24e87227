// lmc serve: shows a model's diagram and findings, and redraws when the server says the file
// was saved (server-sent events). Everything it needs comes from lmc itself.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { path: null, server: null, version: -1, svg: null };
  // For tests and the curious: each redraw and each change the server announced, when it
  // happened (ms since the epoch).
  window.lmc = { redraws: [], changes: [] };

  const encodePath = (path) => path.split('/').map(encodeURIComponent).join('/');
  const apiOf = (path) => '/api/model/' + encodePath(path);
  const pageOf = (path) => '/model/' + encodePath(path);

  async function getJSON(url) {
    const response = await fetch(url, { cache: 'no-store' });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(url + ': ' + response.status);
    return response.json();
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function countsText(s) {
    if (s.errors + s.warnings + s.infos === 0) return 'No problems found';
    const parts = [];
    if (s.errors) parts.push(plural(s.errors, 'error', 'errors'));
    if (s.warnings) parts.push(plural(s.warnings, 'warning', 'warnings'));
    if (s.infos) parts.push(plural(s.infos, 'note', 'notes'));
    return parts.join(' · ');
  }

  // ---- One model ----

  function clearHighlights() {
    for (const node of document.querySelectorAll('.lmc-highlight')) {
      node.classList.remove('lmc-highlight');
    }
    for (const node of document.querySelectorAll('.lmc-outline')) {
      node.classList.remove('lmc-outline');
    }
  }

  function boxOf(item) {
    return item ? document.getElementById('item-' + item) : null;
  }

  function highlight(item, from) {
    clearHighlights();
    const box = boxOf(item);
    if (box) {
      box.classList.add('lmc-highlight');
      // The box's own outline: the first shape Graphviz drew for it.
      const shape = box.querySelector('path, polygon');
      if (shape) shape.classList.add('lmc-outline');
    }
    const group = document.querySelector('.group[data-item="' + CSS.escape(item || '') + '"]');
    if (group) group.classList.add('lmc-highlight');
    const target = from === 'finding' ? box : group;
    if (target) target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  function showDiagram(svgText, stale) {
    const holder = $('diagram');
    holder.classList.toggle('stale', stale);
    if (!svgText || svgText === state.svg) return false;
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const svg = doc.documentElement;
    if (svg.nodeName !== 'svg') return false;
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    holder.replaceChildren(document.importNode(svg, true));
    state.svg = svgText;
    for (const box of holder.querySelectorAll('g.node[id^="item-"]')) {
      box.classList.add('box');
      box.addEventListener('click', () => highlight(box.id.slice(5), 'box'));
    }
    return true;
  }

  function showFindings(findings) {
    const groups = $('groups');
    groups.replaceChildren();
    $('no-findings').hidden = findings.length > 0;
    const byItem = new Map();
    for (const f of findings) {
      const key = f.item || '';
      if (!byItem.has(key)) byItem.set(key, []);
      byItem.get(key).push(f);
    }
    for (const [item, list] of byItem) {
      const group = el('section', 'group');
      group.dataset.item = item;
      const heading = el('h3', '', item ? (list[0].label || item) : 'The model as a whole');
      if (item && list[0].label) heading.append(' ', el('span', 'id', '(' + item + ')'));
      group.append(heading);
      const ul = el('ul');
      for (const f of list) {
        const li = el('li', 'finding ' + f.severity);
        li.tabIndex = 0;
        li.dataset.item = item;
        li.dataset.rule = f.rule;
        li.append(el('span', 'severity', f.severity), ': ', el('span', 'message', f.message));
        if (f.help) li.append(el('div', 'help', f.help));
        li.append(el('div', 'where', 'line ' + f.line + ', column ' + f.column + ' · ' + f.rule));
        const choose = () => highlight(item, 'finding');
        li.addEventListener('click', choose);
        li.addEventListener('keydown', (e) => { if (e.key === 'Enter') choose(); });
        ul.append(li);
      }
      group.append(ul);
      groups.append(group);
    }
  }

  function showBanner(error, hasDiagram) {
    const banner = $('banner');
    banner.replaceChildren();
    banner.hidden = !error;
    if (!error) return;
    banner.append(hasDiagram
      ? 'The file cannot be read as a logic model, so this is the last diagram that could be drawn. '
      : 'The file cannot be read as a logic model yet. ');
    if (error.line) banner.append(el('span', 'where', 'Line ' + error.line + ', column ' + error.column), ': ');
    banner.append(error.message);
  }

  function showModel(m) {
    // The same drawing again (a reconnect to the same server): keep the page as it is, with
    // whatever is highlighted.
    if (m.server === state.server && m.version === state.version) return;
    state.server = m.server;
    $('model-view').hidden = false;
    $('index-view').hidden = true;
    $('missing').hidden = true;
    const title = m.title || m.path;
    $('title').textContent = title;
    document.title = title + ' · lmc';
    $('counts').textContent = m.error ? '' : countsText(m.summary);
    showBanner(m.error, Boolean(m.svg));
    const redrawn = showDiagram(m.svg, Boolean(m.error));
    if (!m.error) showFindings(m.findings);
    state.version = m.version;
    window.lmc.redraws.push({
      version: m.version,
      at: performance.timeOrigin + performance.now(),
      redrawn,
      error: Boolean(m.error),
    });
  }

  async function loadModel() {
    const m = await getJSON(apiOf(state.path));
    if (!m) return showMissing();
    showModel(m);
  }

  // ---- A directory of models ----

  function showIndex(index) {
    $('model-view').hidden = true;
    $('index-view').hidden = false;
    $('title').textContent = index.root;
    document.title = index.root + ' · lmc';
    $('counts').textContent = plural(index.models.length, 'model', 'models');
    const body = $('models').tBodies[0];
    body.replaceChildren();
    for (const m of index.models) {
      const row = el('tr');
      const name = el('td');
      const link = el('a', '', m.title || m.path);
      link.href = pageOf(m.path);
      name.append(link);
      row.append(name, el('td', 'file', m.path));
      const errors = el('td', 'n', m.error ? 'cannot be read' : String(m.summary.errors));
      if (m.error || m.summary.errors) errors.classList.add('has-errors');
      row.append(errors, el('td', 'n', String(m.summary.warnings)), el('td', 'n', String(m.summary.infos)));
      body.append(row);
    }
    window.lmc.redraws.push({ at: performance.timeOrigin + performance.now(), index: true });
  }

  function showMissing() {
    $('model-view').hidden = true;
    $('index-view').hidden = true;
    $('missing').hidden = false;
    $('title').textContent = 'Not found';
  }

  // ---- Live updates ----

  function connect() {
    const live = $('live');
    const events = new EventSource('/events');
    events.addEventListener('open', () => {
      live.textContent = 'live';
      live.className = 'live on';
      // After a reconnect (the server restarted, or the laptop slept) the model may have moved on.
      refresh();
    });
    events.addEventListener('error', () => {
      live.textContent = 'reconnecting';
      live.className = 'live off';
    });
    events.addEventListener('change', (e) => {
      const change = JSON.parse(e.data);
      window.lmc.changes.push({ at: performance.timeOrigin + performance.now(), change });
      if (state.path === null || change.path === state.path) refresh();
    });
  }

  async function refresh() {
    try {
      if (state.path === null) showIndex(await getJSON('/api/index'));
      else await loadModel();
    } catch (err) {
      console.warn(err);
    }
  }

  // ---- Keys and buttons ----

  function setProjector(on) {
    document.body.classList.toggle('projector', on);
    document.body.classList.toggle('hide-findings', on);
    $('toggle-projector').setAttribute('aria-pressed', String(on));
    if (on && document.documentElement.requestFullscreen && !document.fullscreenElement) {
      document.documentElement.requestFullscreen().catch(() => {});
    } else if (!on && document.fullscreenElement) {
      document.exitFullscreen().catch(() => {});
    }
  }

  function toggleFindings() {
    const hidden = document.body.classList.toggle('hide-findings');
    $('toggle-findings').setAttribute('aria-pressed', String(!hidden));
  }

  function bindKeys() {
    $('toggle-projector').addEventListener('click', () =>
      setProjector(!document.body.classList.contains('projector')));
    $('toggle-findings').addEventListener('click', toggleFindings);
    document.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'p' || e.key === 'P') setProjector(!document.body.classList.contains('projector'));
      else if (e.key === 'f' || e.key === 'F') toggleFindings();
      else if (e.key === 'Escape') {
        if (document.body.classList.contains('projector')) setProjector(false);
        else clearHighlights();
      }
    });
    document.addEventListener('fullscreenchange', () => {
      if (!document.fullscreenElement && document.body.classList.contains('projector')) {
        setProjector(false);
      }
    });
  }

  async function start() {
    bindKeys();
    const path = location.pathname;
    if (path.startsWith('/model/')) {
      state.path = path.slice('/model/'.length).split('/').map(decodeURIComponent).join('/');
      $('home').hidden = false;
    } else if (path === '/') {
      const index = await getJSON('/api/index');
      if (index.single !== null) state.path = index.single;
    } else {
      return showMissing();
    }
    await refresh();
    connect();
  }

  start();
})();
