/* newslint serve: the editors' page.
 *
 * The article lives in a <textarea>; behind it a "backdrop" holds the same text with each
 * finding wrapped in a <mark>, in the same font and box, so the marks sit under the characters
 * while the editor types, pastes and uses an input method as in any text box.
 *
 * Offsets: the API counts Unicode code points (𠮷 is one), JavaScript strings count UTF-16
 * units (𠮷 is two). `positions(text)` converts; every finding gets `start`/`end` in UTF-16
 * units once, when its answer arrives, and the page uses only those.
 */
"use strict";

const LEVELS = { error: "错误", warning: "警告", info: "提示" };
const RANK = { info: 0, warning: 1, error: 2 };
const PACKS = [
  ["typos", "错别字"], ["punctuation", "标点符号"], ["headline", "标题"], ["byline", "署名"],
  ["script", "繁简字"], ["newslint", "其他"],
];
const PACK_NAMES = Object.fromEntries(PACKS);
const CHECK_DELAY = 300; // ms after the last keystroke

const $ = (id) => document.getElementById(id);
const ui = {
  text: $("text"), backdrop: $("backdrop"), findings: $("findings"), status: $("status"),
  counts: $("counts"), fixSafe: $("fix-safe"), fixUnsafe: $("fix-unsafe"), undo: $("undo"),
  copy: $("copy"), download: $("download"), open: $("open"), file: $("file"), format: $("format"),
  filename: $("filename"), headline: $("headline"), headlineIssues: $("headline-issues"),
  credits: $("credits"), confirm: $("confirm"), confirmList: $("confirm-list"),
  confirmSafe: $("confirm-safe"), toast: $("toast"), drop: $("drop"), packs: $("packs"),
  prev: $("prev"), next: $("next"),
};

const state = {
  text: "",
  filename: "稿件.txt",
  crlf: false,         // the opened file had CRLF line ends: the download keeps them
  encoding: null,      // the opened file's encoding and byte-order mark, as the server decoded them
  bom: false,
  entry: null,         // the last /api/check answer, for the text in `checked`
  checked: null,
  findings: [],        // entry.findings with start/end in UTF-16 units and an index
  seq: 0,              // the latest request: older answers are dropped
  busy: false,
  undo: [],            // texts before each change made by the page
  hidden: new Set(),   // levels turned off in the panel
  ignored: new Set(),  // packs not checked (sent as the request's `ignore`)
  explain: new Map(),  // rule id -> explanation text
  active: -1,
  maxBytes: 2 * 1024 * 1024,
  timer: 0,
  typedAt: 0,          // the last keystroke (typing bursts are undone as one step)
};

/* --- code points <-> UTF-16 units --------------------------------------------------- */
function positions(text) {
  const astral = []; // code-point index of each character outside the BMP, in order
  for (let i = 0, n = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { astral.push(i - n); n++; i++; }
    }
  }
  const below = (limit, shift) => { // how many astral characters start before `limit`
    let lo = 0, hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid] + (shift ? mid : 0) < limit) lo = mid + 1; else hi = mid;
    }
    return lo;
  };
  return {
    toUnits: (point) => point + below(point, false),
    toPoints: (unit) => unit - below(unit, true),
  };
}

/* --- small helpers ------------------------------------------------------------------ */
function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function quoted(s) {
  return s === "" ? "（空）" : s.replace(/\n/g, "↵");
}

let toastTimer = 0;
function toast(message, isError = false) {
  ui.toast.textContent = message;
  ui.toast.classList.toggle("error", isError);
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { ui.toast.hidden = true; }, isError ? 6000 : 2500);
}

function setStatus(message, isError = false) {
  ui.status.textContent = message;
  ui.status.classList.toggle("error", isError);
}

async function api(path, body, raw = false) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": raw ? "application/octet-stream" : "application/json" },
    body: raw ? body : JSON.stringify(body),
  });
  let answer;
  try { answer = await response.json(); } catch { answer = {}; }
  if (response.status === 413) throw new Error(`稿件太大，超过 ${(state.maxBytes / 1048576).toFixed(0)} MB 的上限`);
  if (!response.ok) throw new Error(answer.error || `服务器返回 ${response.status}`);
  const timing = /dur=([\d.]+)/.exec(response.headers.get("Server-Timing") || "");
  answer.serverMs = timing ? Number(timing[1]) : null;
  return answer;
}

/* --- the text ------------------------------------------------------------------------ */
function setText(text, { record = true, caret = null } = {}) {
  if (record && text !== state.text) state.undo.push(state.text);
  state.typedAt = 0;
  state.text = text;
  ui.text.value = text;
  if (caret !== null) ui.text.setSelectionRange(caret, caret);
  drawPlain();
  updateTools();
}

function drawPlain() {
  // while a check is on its way the marks would be out of place: plain text keeps the height
  ui.backdrop.textContent = state.text + "\u200b";
}

function updateTools() {
  const hasText = state.text.length > 0;
  ui.undo.disabled = state.undo.length === 0;
  ui.copy.disabled = !hasText;
  ui.download.disabled = !hasText;
  const current = state.checked === state.text && !state.busy;
  const safe = current ? state.findings.filter((f) => f.applicability === "safe").length : 0;
  const unsafe = current ? state.findings.filter((f) => f.applicability === "unsafe").length : 0;
  ui.fixSafe.disabled = safe === 0;
  ui.fixSafe.textContent = safe ? `全部安全修复（${safe}）` : "全部安全修复";
  ui.fixUnsafe.disabled = unsafe === 0;
  const spans = current && state.findings.some((f) => visible(f) && f.end > f.start);
  ui.prev.disabled = ui.next.disabled = !spans;
  ui.fixUnsafe.textContent = unsafe ? `采纳建议（${unsafe}）…` : "采纳建议…";
}

function request(text) {
  const body = { text, filename: state.filename };
  if (state.ignored.size) body.ignore = [...state.ignored];
  return body;
}

function scheduleCheck() {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, CHECK_DELAY);
}

/* --- checking ------------------------------------------------------------------------ */
async function check() {
  clearTimeout(state.timer);
  const text = state.text;
  const seq = ++state.seq;
  if (!text.trim()) {
    state.busy = false;
    showEntry(null, text);
    setStatus("粘贴或打开稿件后自动检查");
    return;
  }
  state.busy = true;
  updateTools();
  setStatus("检查中…");
  try {
    const entry = await api("/api/check", request(text));
    if (seq !== state.seq) return;
    state.busy = false;
    showEntry(entry, text);
  } catch (error) {
    if (seq !== state.seq) return;
    state.busy = false;
    updateTools();
    setStatus(`检查失败：${error.message}`, true);
    toast(`检查失败：${error.message}`, true);
  }
}

function showEntry(entry, text) {
  state.entry = entry;
  state.checked = text;
  const pos = positions(text);
  state.findings = (entry ? entry.findings : []).map((f, index) => {
    const start = pos.toUnits(f.offset);
    const end = pos.toUnits(f.offset + f.length);
    return { ...f, index, start, end, pack: packOf(f, entry), changes: changesOf(f, start, end, pos, text) };
  });
  state.active = -1;
  state.anchors = anchorsOf(entry, pos);
  drawMarks();
  drawList();
  drawSummary(entry);
  drawCounts();
  updateTools();
  if (entry) {
    const n = state.findings.length;
    const fixable = state.findings.filter((f) => f.applicability === "safe").length;
    const failures = entry.errors && entry.errors.length ? `；${entry.errors.length} 条规则出错：${entry.errors.join("；")}` : "";
    setStatus(n ? `${n} 个问题，${fixable} 个可自动修复${failures}` : `没有发现问题${failures}`, Boolean(failures));
    ui.status.title = typeof entry.serverMs === "number" ? `服务器用时 ${entry.serverMs.toFixed(1)} 毫秒` : "";
  }
}

/* what the finding's fix does, in UTF-16 units: its `edits` (the JSON report's fix model:
   a pair of brackets is two edits and the text between stays), or else its first replacement
   over its span */
function changesOf(f, start, end, pos, text) {
  if (Array.isArray(f.edits) && f.edits.length) {
    return f.edits.map((e) => {
      const from = pos.toUnits(e.offset), to = pos.toUnits(e.offset + e.length);
      return { start: from, end: to, before: text.slice(from, to), content: e.content };
    });
  }
  if (!f.replacements.length || f.length === 0) return [];
  return [{ start, end, before: f.text, content: f.replacements[0] }];
}

function changeView(changes) {
  const parts = [];
  changes.forEach((c, i) => {
    if (i) parts.push(el("span", { class: "sep" }, " · "));
    parts.push(el("del", {}, quoted(c.before)), " → ", el("ins", {}, c.content === "" ? "（删除）" : quoted(c.content)));
  });
  return parts;
}

function packOf(finding, entry) {
  const rule = entry && entry.rules && entry.rules[finding.rule];
  return rule ? rule.pack : finding.rule.split(".")[0];
}

function anchorsOf(entry, pos) {
  const anchors = new Map();
  if (!entry || !entry.document) return anchors;
  const doc = entry.document;
  if (doc.headline_offset !== null && doc.headline_offset !== undefined) anchors.set("headline", pos.toUnits(doc.headline_offset));
  doc.credits.forEach((credit, i) => {
    if (credit.offset !== null && credit.offset !== undefined) anchors.set(`credit-${i}`, pos.toUnits(credit.offset));
  });
  return anchors;
}

function visible(f) {
  return !state.hidden.has(f.level);
}

/* the backdrop: the text cut at every finding boundary; each piece covered by findings is a
   <mark> coloured by the highest level covering it */
function drawMarks() {
  const text = state.checked === null ? state.text : state.checked;
  const spans = state.findings.filter((f) => f.end > f.start && visible(f));
  const cuts = new Set([0, text.length]);
  for (const f of spans) { cuts.add(f.start); cuts.add(f.end); }
  const anchorAt = new Map();
  for (const [name, at] of state.anchors || []) { cuts.add(at); anchorAt.set(at, [...(anchorAt.get(at) || []), name]); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const starts = new Map();
  for (const f of spans) starts.set(f.start, [...(starts.get(f.start) || []), f]);
  let open = [];
  const html = [];
  for (let i = 0; i < points.length; i++) {
    const at = points[i];
    for (const name of anchorAt.get(at) || []) html.push(`<span class="anchor" data-anchor="${name}"></span>`);
    if (i === points.length - 1) break;
    open = open.filter((f) => f.end > at).concat(starts.get(at) || []);
    const piece = escapeHtml(text.slice(at, points[i + 1]));
    if (!open.length) { html.push(piece); continue; }
    const level = open.reduce((best, f) => (RANK[f.level] > RANK[best] ? f.level : best), "info");
    const ids = open.map((f) => f.index).join(" ");
    const active = open.some((f) => f.index === state.active) ? " active" : "";
    html.push(`<mark class="lv-${level}${active}" data-ids="${ids}">${piece}</mark>`);
  }
  html.push("\u200b");
  ui.backdrop.innerHTML = html.join("");
}

function drawList() {
  const box = ui.findings;
  box.replaceChildren();
  if (!state.entry) {
    box.append(el("div", { class: "empty-state" }, "检查结果会显示在这里。", el("br"),
      "每个问题都在原文中标出：", el("br"), "红色是错误，黄色是警告，蓝色是提示。"));
    return;
  }
  const shown = state.findings.filter(visible);
  if (!state.findings.length) {
    box.append(el("div", { class: "empty-state clean" }, "✓ 没有发现问题"));
    return;
  }
  if (!shown.length) {
    box.append(el("div", { class: "empty-state" }, "所选级别下没有问题"));
    return;
  }
  const groups = new Map();
  for (const f of shown) groups.set(f.pack, [...(groups.get(f.pack) || []), f]);
  const order = [...groups.keys()].sort((a, b) => packRank(a) - packRank(b) || a.localeCompare(b));
  for (const pack of order) {
    const items = groups.get(pack);
    box.append(el("section", { class: "group", "data-pack": pack },
      el("div", { class: "group-head" }, el("span", {}, PACK_NAMES[pack] || pack), el("span", { class: "n" }, `${items.length} 处`)),
      el("ol", {}, items.map(findingItem))));
  }
}

function packRank(pack) {
  const i = PACKS.findIndex(([name]) => name === pack);
  return i < 0 ? PACKS.length : i;
}

function findingItem(f) {
  const where = f.length === 0 && f.offset === 0 ? "全文" : `第 ${f.line} 行第 ${f.column} 列`;
  const change = f.changes.length ? el("div", { class: "change" }, changeView(f.changes)) : null;
  const actions = el("div", { class: "actions" });
  if (f.applicability === "safe") {
    actions.append(el("button", { type: "button", class: "btn small primary apply", onclick: (e) => { e.stopPropagation(); applyOne(f); } }, "修复"));
  } else if (f.applicability === "unsafe") {
    actions.append(el("button", { type: "button", class: "btn small warn apply", onclick: (e) => { e.stopPropagation(); confirmUnsafe([f]); } }, "采纳建议…"));
  }
  const explainBox = el("div", { class: "explain", hidden: true });
  actions.append(el("button", { type: "button", class: "btn small why", "aria-expanded": "false",
    onclick: (e) => { e.stopPropagation(); toggleExplain(f, explainBox, e.currentTarget); } }, "说明"));
  if (f.applicability === "display" && f.changes.length) actions.append(el("span", { class: "hint" }, "仅供参考，请人工修改"));
  return el("li", { class: `finding lv-${f.level}`, "data-index": f.index, "data-rule": f.rule, onclick: () => select(f.index, { scrollText: true }) },
    el("div", { class: "meta" }, el("span", { class: "lvl" }, LEVELS[f.level] || f.level), el("span", {}, where), el("span", { class: "rule", title: f.rule }, f.rule)),
    el("div", { class: "msg" }, f.message), change, actions, explainBox);
}

async function toggleExplain(f, box, button) {
  if (!box.hidden) { box.hidden = true; button.setAttribute("aria-expanded", "false"); return; }
  if (!state.explain.has(f.rule)) {
    try {
      const response = await fetch(`/api/rules/${encodeURIComponent(f.rule)}`);
      const answer = await response.json();
      if (!response.ok) throw new Error(answer.error || response.status);
      state.explain.set(f.rule, answer.text);
    } catch (error) {
      toast(`无法取得规则说明：${error.message}`, true);
      return;
    }
  }
  box.textContent = state.explain.get(f.rule);
  box.hidden = false;
  button.setAttribute("aria-expanded", "true");
}

function drawCounts() {
  for (const button of ui.counts.querySelectorAll(".count")) {
    const level = button.dataset.level;
    button.querySelector("b").textContent = state.findings.filter((f) => f.level === level).length;
    button.setAttribute("aria-pressed", String(!state.hidden.has(level)));
  }
}

function drawSummary(entry) {
  const doc = entry && entry.document;
  const headline = doc ? doc.headline : "";
  ui.headline.textContent = headline || (entry ? "（没有识别到标题）" : "（尚未识别到标题）");
  ui.headline.classList.toggle("empty", !headline);
  ui.headline.title = headline ? "跳到标题" : "";
  const headlineFindings = state.findings.filter((f) => f.pack === "headline");
  ui.headlineIssues.replaceChildren(...headlineFindings.map((f) =>
    el("button", { type: "button", class: `pill lv-${f.level}`, title: f.message, onclick: () => select(f.index, { scrollText: true, scrollList: true }) },
      shortRule(f))));
  const pills = [];
  if (doc) {
    doc.credits.forEach((credit, i) => {
      const label = credit.label || credit.name;
      pills.push(el("button", { type: "button", class: `pill ${credit.empty ? "empty" : "ok"}`, title: credit.empty ? `“${label}”后没有内容` : `${credit.name}：${credit.value}`,
        onclick: () => scrollToAnchor(`credit-${i}`) },
        credit.empty ? `${label}：（空）` : `${label}：${credit.value}`));
    });
    for (const missing of doc.missing) {
      pills.push(el("span", { class: "pill missing", title: `规则 ${missing.rule}` }, `缺少${missing.names.join("或")}署名`));
    }
  }
  if (!pills.length) pills.push(el("span", { class: "muted" }, entry ? "（没有识别到署名）" : "（尚未识别到署名）"));
  ui.credits.replaceChildren(...pills);
}

function shortRule(f) {
  return f.message.length > 18 ? f.message.slice(0, 17) + "…" : f.message;
}

/* --- moving around -------------------------------------------------------------------- */
function select(index, { scrollText = false, scrollList = false } = {}) {
  state.active = index;
  for (const node of ui.findings.querySelectorAll(".finding.active")) node.classList.remove("active");
  const item = ui.findings.querySelector(`.finding[data-index="${index}"]`);
  if (item) {
    item.classList.add("active");
    if (scrollList) item.scrollIntoView({ block: "nearest" });
  }
  let first = null;
  for (const mark of ui.backdrop.querySelectorAll("mark")) {
    const on = mark.dataset.ids.split(" ").includes(String(index));
    mark.classList.toggle("active", on);
    if (on && !first) first = mark;
  }
  const f = state.findings[index];
  if (scrollText && f) {
    if (first) {
      first.scrollIntoView({ block: "center", behavior: "smooth" });
      first.classList.remove("flash");
      void first.offsetWidth; // restart the animation
      first.classList.add("flash");
      if (matchMedia("(pointer: fine)").matches) {
        ui.text.focus({ preventScroll: true });
        ui.text.setSelectionRange(f.start, f.end);
      }
    } else if (f.length === 0) {
      document.getElementById("summary").scrollIntoView({ block: "nearest" });
    }
  }
}

function step(direction) {
  const spans = state.findings.filter((f) => visible(f) && f.end > f.start);
  if (!spans.length || state.checked !== state.text) return;
  const current = state.findings[state.active];
  let target;
  if (!current) target = direction > 0 ? spans[0] : spans[spans.length - 1];
  else if (direction > 0) target = spans.find((f) => f.start > current.start || (f.start === current.start && f.index > current.index)) || spans[0];
  else target = [...spans].reverse().find((f) => f.start < current.start || (f.start === current.start && f.index < current.index)) || spans[spans.length - 1];
  select(target.index, { scrollText: true, scrollList: true });
}

function drawPacks(packs) {
  const shown = packs.filter((p) => p.on > 0).sort((a, b) => packRank(a.name) - packRank(b.name));
  ui.packs.replaceChildren(el("span", { class: "packs-label" }, "检查"), ...shown.map((p) => {
    const button = el("button", { type: "button", class: "pack", "data-pack": p.name, "aria-pressed": "true",
      title: `${PACK_NAMES[p.name] || p.name}：${p.on} 条规则` }, PACK_NAMES[p.name] || p.name);
    button.addEventListener("click", () => {
      if (state.ignored.has(p.name)) state.ignored.delete(p.name); else state.ignored.add(p.name);
      button.setAttribute("aria-pressed", String(!state.ignored.has(p.name)));
      check();
    });
    return button;
  }));
}

function scrollToAnchor(name) {
  const anchor = ui.backdrop.querySelector(`.anchor[data-anchor="${name}"]`);
  if (anchor) anchor.scrollIntoView({ block: "center", behavior: "smooth" });
  const at = state.anchors && state.anchors.get(name);
  if (at !== undefined && matchMedia("(pointer: fine)").matches) {
    ui.text.focus({ preventScroll: true });
    ui.text.setSelectionRange(at, at);
  }
}

function caretMoved() {
  if (state.checked !== state.text) return;
  const caret = ui.text.selectionStart;
  const here = state.findings.filter((f) => visible(f) && f.end > f.start && f.start <= caret && caret <= f.end);
  if (!here.length) return;
  here.sort((a, b) => (a.end - a.start) - (b.end - b.start));
  select(here[0].index, { scrollList: true });
}

/* --- fixing --------------------------------------------------------------------------- */
function applyOne(f) {
  if (state.checked !== state.text || state.text.slice(f.start, f.end) !== f.text || !f.changes.length) {
    toast("稿件已改动，请等重新检查完再修复");
    return;
  }
  let text = state.text;
  for (const c of [...f.changes].sort((a, b) => b.start - a.start)) text = text.slice(0, c.start) + c.content + text.slice(c.end);
  const first = f.changes[0];
  setText(text, { caret: first.start + first.content.length });
  toast(`已修复：${f.changes.map((c) => `${quoted(c.before)} → ${c.content === "" ? "（删除）" : quoted(c.content)}`).join(" · ")}`);
  check();
}

async function fixAll(unsafe) {
  if (state.checked !== state.text) return;
  const text = state.text;
  const seq = ++state.seq;
  state.busy = true;
  updateTools();
  setStatus("修复中…");
  try {
    const answer = await api("/api/fix", { ...request(text), unsafe });
    if (seq !== state.seq) return;
    state.busy = false;
    if (answer.fixed) setText(answer.text);
    showEntry({ ...answer.file, serverMs: answer.serverMs }, answer.text);
    toast(answer.fixed ? `已修复 ${answer.fixed} 处` : "没有可以自动修复的问题");
  } catch (error) {
    if (seq !== state.seq) return;
    state.busy = false;
    updateTools();
    setStatus(`修复失败：${error.message}`, true);
    toast(`修复失败：${error.message}`, true);
  }
}

function confirmUnsafe(list) {
  const unsafe = list || state.findings.filter((f) => f.applicability === "unsafe");
  if (!unsafe.length) return;
  ui.confirmList.replaceChildren(...unsafe.map((f) => el("li", {},
    ...changeView(f.changes),
    el("span", { class: "muted" }, `　第 ${f.line} 行 · ${f.message}`))));
  const single = Boolean(list);
  const safe = state.findings.filter((f) => f.applicability === "safe").length;
  ui.confirmSafe.textContent = !single && safe ? `同时应用全部 ${safe} 处安全修复。` : "";
  ui.confirm.returnValue = "";
  ui.confirm.onclose = () => {
    if (ui.confirm.returnValue !== "ok") return;
    if (single) applyOne(list[0]); else fixAll(true);
  };
  ui.confirm.showModal();
}

function undo() {
  if (!state.undo.length) return;
  const previous = state.undo.pop();
  setText(previous, { record: false });
  toast("已撤销");
  check();
}

/* --- files, copy, download ------------------------------------------------------------ */
const SUFFIXES = { ".txt": ".txt", ".md": ".md", ".markdown": ".md", ".html": ".html", ".htm": ".html" };

function suffixOf(name) {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot).toLowerCase();
}

async function openFile(file) {
  if (file.size > state.maxBytes) {
    toast(`“${file.name}”太大（${(file.size / 1048576).toFixed(1)} MB），上限 ${(state.maxBytes / 1048576).toFixed(0)} MB`, true);
    return;
  }
  try {
    const answer = await api("/api/decode", await file.arrayBuffer(), true);
    state.crlf = answer.text.includes("\r\n");
    state.encoding = answer.encoding;
    state.bom = answer.bom;
    state.filename = file.name;
    ui.format.value = SUFFIXES[suffixOf(file.name)] || ".txt";
    ui.filename.textContent = file.name;
    ui.filename.title = `${file.name}（${answer.encoding.toUpperCase()}${answer.bom ? "，带 BOM" : ""}）`;
    setText(answer.text.replace(/\r\n?/g, "\n"), { caret: 0 });
    check();
  } catch (error) {
    toast(`无法打开“${file.name}”，它不是可读的文本文件（${error.message}）`, true);
  }
}

async function copyText() {
  try {
    await navigator.clipboard.writeText(state.text);
  } catch {
    ui.text.focus();
    ui.text.select();
    document.execCommand("copy");
  }
  toast("已复制全文");
}

/* the download is stored as the opened file was: its encoding, byte-order mark and line ends
   (pasted text: UTF-8, LF) */
async function downloadText() {
  const text = state.crlf ? state.text.replace(/\n/g, "\r\n") : state.text;
  let blob = new Blob([text], { type: "text/plain;charset=utf-8" });
  if (state.encoding && (state.encoding !== "utf-8" || state.bom)) {
    try {
      const response = await fetch("/api/encode", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, encoding: state.encoding, bom: state.bom }) });
      if (!response.ok) throw new Error((await response.json()).error || response.status);
      blob = await response.blob();
    } catch (error) {
      toast(`无法按原编码保存（${error.message}），已改用 UTF-8`, true);
    }
  }
  const link = el("a", { href: URL.createObjectURL(blob), download: state.filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  toast(state.encoding && state.encoding !== "utf-8" ? `已下载（${state.encoding.toUpperCase()} 编码，与原文件相同）` : "已下载");
}

/* --- wiring ------------------------------------------------------------------------------ */
ui.text.addEventListener("input", () => {
  // a burst of typing (or one paste) is one step of the page's undo
  const now = Date.now();
  if (ui.text.value !== state.text && now - state.typedAt > 1500) {
    state.undo.push(state.text);
    if (state.undo.length > 200) state.undo.shift();
  }
  state.typedAt = now;
  state.text = ui.text.value;
  drawPlain();
  updateTools();
  scheduleCheck();
});
ui.text.addEventListener("click", caretMoved);
ui.text.addEventListener("keyup", (e) => { if (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End") caretMoved(); });
ui.fixSafe.addEventListener("click", () => fixAll(false));
ui.fixUnsafe.addEventListener("click", () => confirmUnsafe(null));
ui.undo.addEventListener("click", undo);
ui.copy.addEventListener("click", copyText);
ui.download.addEventListener("click", downloadText);
ui.open.addEventListener("click", () => ui.file.click());
ui.file.addEventListener("change", () => { if (ui.file.files[0]) openFile(ui.file.files[0]); ui.file.value = ""; });
ui.format.addEventListener("change", () => {
  const name = state.filename;
  const stem = suffixOf(name) ? name.slice(0, name.length - suffixOf(name).length) : name;
  state.filename = stem + ui.format.value;
  ui.filename.textContent = state.filename;
  check();
});
ui.headline.addEventListener("click", () => scrollToAnchor("headline"));
ui.prev.addEventListener("click", () => step(-1));
ui.next.addEventListener("click", () => step(1));
for (const button of ui.counts.querySelectorAll(".count")) {
  button.addEventListener("click", () => {
    const level = button.dataset.level;
    if (state.hidden.has(level)) state.hidden.delete(level); else state.hidden.add(level);
    drawMarks();
    drawList();
    drawCounts();
  });
}
document.addEventListener("keydown", (e) => {
  if (e.key === "F8") { // as in code editors: F8 the next problem, Shift+F8 the previous one
    e.preventDefault();
    step(e.shiftKey ? -1 : 1);
    return;
  }
  if ((e.ctrlKey || e.metaKey) && e.key === "z" && document.activeElement !== ui.text && state.undo.length) {
    e.preventDefault();
    undo();
  }
});
let dragDepth = 0;
window.addEventListener("dragenter", (e) => { if (e.dataTransfer.types.includes("Files")) { dragDepth++; ui.drop.hidden = false; } });
window.addEventListener("dragleave", () => { if (--dragDepth <= 0) { dragDepth = 0; ui.drop.hidden = true; } });
window.addEventListener("dragover", (e) => { if (e.dataTransfer.types.includes("Files")) e.preventDefault(); });
window.addEventListener("drop", (e) => {
  dragDepth = 0;
  ui.drop.hidden = true;
  if (e.dataTransfer.files.length) { e.preventDefault(); openFile(e.dataTransfer.files[0]); }
});

fetch("/api/info").then((r) => r.json()).then((info) => {
  state.maxBytes = info.max_bytes || state.maxBytes;
  drawPacks(info.packs || []);
  document.querySelector(".brand .sub").title = `newslint ${info.version} · ${info.rules} 条规则` + (info.config ? ` · 配置：${info.config}` : " · 默认配置");
}).catch(() => {});

ui.filename.textContent = state.filename;
state.text = ui.text.value; // a browser may restore the text box after a reload
drawPlain();
drawList();
updateTools();
if (state.text) check();

// for the browser tests and for anyone scripting the page
window.newslintPage = { positions, state, check, showEntry };
