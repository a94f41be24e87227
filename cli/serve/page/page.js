// lmc serve: shows a model's diagram and findings, and redraws when the server says the file
// was saved (server-sent events). With `lmc serve --edit` and the editor token, the page edits
// the model too: every change is a list of `lmc edit` operations posted to the server, which
// writes the file and draws it again. Everything it needs comes from lmc itself.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const state = {
    path: null, server: null, version: -1, svg: null,
    model: null,         // the boxes, assumptions and factors, as the file has them
    etag: null,          // of the file the page shows; sent with each change (If-Match)
    editable: false,     // the server let this browser edit (it holds the editor token)
    undo: 0, redo: 0,
    selected: null,      // the box chosen (an id)
    linkFrom: null,      // while linking: the box the link leaves
    trace: null,         // the box whose paths are shown alone
    view: null,          // the diagram's viewBox while zoomed or panned
    busy: false,
  };
  // For tests and the curious: each redraw, each change the server announced, and each edit
  // made from the page (when it was sent and when its drawing was on the page), as ms since
  // the epoch.
  window.lmc = { redraws: [], changes: [], edits: [], holdUpdates: false };
  const now = () => performance.timeOrigin + performance.now();

  const encodePath = (path) => path.split('/').map(encodeURIComponent).join('/');
  const apiOf = (path) => '/api/model/' + encodePath(path);
  const pageOf = (path) => '/model/' + encodePath(path);

  async function getJSON(url) {
    const response = await fetch(url, { cache: 'no-store' });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(url + ': ' + response.status);
    const json = await response.json();
    json.etag = response.headers.get('ETag');
    return json;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(text, title, onClick, className) {
    const b = el('button', className || '', text);
    b.type = 'button';
    if (title) b.title = title;
    b.addEventListener('click', onClick);
    return b;
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

  const typing = (target) => target && target.closest &&
    target.closest('input, textarea, select, dialog, [contenteditable]');

  // ---- The model's structure ----

  const COLUMNS = [
    { section: 'resources', stage: 'resource', name: 'resource', band: 'resources' },
    { section: 'activities', stage: 'activity', name: 'activity', band: 'activities' },
    { section: 'outputs', stage: 'output', name: 'output', band: 'outputs' },
    { section: 'outcomes', stage: 'outcome', term: 'short', name: 'short-term outcome', band: 'outcomes_short' },
    { section: 'outcomes', stage: 'outcome', term: 'medium', name: 'medium-term outcome', band: 'outcomes_medium' },
    { section: 'outcomes', stage: 'outcome', term: 'long', name: 'long-term outcome', band: 'outcomes_long' },
    { section: 'impacts', stage: 'impact', name: 'impact', band: 'impacts' },
  ];
  const STAGES = ['resource', 'activity', 'output', 'outcome', 'impact'];
  const STATUSES = ['untested', 'testing', 'holds', 'fails'];

  const items = () => (state.model ? state.model.items : []);
  const itemOf = (id) => items().find((it) => it.id === id) || null;
  const nameOf = (id) => { const it = itemOf(id); return it ? it.label || id : id; };
  const columnOf = (it) => COLUMNS.find((c) => c.stage === it.stage &&
    (c.stage !== 'outcome' || c.term === (it.term || 'medium')));
  const measurable = (it) => it.stage === 'output' || it.stage === 'outcome' || it.stage === 'impact';

  // Every link of the model, once: [from, to].
  function links() {
    const out = [], seen = new Set();
    const add = (a, b) => {
      const key = a + ' -> ' + b;
      if (!seen.has(key) && itemOf(a) && itemOf(b)) { seen.add(key); out.push([a, b]); }
    };
    for (const it of items()) {
      for (const t of it.to) add(it.id, t);
      for (const f of it.from) add(f, it.id);
    }
    return out;
  }

  // Every id in use, for new ones: boxes, assumptions, factors, indicators.
  function usedIds() {
    const ids = new Set();
    for (const it of items()) {
      ids.add(it.id);
      for (const ind of it.indicators) if (ind.id) ids.add(ind.id);
    }
    for (const a of state.model ? state.model.assumptions : []) if (a.id) ids.add(a.id);
    for (const f of state.model ? state.model.factors : []) if (f.id) ids.add(f.id);
    return ids;
  }

  // An id from a label: its first words, lower-case, joined by hyphens; unique in the model.
  function newId(text, fallback) {
    const words = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
    let base = '';
    for (const w of words) {
      if (base && (base + '-' + w).length > 28) break;
      base = base ? base + '-' + w : w;
    }
    if (!base || !/^[a-z]/.test(base)) base = fallback + (base ? '-' + base : '');
    const used = usedIds();
    let id = base, n = 2;
    while (used.has(id)) id = base + '-' + n++;
    return id;
  }

  // The boxes upstream and downstream of `id`: the paths through it.
  function pathsThrough(id) {
    const next = new Map(), prev = new Map();
    for (const [a, b] of links()) {
      if (!next.has(a)) next.set(a, []);
      if (!prev.has(b)) prev.set(b, []);
      next.get(a).push(b);
      prev.get(b).push(a);
    }
    const walk = (start, step) => {
      const seen = new Set([start]), stack = [start];
      while (stack.length) {
        for (const n of step.get(stack.pop()) || []) {
          if (!seen.has(n)) { seen.add(n); stack.push(n); }
        }
      }
      return seen;
    };
    const down = walk(id, next), up = walk(id, prev);
    return { boxes: new Set([...down, ...up]), down, up };
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
    if (target && target.scrollIntoView) target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  function svgElement() {
    return $('diagram').querySelector('svg');
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
    const hadFocus = document.activeElement && document.activeElement.closest &&
      document.activeElement.closest('#diagram g.box');
    const old = svgElement();
    if (old) old.remove();
    holder.prepend(document.importNode(svg, true));
    state.svg = svgText;
    const drawn = svgElement();
    state.home = drawn.getAttribute('viewBox');
    if (state.view) drawn.setAttribute('viewBox', state.view);
    for (const box of holder.querySelectorAll('g.node[id^="item-"]')) {
      const id = box.id.slice(5);
      box.classList.add('box');
      box.setAttribute('tabindex', '0');
      box.setAttribute('role', 'button');
      box.setAttribute('aria-label', nameOf(id));
      box.addEventListener('click', (e) => boxClicked(id, e));
      box.addEventListener('focus', () => { if (state.editable) select(id, false); });
      box.addEventListener('keydown', (e) => boxKey(id, e));
      box.addEventListener('pointerdown', (e) => dragStart(id, e));
    }
    applyTrace();
    if (state.selected) markSelected();
    placeFeet();
    if (hadFocus && state.selected && boxOf(state.selected)) boxOf(state.selected).focus({ preventScroll: true });
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
        if (state.editable && f.fixes && f.fixes.length) {
          const fixes = el('div', 'fixes');
          for (const fix of f.fixes) {
            const b = button(fix.ask ? fix.title + '…' : fix.title, 'Fix it: ' + fix.title,
              (e) => { e.stopPropagation(); applyFix(fix); }, 'fix');
            fixes.append(b);
          }
          li.append(fixes);
        }
        const choose = () => highlight(item, 'finding');
        li.addEventListener('click', choose);
        li.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target === li) choose(); });
        ul.append(li);
      }
      group.append(ul);
      groups.append(group);
    }
  }

  async function applyFix(fix) {
    const ops = JSON.parse(JSON.stringify(fix.ops));
    if (fix.ask) {
      const answer = await ask(fix.title, 'What is ' + fix.ask + '?');
      if (!answer) return;
      ops[0].label = answer;
    }
    await change(ops);
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

  function notice(text, kind) {
    const n = $('notice');
    n.replaceChildren();
    n.hidden = !text;
    if (!text) return;
    n.className = kind || 'info';
    n.append(el('span', '', text), ' ');
    n.append(button('Close', 'Close this notice', () => { n.hidden = true; }));
  }

  function showModel(m) {
    // The same drawing again (a reconnect to the same server): keep the page as it is, with
    // whatever is highlighted.
    if (m.etag) state.etag = m.etag;
    state.undo = m.undo || 0;
    state.redo = m.redo || 0;
    if (m.server === state.server && m.version === state.version && m.editable === state.editable) {
      updateEditBar();
      return false;
    }
    state.server = m.server;
    state.editable = Boolean(m.editable);
    document.body.classList.toggle('editing', state.editable);
    if (m.model && !m.error) state.model = Object.assign({ title: m.title }, m.model);
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
    if (state.selected && !itemOf(state.selected)) state.selected = null;
    showInspector();
    updateEditBar();
    state.version = m.version;
    window.lmc.redraws.push({ version: m.version, at: now(), redrawn, error: Boolean(m.error) });
    return redrawn;
  }

  async function loadModel() {
    const screen = document.body.classList.contains('projector');
    const m = await getJSON(apiOf(state.path) + (screen ? '?view=screen' : ''));
    if (!m) return showMissing();
    return showModel(m);
  }

  // ---- Changing the model ----

  function updateEditBar() {
    $('edit-tools').hidden = !state.editable;
    $('undo').disabled = !state.undo || state.busy;
    $('redo').disabled = !state.redo || state.busy;
  }

  // What differs between two structures, in words: what the page shows after a 409.
  function differences(before, after) {
    if (!before || !after) return 'the file was changed';
    const was = new Map(before.items.map((it) => [it.id, it]));
    const is = new Map(after.items.map((it) => [it.id, it]));
    const out = [];
    for (const [id, it] of is) {
      if (!was.has(id)) out.push('added “' + (it.label || id) + '”');
      else if (was.get(id).label !== it.label) out.push('“' + was.get(id).label + '” now reads “' + it.label + '”');
    }
    for (const [id, it] of was) if (!is.has(id)) out.push('removed “' + (it.label || id) + '”');
    const links = (m) => new Set(m.items.flatMap((it) => it.to.map((t) => it.id + '→' + t)));
    const l0 = links(before), l1 = links(after);
    const addedLinks = [...l1].filter((l) => !l0.has(l)).length;
    const removedLinks = [...l0].filter((l) => !l1.has(l)).length;
    if (addedLinks) out.push(plural(addedLinks, 'link added', 'links added'));
    if (removedLinks) out.push(plural(removedLinks, 'link removed', 'links removed'));
    if (before.title !== after.title) out.push('the title now reads “' + after.title + '”');
    const da = after.assumptions.length - before.assumptions.length;
    if (da > 0) out.push(plural(da, 'assumption added', 'assumptions added'));
    if (da < 0) out.push(plural(-da, 'assumption removed', 'assumptions removed'));
    return out.length ? out.join('; ') : 'its text changed (comments or layout)';
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'If-Match': state.etag || '' },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    let reply = {};
    try { reply = await response.json(); } catch (e) { reply = {}; }
    return { status: response.status, reply, etag: response.headers.get('ETag') };
  }

  // Sends one change (a list of operations, or an undo or redo) and shows its result.
  async function change(ops, kind) {
    if (!state.editable || state.busy) return false;
    state.busy = true;
    updateEditBar();
    const record = { sent: now(), ops, kind: kind || 'edit' };
    window.lmc.edits.push(record);
    const url = '/api/' + (kind || 'edit') + '/' + encodePath(state.path);
    try {
      const before = state.model;
      const { status, reply, etag } = await post(url, kind ? undefined : ops);
      record.status = status;
      if (status === 200) {
        if (etag) state.etag = etag;
        notice('');
        await loadModel();
        record.drawn = now();
        return true;
      }
      if (status === 409) {
        // Saved meanwhile by someone else (an editor): theirs stays. Show what it changed.
        await loadModel();
        notice('The file was changed on disk since this page read it, so your change was not ' +
          'made. It now shows what is saved: ' + differences(before, state.model) +
          '. Make your change again if it is still needed.', 'conflict');
        return false;
      }
      notice((reply && reply.error) || 'The change could not be made (' + status + ').', 'error');
      return false;
    } catch (err) {
      notice('The change could not be sent: ' + err.message, 'error');
      return false;
    } finally {
      state.busy = false;
      updateEditBar();
    }
  }

  // A dialog asking a question; resolves to the answer, or null when cancelled.
  function ask(title, question, initial) {
    return new Promise((resolve) => {
      const d = $('ask');
      $('ask-title').textContent = title;
      $('ask-question').textContent = question;
      const input = $('ask-input');
      input.value = initial || '';
      const done = (value) => {
        d.close();
        $('ask-ok').onclick = $('ask-cancel').onclick = d.oncancel = input.onkeydown = null;
        resolve(value);
      };
      $('ask-ok').onclick = () => done(input.value.trim() || null);
      $('ask-cancel').onclick = () => done(null);
      d.oncancel = (e) => { e.preventDefault(); done(null); };
      input.onkeydown = (e) => {
        if (e.key === 'Enter') { e.preventDefault(); done(input.value.trim() || null); }
      };
      d.showModal();
      input.focus();
    });
  }

  // A confirmation before something is removed; resolves to true to go ahead.
  function confirmRemove(question, action) {
    return new Promise((resolve) => {
      const d = $('confirm');
      $('confirm-question').textContent = question;
      $('confirm-ok').textContent = action;
      const done = (yes) => {
        d.close();
        $('confirm-ok').onclick = $('confirm-cancel').onclick = d.oncancel = null;
        resolve(yes);
      };
      $('confirm-ok').onclick = () => done(true);
      $('confirm-cancel').onclick = () => done(false);
      d.oncancel = (e) => { e.preventDefault(); done(false); };
      d.showModal();
      $('confirm-cancel').focus();
    });
  }

  // ---- Editing on the diagram ----

  function markSelected() {
    for (const n of document.querySelectorAll('#diagram .selected')) n.classList.remove('selected');
    const box = boxOf(state.selected);
    if (box) box.classList.add('selected');
  }

  function select(id, focus) {
    if (state.selected !== id) {
      state.selected = id;
      showInspector();
    }
    markSelected();
    if (focus && boxOf(id)) boxOf(id).focus({ preventScroll: false });
  }

  function boxClicked(id, e) {
    if (state.dragged) { state.dragged = false; return; }
    if (state.linkFrom) { e.preventDefault(); finishLink(id); return; }
    if (document.body.classList.contains('projector')) { traceBox(state.trace === id ? null : id); return; }
    if (!state.editable) { highlight(id, 'box'); return; }
    // Editing: the side panel shows the box from its top; its findings are marked, not
    // scrolled to.
    highlight(id, 'none');
    select(id, true);
    $('findings').scrollTop = 0;
  }

  function boxKey(id, e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (state.linkFrom && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      finishLink(id);
      return;
    }
    if (e.key === 'Enter' && !state.editable) { e.preventDefault(); highlight(id, 'box'); return; }
    if (e.key === 't' || e.key === 'T') { e.preventDefault(); traceBox(state.trace === id ? null : id); return; }
    if (!state.editable) return;
    if (e.key === 'Enter') { e.preventDefault(); editInPlace(id); }
    else if (e.key === 'l' || e.key === 'L') { e.preventDefault(); startLink(id); }
    else if (e.key === 'n' || e.key === 'N') { e.preventDefault(); addInPlace(columnOf(itemOf(id))); }
    else if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); removeBox(id); }
  }

  // A text field over the diagram at `rect` (client coordinates), committed with Enter.
  function fieldOver(rect, value, placeholder, commit) {
    const holder = $('diagram');
    const at = holder.getBoundingClientRect();
    const field = el('textarea', 'in-place');
    field.value = value;
    field.placeholder = placeholder;
    field.setAttribute('aria-label', placeholder);
    field.style.left = (rect.left - at.left + holder.scrollLeft) + 'px';
    field.style.top = (rect.top - at.top + holder.scrollTop) + 'px';
    field.style.width = Math.max(rect.width, 180) + 'px';
    field.style.minHeight = Math.max(rect.height, 48) + 'px';
    let finished = false;
    const finish = async (keep) => {
      if (finished) return;
      finished = true;
      const text = field.value.replace(/\s+/g, ' ').trim();
      field.remove();
      if (keep && text && text !== value) await commit(text);
    };
    field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); finish(true); }
      else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); finish(false); }
    });
    field.addEventListener('blur', () => finish(true));
    holder.append(field);
    field.focus();
    field.select();
    return field;
  }

  function editInPlace(id) {
    const box = boxOf(id), it = itemOf(id);
    if (!box || !it) return;
    fieldOver(box.getBoundingClientRect(), it.label, 'What the box says', async (label) => {
      await change([{ op: 'set', id, field: 'label', value: label }]);
      if (boxOf(id)) select(id, true);
    });
  }

  // A new box in `column`, typed in a field at the column's foot.
  function addInPlace(column) {
    if (!column || !state.editable) return;
    const foot = document.querySelector('.foot[data-band="' + column.band + '"]');
    const rect = foot ? foot.getBoundingClientRect() : $('diagram').getBoundingClientRect();
    fieldOver(rect, '', 'A new ' + column.name + ': what it says', async (label) => {
      const id = newId(label, column.stage);
      const op = { op: 'add', section: column.section, id, label };
      if (column.term) op.term = column.term;
      if (await change([op]) && boxOf(id)) select(id, true);
    });
  }

  // The `+` under each column of the diagram, where its boxes end.
  function placeFeet() {
    const layer = $('feet');
    layer.replaceChildren();
    const svg = svgElement();
    if (!state.editable || !svg || document.body.classList.contains('projector')) return;
    const holder = $('diagram');
    const at = holder.getBoundingClientRect();
    for (const column of COLUMNS) {
      const bandNode = svg.querySelector('#band-' + CSS.escape(column.band));
      const band = bandNode && (bandNode.querySelector('path, polygon') || bandNode);
      const shown = band || (column.term ? null : svg.querySelector('#header-' + CSS.escape(column.section)));
      if (!shown) continue;
      const r = shown.getBoundingClientRect();
      const foot = button('+', 'Add a ' + column.name + ' (N on a box adds one to its column)',
        () => addInPlace(column), 'foot');
      foot.dataset.band = column.band;
      foot.setAttribute('aria-label', 'Add a ' + column.name);
      foot.style.left = (r.left - at.left + holder.scrollLeft + r.width / 2 - 14) + 'px';
      // Inside the column's band, at its foot (under it the page has the assumptions).
      foot.style.top = (r.bottom - at.top + holder.scrollTop - (band ? 34 : -4)) + 'px';
      layer.append(foot);
    }
  }

  function startLink(id) {
    state.linkFrom = id;
    document.body.classList.add('linking');
    notice('Linking from “' + nameOf(id) + '”: choose the box it leads to (click it, or Tab to it ' +
      'and press Enter). Esc stops.', 'info');
  }

  function stopLink() {
    state.linkFrom = null;
    document.body.classList.remove('linking');
    const line = $('rubber');
    if (line) line.remove();
  }

  async function finishLink(to) {
    const from = state.linkFrom;
    stopLink();
    notice('');
    if (!from || from === to) return;
    if (await change([{ op: 'link', from, to }])) select(to, true);
  }

  // Dragging from a box to another links them; a press that does not move is a click.
  function dragStart(id, e) {
    if (!state.editable || e.button !== 0 || document.body.classList.contains('projector')) return;
    const x0 = e.clientX, y0 = e.clientY;
    let moving = false;
    const svg = svgElement();
    const move = (m) => {
      if (!moving && Math.hypot(m.clientX - x0, m.clientY - y0) < 8) return;
      if (!moving) { moving = true; state.linkFrom = id; document.body.classList.add('linking'); }
      let line = $('rubber');
      if (!line) {
        line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
        line.id = 'rubber';
        svg.append(line);
      }
      const ctm = svg.getScreenCTM().inverse();
      const p0 = new DOMPoint(x0, y0).matrixTransform(ctm);
      const p1 = new DOMPoint(m.clientX, m.clientY).matrixTransform(ctm);
      line.setAttribute('x1', p0.x); line.setAttribute('y1', p0.y);
      line.setAttribute('x2', p1.x); line.setAttribute('y2', p1.y);
    };
    const up = (u) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      if (!moving) return;
      state.dragged = true;
      setTimeout(() => { state.dragged = false; }, 0);
      const under = document.elementFromPoint(u.clientX, u.clientY);
      const box = under && under.closest && under.closest('#diagram g.box');
      if (box && box.id.slice(5) !== id) finishLink(box.id.slice(5));
      else stopLink();
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }

  async function removeBox(id) {
    const it = itemOf(id);
    if (!it) return;
    const n = it.to.length + it.from.length +
      items().filter((o) => o.to.includes(id) || o.from.includes(id)).length;
    const yes = await confirmRemove('Remove “' + (it.label || id) + '”' +
      (n ? ' and its ' + plural(n, 'link', 'links') : '') + '? Undo brings it back.', 'Remove the box');
    if (!yes) { if (boxOf(id)) boxOf(id).focus(); return; }
    state.selected = null;
    await change([{ op: 'delete', id }]);
  }

  async function removeLink(from, to) {
    const yes = await confirmRemove('Remove the link from “' + nameOf(from) + '” to “' + nameOf(to) + '”?',
      'Remove the link');
    if (yes) await change([{ op: 'unlink', from, to }]);
  }

  // ---- The side panel: the chosen box, the assumptions and factors ----

  function field(labelText, control) {
    const wrap = el('label', 'field');
    wrap.append(el('span', '', labelText), control);
    return wrap;
  }

  // A text input that sends `onCommit(value)` on Enter or when left, if it changed.
  function textInput(value, placeholder, onCommit, multiline) {
    const input = el(multiline ? 'textarea' : 'input');
    if (!multiline) input.type = 'text';
    input.value = value || '';
    input.placeholder = placeholder;
    let sent = input.value;
    const commit = () => {
      const v = input.value.trim();
      if (v === sent.trim()) return;
      sent = input.value;
      onCommit(v);
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); commit(); }
      if (e.key === 'Escape') { input.value = sent; input.blur(); }
    });
    input.addEventListener('change', commit);
    return input;
  }

  function selectOf(options, value, onChange) {
    const s = el('select');
    for (const [v, text] of options) {
      const o = el('option', '', text);
      o.value = v;
      if (v === value) o.selected = true;
      s.append(o);
    }
    if (onChange) s.addEventListener('change', () => onChange(s.value));
    return s;
  }

  // An assumption's or factor's target as a person reads it.
  function aboutText(ref) {
    const m = /^(.+?)\s*->\s*(.+)$/.exec(ref);
    return m ? nameOf(m[1]) + ' → ' + nameOf(m[2]) : nameOf(ref);
  }

  function assumptionRow(a) {
    const row = el('li', 'assumption');
    row.dataset.id = a.id || '';
    row.append(el('span', 'tag', a.tag), ' ', el('span', 'text', a.text));
    if (a.about.length) row.append(el('div', 'about', 'About: ' + a.about.map(aboutText).join('; ')));
    if (!state.editable) return row;
    if (!a.id) {
      row.append(el('div', 'help', 'Give it an id in the file to change it here.'));
      return row;
    }
    const text = textInput(a.text, 'What must hold',
      (v) => v && change([{ op: 'set', id: a.id, field: 'text', value: v }]), true);
    text.setAttribute('aria-label', 'Text of ' + a.tag);
    row.append(field('Text', text));
    const status = selectOf(STATUSES.map((s) => [s, s]), a.status,
      (v) => change([{ op: 'set', id: a.id, field: 'status', value: v }]));
    status.setAttribute('aria-label', 'Status of ' + a.tag);
    row.append(field('Status', status));
    row.append(field('Evidence', textInput(a.evidence.join('; '), 'A study, an audit, a survey…',
      (v) => change([{ op: 'set', id: a.id, field: 'evidence',
        value: v.split(';').map((s) => s.trim()).filter(Boolean) }]))));
    row.append(button('Remove ' + a.tag + '…', 'Remove this assumption', async () => {
      if (await confirmRemove('Remove the assumption “' + a.text + '”?', 'Remove it')) {
        await change([{ op: 'delete', id: a.id }]);
      }
    }, 'small danger'));
    return row;
  }

  // The targets an assumption or factor can be about: the box, and each of its links.
  function targetsOf(id) {
    const out = [];
    if (id) {
      out.push([id, '“' + nameOf(id) + '”']);
      for (const [a, b] of links()) {
        if (a === id || b === id) out.push([a + ' -> ' + b, nameOf(a) + ' → ' + nameOf(b)]);
      }
    } else {
      for (const [a, b] of links()) out.push([a + ' -> ' + b, nameOf(a) + ' → ' + nameOf(b)]);
      for (const it of items()) out.push([it.id, '“' + (it.label || it.id) + '”']);
    }
    return out;
  }

  function addAssumptionForm(id) {
    const form = el('div', 'add-form');
    form.append(el('h4', '', 'Add an assumption'));
    const text = textInput('', 'What must hold for this to work?', () => {}, true);
    text.id = 'new-assumption-text';
    const targets = targetsOf(id);
    const about = selectOf(targets, targets.length > 1 ? targets[1][0] : (targets[0] || [''])[0]);
    about.id = 'new-assumption-about';
    const status = selectOf(STATUSES.map((s) => [s, s]), 'untested');
    status.id = 'new-assumption-status';
    const evidence = textInput('', 'Evidence, if any (separate with ;)', () => {});
    evidence.id = 'new-assumption-evidence';
    const add = button('Add assumption', 'Add the assumption (Enter in its text)', async () => {
      const t = text.value.replace(/\s+/g, ' ').trim();
      if (!t) { text.focus(); return; }
      const op = { op: 'add-assumption', id: newId(t, 'assumption'), text: t, about: [about.value], status: status.value };
      const ev = evidence.value.split(';').map((s) => s.trim()).filter(Boolean);
      if (ev.length) op.evidence = ev;
      if (await change([op])) { const again = $('new-assumption-text'); if (again) again.focus(); }
    });
    add.id = 'add-assumption';
    text.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); add.click(); } });
    form.append(field('Text', text), field('About', about), field('Status', status), field('Evidence', evidence), add);
    return form;
  }

  function addFactorForm(id) {
    const form = el('div', 'add-form');
    form.append(el('h4', '', 'Add an external factor'));
    const text = textInput('', 'Something outside the programme that affects it', () => {});
    text.id = 'new-factor-text';
    const targets = targetsOf(id);
    const affects = selectOf(targets, (targets[0] || [''])[0]);
    const add = button('Add factor', 'Add the external factor', async () => {
      const t = text.value.replace(/\s+/g, ' ').trim();
      if (!t) { text.focus(); return; }
      await change([{ op: 'add-factor', id: newId(t, 'factor'), text: t, affects: [affects.value] }]);
    });
    add.id = 'add-factor';
    text.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add.click(); } });
    form.append(field('Text', text), field('Affects', affects), add);
    return form;
  }

  // The side panel drawn again (a change landed, here or from another editor) keeps what is
  // being typed in it: the new-box, indicator, assumption and link drafts, and the field that
  // has the focus, for the same box.
  function showInspector() {
    const panel = $('inspector');
    const same = panel.dataset.item === String(state.selected || '');
    const drafts = {};
    const active = document.activeElement;
    const focused = active && panel.contains(active) && active.id ? active.id : null;
    if (same) {
      for (const input of panel.querySelectorAll('input[id], textarea[id], select[id]')) {
        if (input.id.startsWith('new-') || input.id === 'link-target' || input.id === focused) {
          drafts[input.id] = input.value;
        }
      }
    }
    buildInspector();
    panel.dataset.item = String(state.selected || '');
    for (const [id, value] of Object.entries(drafts)) {
      const input = $(id);
      if (!input || !value || input.value === value) continue;
      if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === value)) continue;
      input.value = value;
    }
    if (focused && $(focused)) $(focused).focus({ preventScroll: true });
  }

  function buildInspector() {
    const panel = $('inspector');
    panel.replaceChildren();
    panel.hidden = !state.editable || !state.model;
    if (panel.hidden) return;
    const it = state.selected ? itemOf(state.selected) : null;
    if (it) {
      const head = el('h2', '', (columnOf(it) || { name: it.stage }).name.replace(/^./, (c) => c.toUpperCase()));
      head.append(' ', el('span', 'id', it.id));
      panel.append(head);
      const label = textInput(it.label, 'What the box says',
        (v) => v && change([{ op: 'set', id: it.id, field: 'label', value: v }]), true);
      label.id = 'box-label';
      panel.append(field('Label', label));
      panel.append(field('Detail', textInput(it.detail, 'More about it, for the page and the report',
        (v) => change([{ op: 'set', id: it.id, field: 'detail', value: v }]), true)));
      if (it.stage === 'outcome') {
        const term = selectOf([['short', 'short'], ['medium', 'medium'], ['long', 'long']], it.term || '',
          (v) => change([{ op: 'set', id: it.id, field: 'term', value: v }]));
        if (!it.term) term.prepend(Object.assign(el('option', '', 'no term yet'), { value: '', selected: true }));
        panel.append(field('Term', term));
      }
      // Its links: out, with a way to add one; in.
      const outs = el('ul', 'links');
      for (const [a, b] of links()) {
        if (a !== it.id) continue;
        const li = el('li', '', 'Leads to “' + nameOf(b) + '” ');
        li.append(button('Remove', 'Remove this link', () => removeLink(a, b), 'small'));
        outs.append(li);
      }
      for (const [a, b] of links()) {
        if (b !== it.id) continue;
        const li = el('li', '', 'Comes from “' + nameOf(a) + '” ');
        li.append(button('Remove', 'Remove this link', () => removeLink(a, b), 'small'));
        outs.append(li);
      }
      panel.append(el('h4', '', 'Links'), outs);
      const later = STAGES.indexOf(it.stage);
      const candidates = items().filter((o) => o.id !== it.id && STAGES.indexOf(o.stage) >= later &&
        !links().some(([a, b]) => a === it.id && b === o.id));
      if (candidates.length) {
        const target = selectOf(candidates.map((o) => [o.id, o.label || o.id]), candidates[0].id);
        target.id = 'link-target';
        target.setAttribute('aria-label', 'The box it leads to');
        const row = el('div', 'row');
        row.append(target, button('Link', 'Link it to the box chosen (L on a box, then the other box)',
          () => change([{ op: 'link', from: it.id, to: target.value }])));
        panel.append(row);
      }
      if (measurable(it)) {
        const ul = el('ul', 'indicators');
        for (const ind of it.indicators) ul.append(el('li', '', ind.label));
        const input = textInput('', 'How you will count it', (v) => {
          if (v) change([{ op: 'add-indicator', item: it.id, label: v }]);
        });
        input.id = 'new-indicator';
        panel.append(el('h4', '', 'Indicators'), ul, field('Add an indicator', input));
      }
      const about = state.model.assumptions.filter((a) => a.about.some((r) =>
        r === it.id || r.split(/\s*->\s*/).includes(it.id)));
      if (about.length) {
        const ul = el('ul', 'assumptions');
        for (const a of about) ul.append(assumptionRow(a));
        panel.append(el('h4', '', 'Assumptions about it'), ul);
      }
      panel.append(addAssumptionForm(it.id));
      panel.append(addFactorForm(it.id));
      const remove = button('Remove this box…', 'Remove the box and its links (Delete)', () => removeBox(it.id), 'danger');
      panel.append(remove);
    } else {
      panel.append(el('h2', '', 'The whole model'));
      panel.append(el('p', 'help', 'Tab to a box and press Enter to change its text; L links it to ' +
        'another box; N adds a box to its column; Delete removes it. The + under a column adds a box.'));
      const ul = el('ul', 'assumptions');
      for (const a of state.model.assumptions) ul.append(assumptionRow(a));
      if (state.model.assumptions.length) panel.append(el('h4', '', 'Assumptions'), ul);
      panel.append(addAssumptionForm(null));
      if (state.model.factors.length) {
        const fl = el('ul', 'factors');
        for (const f of state.model.factors) {
          const li = el('li', '');
          li.append(el('span', 'tag', f.tag), ' ', f.text);
          if (f.affects.length) li.append(el('div', 'about', 'Affects: ' + f.affects.map(aboutText).join('; ')));
          fl.append(li);
        }
        panel.append(el('h4', '', 'External factors'), fl);
      }
      panel.append(addFactorForm(null));
    }
  }

  // ---- The projector: the paths through a box, zoom and pan ----

  function applyTrace() {
    const svg = svgElement();
    if (!svg) return;
    const paths = state.trace && itemOf(state.trace) ? pathsThrough(state.trace) : null;
    svg.classList.toggle('tracing', Boolean(paths));
    for (const box of svg.querySelectorAll('g.node[id^="item-"]')) {
      box.classList.toggle('on-path', Boolean(paths && paths.boxes.has(box.id.slice(5))));
    }
    // A link is on a path when both its ends are upstream of the box, or both downstream.
    for (const edge of svg.querySelectorAll('g.edge[id^="link."]')) {
      const [, a, b] = edge.id.split('.');
      edge.classList.toggle('on-path', Boolean(paths &&
        ((paths.down.has(a) && paths.down.has(b)) || (paths.up.has(a) && paths.up.has(b)))));
    }
  }

  function traceBox(id) {
    state.trace = id && itemOf(id) ? id : null;
    applyTrace();
    const t = $('trace-note');
    t.hidden = !state.trace;
    t.textContent = state.trace ? 'Showing the paths through “' + nameOf(state.trace) + '”. Esc shows everything.' : '';
  }

  function viewBoxOf(svg) {
    const [x, y, w, h] = (svg.getAttribute('viewBox') || '0 0 0 0').split(/[\s,]+/).map(Number);
    return { x, y, w, h };
  }

  function setView(svg, v) {
    state.view = v.x + ' ' + v.y + ' ' + v.w + ' ' + v.h;
    svg.setAttribute('viewBox', state.view);
    placeFeet();
  }

  // Zooms by `factor` about the point (cx, cy) of the screen (the middle when not given).
  function zoom(factor, cx, cy) {
    const svg = svgElement();
    if (!svg) return;
    const v = viewBoxOf(svg);
    const r = svg.getBoundingClientRect();
    const home = viewBoxOf({ getAttribute: () => state.home });
    const w = Math.min(Math.max(v.w / factor, home.w / 12), home.w);
    const h = v.h * (w / v.w);
    const fx = cx === undefined ? 0.5 : (cx - r.left) / r.width;
    const fy = cy === undefined ? 0.5 : (cy - r.top) / r.height;
    setView(svg, { x: v.x + (v.w - w) * fx, y: v.y + (v.h - h) * fy, w, h });
  }

  function resetZoom() {
    const svg = svgElement();
    state.view = null;
    if (svg && state.home) svg.setAttribute('viewBox', state.home);
    placeFeet();
  }

  function bindZoom() {
    const holder = $('diagram');
    holder.addEventListener('wheel', (e) => {
      if (!svgElement() || !(e.ctrlKey || document.body.classList.contains('projector'))) return;
      e.preventDefault();
      zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY);
    }, { passive: false });
    holder.addEventListener('pointerdown', (e) => {
      const svg = svgElement();
      if (!svg || !state.view || e.button !== 0 || e.target.closest('g.box, button, textarea')) return;
      const v0 = viewBoxOf(svg), x0 = e.clientX, y0 = e.clientY;
      const r = svg.getBoundingClientRect();
      const scale = Math.max(v0.w / r.width, v0.h / r.height);
      const move = (m) => setView(svg, { x: v0.x - (m.clientX - x0) * scale, y: v0.y - (m.clientY - y0) * scale, w: v0.w, h: v0.h });
      const up = () => { window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up); };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
    });
    // The diagram is scaled to its holder: when the holder changes size (a notice above it,
    // the side panel, the window), the feet move with the columns.
    new ResizeObserver(placeFeet).observe(holder);
    holder.addEventListener('scroll', placeFeet);
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
    showNewModel(index);
    window.lmc.redraws.push({ at: now(), index: true });
  }

  function showNewModel(index) {
    const form = $('new-model');
    form.hidden = !(index.editable && index.templates && index.templates.length);
    if (form.hidden || form.dataset.ready) return;
    form.dataset.ready = 'yes';
    const select = $('new-template');
    for (const t of index.templates) {
      const o = el('option', '', t.name + ': ' + t.summary);
      o.value = t.name;
      select.append(o);
    }
    const create = async () => {
      const file = $('new-file').value.trim();
      const response = await fetch('/api/new', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ template: select.value, file }),
      });
      const reply = await response.json().catch(() => ({}));
      if (response.status === 201) location.href = pageOf(reply.path);
      else $('new-error').textContent = reply.error || 'The model could not be made (' + response.status + ').';
    };
    $('new-create').addEventListener('click', create);
    $('new-file').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); create(); } });
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
      window.lmc.changes.push({ at: now(), change });
      if (window.lmc.holdUpdates) return;  // a test standing in for a slow network
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
    if (!on) traceBox(null);
    state.view = null;
    // The projector has a drawing of its own: fetch the one for this view.
    state.svg = null;
    state.version = -1;
    if (state.path !== null) loadModel().catch((err) => console.warn(err));
  }

  function toggleFindings() {
    const hidden = document.body.classList.toggle('hide-findings');
    $('toggle-findings').setAttribute('aria-pressed', String(!hidden));
  }

  function bindKeys() {
    $('toggle-projector').addEventListener('click', () =>
      setProjector(!document.body.classList.contains('projector')));
    $('toggle-findings').addEventListener('click', toggleFindings);
    $('undo').addEventListener('click', () => change(null, 'undo'));
    $('redo').addEventListener('click', () => change(null, 'redo'));
    document.addEventListener('keydown', (e) => {
      if (typing(e.target)) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && state.editable) {
        const k = e.key.toLowerCase();
        if (k === 'z' && !e.shiftKey) { e.preventDefault(); change(null, 'undo'); }
        else if ((k === 'z' && e.shiftKey) || k === 'y') { e.preventDefault(); change(null, 'redo'); }
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target.closest && e.target.closest('#diagram g.box') && 'lLnNtT'.includes(e.key)) return;
      if (e.key === 'p' || e.key === 'P') setProjector(!document.body.classList.contains('projector'));
      else if (e.key === 'f' || e.key === 'F') toggleFindings();
      else if (e.key === '+' || e.key === '=') zoom(1.25);
      else if (e.key === '-') zoom(1 / 1.25);
      else if (e.key === '0') resetZoom();
      else if (e.key === 'Escape') {
        if (state.linkFrom) { stopLink(); notice(''); }
        else if (state.trace) traceBox(null);
        else if (state.view) resetZoom();
        else if (document.body.classList.contains('projector')) setProjector(false);
        else if (state.selected) { state.selected = null; markSelected(); showInspector(); clearHighlights(); }
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
    // Opened with the editor token: the browser has it as a cookie now; out of the address
    // bar, so it is not on the wall or in a screenshot.
    if (new URLSearchParams(location.search).has('token')) {
      history.replaceState(null, '', location.pathname);
    }
    bindKeys();
    bindZoom();
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
