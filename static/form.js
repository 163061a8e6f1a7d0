// Digipuls response form, enhanced. The page works without this script (every button posts the
// form and the server decides everything); with it:
//  - follow-up questions appear and disappear at once, evaluated with the same condition ASTs the
//    server uses (instrument::to_json), mirroring instrument::Visibility;
//  - answers are saved as you type (autosave), each change carrying the version of the item it
//    was made on, so a colleague's change is never overwritten silently: the server answers with a
//    conflict and the respondent chooses between the two values;
//  - changes colleagues saved meanwhile are shown in fields the respondent has not touched;
//  - "use last year's answer" fills the field without a page load;
//  - an exclusive option ("Inget samarbete") clears the others, and choosing another clears it.
(function () {
  'use strict';
  var form = document.getElementById('response-form');
  if (!form) return;
  var rules = JSON.parse(document.getElementById('form-rules').textContent);
  var S = JSON.parse(document.getElementById('form-strings').textContent);
  var status = document.getElementById('save-status');
  var csrf = form.querySelector('input[name="_csrf"]').value;
  var url = form.getAttribute('data-autosave');
  var pageVersion = parseInt(form.getAttribute('data-base-version'), 10) || 0;
  var base = {};        // item -> the version the respondent's value is based on
  var dirty = {};       // item -> true while a change waits to be saved
  var since = pageVersion;
  var timer = null, inFlight = false, again = false;

  // ---- reading the page -------------------------------------------------------------------
  function itemEls() { return form.querySelectorAll('[data-item]'); }
  function inputsOf(key) { return form.querySelectorAll('[name="' + cssEscape(key) + '"]'); }
  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/([.:])/g, '\\$1'); }
  function onPage(key) { return inputsOf(key).length > 0; }

  function rawOf(key) {
    var els = inputsOf(key), out = [];
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.type === 'radio') { if (el.checked) return el.value; }
      else if (el.type === 'checkbox') { if (el.checked) out.push(el.value); }
      else return el.value;
    }
    return out.join('|');
  }
  function setRaw(key, raw) {
    var els = inputsOf(key), codes = raw === '' ? [] : raw.split('|');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = codes.indexOf(el.value) >= 0;
      else el.value = raw;
    }
  }
  function typeOf(key) {
    var el = form.querySelector('[data-item="' + cssEscape(key) + '"]');
    return el ? el.getAttribute('data-type') : null;
  }
  function parseNumber(s) {
    var t = String(s).replace(/[\s\u00a0]/g, '').replace(',', '.');
    if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
    return parseFloat(t);
  }
  // The value of an item as conditions see it: a code, a list of codes, a number, a text or null.
  function valueOf(key) {
    if (!onPage(key)) {
      var v = rules.answers[key];
      return v === undefined ? null : v;
    }
    var raw = rawOf(key), type = typeOf(key);
    if (type === 'multi') return raw === '' ? null : raw.split('|');
    if (raw === '') return null;
    if (type === 'number' || type === 'percent') return parseNumber(raw);
    return raw;
  }

  // ---- conditions (mirrors instrument/condition.cpp) -----------------------------------------
  function scalar(v) {
    if (v === null || v === undefined) return null;
    if (Array.isArray(v)) return v.length === 1 ? v[0] : null;
    return v;
  }
  function truthy(s) {
    if (typeof s === 'boolean') return s;
    if (typeof s === 'number') return s !== 0;
    if (typeof s === 'string') return s !== '' && s !== '0' && s !== 'false';
    return false;
  }
  function compare(a, b) {  // null when not comparable
    if (a === null || b === null || typeof a !== typeof b) return null;
    if (typeof a === 'boolean') return (a ? 1 : 0) - (b ? 1 : 0);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  function makeEval(itemValue) {
    function operand(e) {
      switch (e.op) {
        case 'lit': return e.value === undefined ? null : e.value;
        case 'ref':
          if (e.ref.indexOf('org.') === 0) { var a = rules.org[e.ref.slice(4)]; return a === undefined ? null : a; }
          return scalar(itemValue(e.ref));
        case 'count': {
          var v = itemValue(e.args[0].ref);
          if (v === null) return 0;
          if (Array.isArray(v)) return v.length;
          return v === '' ? 0 : 1;
        }
        default: return ev(e);
      }
    }
    function ev(e) {
      switch (e.op) {
        case 'and': return ev(e.args[0]) && ev(e.args[1]);
        case 'or': return ev(e.args[0]) || ev(e.args[1]);
        case 'not': return !ev(e.args[0]);
        case 'answered': {
          var v = itemValue(e.args[0].ref);
          return v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
        }
        case 'has': {
          var want = operand(e.args[1]), l = e.args[0];
          if (typeof want !== 'string' || l.op !== 'ref' || l.ref.indexOf('org.') === 0) return false;
          var hv = itemValue(l.ref);
          if (hv === null) return false;
          return Array.isArray(hv) ? hv.indexOf(want) >= 0 : hv === want;
        }
        case 'in': {
          var x = operand(e.args[0]);
          if (x === null) return false;
          var list = e.args[1].values || [];
          for (var i = 0; i < list.length; i++) if (compare(x, list[i]) === 0) return true;
          return false;
        }
        case 'eq': case 'ne': case 'lt': case 'le': case 'gt': case 'ge': {
          var c = compare(operand(e.args[0]), operand(e.args[1]));
          if (c === null) return false;
          return { eq: c === 0, ne: c !== 0, lt: c < 0, le: c <= 0, gt: c > 0, ge: c >= 0 }[e.op];
        }
        case 'lit': return truthy(e.value);
        case 'ref': case 'count': return truthy(operand(e));
        case 'list': return (e.values || []).length > 0;
      }
      return false;
    }
    return function (cond) { return !cond || ev(cond); };
  }

  // ---- visibility (mirrors instrument/visibility.cpp) ------------------------------------------
  function computeShown() {
    var shown = {}, qShown = {}, sectionState = {};
    var evaluate = makeEval(function (key) { return shown[key] === true ? valueOf(key) : null; });
    function sectionVisible(id) {
      if (!(id in sectionState)) {
        var s = rules.sections[id];
        sectionState[id] = s.eligible && evaluate(s.show_if);
      }
      return sectionState[id];
    }
    function setItem(key, st, specify) {
      shown[key] = st;
      for (var i = 0; i < specify.length; i++) {
        var v = st ? valueOf(key) : null;
        var chosen = v !== null && (Array.isArray(v) ? v.indexOf(specify[i]) >= 0 : v === specify[i]);
        shown[key + ':' + specify[i]] = st && chosen;
      }
    }
    rules.order.forEach(function (qid) {
      var q = rules.questions[qid];
      if (!q) return;
      var st = sectionVisible(q.section) && q.eligible && evaluate(q.show_if);
      if (q.matrix) {
        var any = false;
        q.rows.forEach(function (r) {
          var rs = st && r.eligible && evaluate(r.show_if);
          any = any || rs;
          setItem(r.key, rs, r.specify);
        });
        qShown[qid] = st && any;
        if (q.comment) shown[qid + ':comment'] = any;
      } else {
        qShown[qid] = st;
        setItem(qid, st, q.specify);
        if (q.comment) shown[qid + ':comment'] = st;
      }
    });
    return { items: shown, questions: qShown };
  }

  function applyVisibility() {
    var v = computeShown();
    var qs = form.querySelectorAll('[data-q]');
    for (var i = 0; i < qs.length; i++) qs[i].hidden = !v.questions[qs[i].getAttribute('data-q')];
    var items = itemEls();
    for (var j = 0; j < items.length; j++) items[j].hidden = !v.items[items[j].getAttribute('data-item')];
  }

  // ---- autosave ---------------------------------------------------------------------------
  function say(text) { if (status) status.textContent = text; }
  function itemOf(el) { var c = el.closest('[data-item]'); return c ? c.getAttribute('data-item') : null; }
  function baseOf(key) { return key in base ? base[key] : pageVersion; }

  function markDirty(key) {
    dirty[key] = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, 800);
  }

  function clearProblem(key) {
    var c = form.querySelector('[data-item="' + cssEscape(key) + '"]');
    if (!c) return;
    var p = c.querySelector(':scope > .js-error, :scope > fieldset > .js-error, :scope > .field > .js-error');
    if (p) p.remove();
    c.classList.remove('has-error');
  }
  function showProblem(key, message) {
    clearProblem(key);
    var c = form.querySelector('[data-item="' + cssEscape(key) + '"]');
    if (!c) return;
    var host = c.querySelector('fieldset, .field') || c;
    var legend = host.querySelector('legend, label');
    var p = document.createElement('p');
    p.className = 'field-error js-error';
    p.id = 'js-err-' + key.replace(/[^a-z0-9_]/gi, '-');
    p.textContent = message;
    if (legend && legend.nextSibling) host.insertBefore(p, legend.nextSibling); else host.appendChild(p);
    c.classList.add('has-error');
  }

  function showConflict(cf) {
    var c = form.querySelector('[data-item="' + cssEscape(cf.item) + '"]');
    if (!c) return;
    var old = c.querySelector('.js-conflict');
    if (old) old.remove();
    var node = document.getElementById('conflict-template').content.firstElementChild.cloneNode(true);
    node.classList.add('js-conflict');
    var mine = rawOf(cf.item);
    node.querySelector('.c-by').textContent = cf.by;
    node.querySelector('.c-at').textContent = cf.at;
    node.querySelector('.c-theirs').textContent = cf.theirs_text;
    node.querySelector('.c-mine').textContent = describe(cf.item, mine);
    var title = node.querySelector('.c-title');
    title.id = 'cf-' + cf.item.replace(/[^a-z0-9_]/gi, '-');
    node.setAttribute('aria-labelledby', title.id);
    node.querySelector('.c-keep-mine').addEventListener('click', function () {
      base[cf.item] = cf.version;   // my value, now made on top of theirs
      node.remove();
      markDirty(cf.item);
      focusField(cf.item);
    });
    node.querySelector('.c-keep-theirs').addEventListener('click', function () {
      setRaw(cf.item, cf.theirs_raw);
      base[cf.item] = cf.version;
      delete dirty[cf.item];
      setOrig(cf.item, cf.theirs_raw);
      node.remove();
      applyVisibility();
      focusField(cf.item);
      say(S.js_saved);
    });
    var host = c.querySelector('fieldset, .field') || c;
    var legend = host.querySelector('legend, label');
    if (legend && legend.nextSibling) host.insertBefore(node, legend.nextSibling); else host.appendChild(node);
  }

  function describe(key, raw) {
    if (raw === '') return S.no_answer;
    var labels = [];
    raw.split('|').forEach(function (code) {
      var el = form.querySelector('[name="' + cssEscape(key) + '"][value="' + cssEscape(code) + '"]');
      var lab = el && el.closest('label');
      labels.push(lab ? lab.textContent.trim() : code);
    });
    return labels.join('; ');
  }

  function focusField(key) {
    var el = inputsOf(key)[0];
    if (el) el.focus();
  }
  function setOrig(key, raw) {
    var o = form.querySelector('input[name="_o:' + cssEscape(key) + '"]');
    if (o) o.value = raw;
  }

  function flush() {
    timer = null;
    if (inFlight) { again = true; return; }
    var keys = Object.keys(dirty);
    if (!keys.length) return;
    var sent = {};
    var changes = keys.map(function (k) { sent[k] = rawOf(k); return { item: k, value: sent[k], base: baseOf(k) }; });
    dirty = {};
    inFlight = true;
    say(S.js_saving);
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Accept': 'application/json' },
      body: JSON.stringify({ changes: changes, since: since })
    }).then(function (res) {
      return res.json().then(function (body) { return { status: res.status, body: body }; });
    }).then(function (r) {
      inFlight = false;
      if (r.status === 409) { say(S.js_locked); return; }
      if (r.status !== 200) {
        // Keep the changes and try again with the next edit.
        keys.forEach(function (k) { dirty[k] = true; });
        say(S.js_failed + (r.body && r.body.error ? ' ' + r.body.error.message : ''));
        return;
      }
      var b = r.body;
      since = Math.max(since, b.version);
      (b.saved || []).forEach(function (k) {
        base[k] = b.version;
        setOrig(k, sent[k]);
        clearProblem(k);
      });
      // Sent but unchanged on the server (the same value): nothing to save, nothing wrong.
      keys.forEach(function (k) { if ((b.saved || []).indexOf(k) < 0) clearProblem(k); });
      (b.problems || []).forEach(function (p) { showProblem(p.item, p.message); });
      (b.conflicts || []).forEach(showConflict);
      (b.updates || []).forEach(function (u) {
        if (dirty[u.item] || !onPage(u.item)) { rules.answers[u.item] = u.raw; return; }
        var active = document.activeElement;
        if (active && itemOf(active) === u.item) return;  // being edited: the save will decide
        setRaw(u.item, u.raw);
        setOrig(u.item, u.raw);
        base[u.item] = u.version;
        since = Math.max(since, u.version);
      });
      applyVisibility();
      if ((b.conflicts || []).length) say(S.js_conflicts);
      else if ((b.problems || []).length) say(S.js_problems);
      else say(S.js_saved);
      if (again || Object.keys(dirty).length) { again = false; flush(); }
    }).catch(function () {
      inFlight = false;
      keys.forEach(function (k) { dirty[k] = true; });
      say(S.js_offline);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, 5000);
    });
  }

  // ---- events -----------------------------------------------------------------------------
  function onEdit(ev) {
    var el = ev.target, key = itemOf(el);
    if (!key || !el.name || el.name.charAt(0) === '_') return;
    if (el.type === 'checkbox' && el.checked) {
      // Exclusive options stand alone.
      var boxes = inputsOf(el.name), exclusive = el.hasAttribute('data-exclusive');
      for (var i = 0; i < boxes.length; i++) {
        if (boxes[i] === el) continue;
        if (exclusive || boxes[i].hasAttribute('data-exclusive')) boxes[i].checked = false;
      }
    }
    applyVisibility();
    markDirty(key);
  }
  form.addEventListener('change', onEdit);
  form.addEventListener('input', function (ev) {
    if (ev.target.type === 'text' || ev.target.tagName === 'TEXTAREA') onEdit(ev);
  });
  form.addEventListener('click', function (ev) {
    var btn = ev.target.closest('button[data-prev-for]');
    if (!btn) return;
    ev.preventDefault();
    var key = btn.getAttribute('data-prev-for');
    setRaw(key, btn.getAttribute('data-prev-raw'));
    applyVisibility();
    markDirty(key);
    focusField(key);
  });
  form.addEventListener('submit', function () {
    // The post carries every field; pending autosaves are not needed any more.
    if (timer) clearTimeout(timer);
    dirty = {};
  });
  window.addEventListener('beforeunload', function (ev) {
    if (Object.keys(dirty).length || inFlight) { ev.preventDefault(); ev.returnValue = ''; }
  });

  applyVisibility();
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
