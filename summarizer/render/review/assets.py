"""The inline stylesheet and script of every review page (no file, font or library is fetched).

The script only moves classes around and reads `data-*` attributes; it never builds markup from strings
(tooltips are set with textContent), so nothing from the article can become code.
"""

from __future__ import annotations

CSS = """
:root { --ink: #1d2327; --muted: #5f6b73; --line: #d8dee3; --paper: #fff; --soft: #f5f7f8;
  --casualty: rgba(220, 53, 69, .22); --casualty-b: #c62f3e; --claim: rgba(253, 126, 20, .20);
  --claim-b: #d9650b; --source: rgba(13, 110, 253, .14); --source-b: #0d5fd8; --place: rgba(25, 135, 84, .20);
  --place-b: #157347; --actor: rgba(111, 66, 193, .18); --actor-b: #5a32a3; --statement: rgba(255, 193, 7, .30);
  --statement-b: #a87b00; --consequence: rgba(13, 202, 240, .22); --consequence-b: #087990;
  --incident: rgba(108, 117, 125, .18); --incident-b: #495057; --time: rgba(160, 82, 45, .18); --time-b: #8a4524; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic",
  "Noto Sans Devanagari", "Noto Sans CJK SC", sans-serif; color: var(--ink); background: var(--soft); }
header.top { background: var(--paper); border-bottom: 1px solid var(--line); padding: 14px 22px 10px; }
nav.meta { background: var(--paper); padding: 8px 22px 0; }
header.top h1 { margin: 0 0 4px; font-size: 21px; line-height: 1.3; }
.meta { color: var(--muted); font-size: 13px; }
.facts { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 8px 0 0; font-size: 13px; }
.facts b { font-weight: 600; }
.lede { margin: 8px 0 0; max-width: 110ch; }
.notice { margin: 10px 22px 0; padding: 8px 12px; border-left: 4px solid var(--claim-b); background: #fff4e6; }
.counts { margin: 10px 22px 0; font-size: 13px; color: var(--muted); }
.counts a { color: inherit; }
main.review { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(380px, 1fr); gap: 16px;
  padding: 12px 22px 22px; align-items: start; }
main.single { padding: 12px 22px 22px; max-width: 1500px; }
@media (max-width: 1000px) { main.review { grid-template-columns: 1fr; } }
section.panel, aside.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 6px;
  padding: 12px 14px; }
aside.panel { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; }
h2 { font-size: 15px; margin: 14px 0 6px; }
h2:first-child { margin-top: 0; }
.article { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 15.5px; line-height: 1.75; margin: 0;
  unicode-bidi: plaintext; text-align: start; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 10px; font-size: 12.5px; margin: 0 0 10px; padding: 0;
  list-style: none; }
.legend label { cursor: pointer; user-select: none; }
.swatch { display: inline-block; width: 14px; height: 12px; vertical-align: -1px; border-bottom: 2px solid;
  margin-right: 3px; }
mark.hl { color: inherit; background: none; padding: 0; border-radius: 2px; cursor: pointer; }
mark.k-casualty, .swatch.k-casualty { background: var(--casualty); border-bottom: 2px solid var(--casualty-b); }
mark.k-casualty.claim, .swatch.claim { background: var(--claim); border-bottom: 2px dashed var(--claim-b);
  outline: 1px dashed var(--claim-b); outline-offset: 1px; }
mark.k-source, .swatch.k-source { background: var(--source); border-bottom: 2px dotted var(--source-b); }
mark.k-place, .swatch.k-place { background: var(--place); border-bottom: 2px solid var(--place-b); }
mark.k-actor, .swatch.k-actor { background: var(--actor); border-bottom: 2px solid var(--actor-b); }
mark.k-statement, .swatch.k-statement { background: var(--statement); border-bottom: 2px solid var(--statement-b); }
mark.k-consequence, .swatch.k-consequence { background: var(--consequence);
  border-bottom: 2px solid var(--consequence-b); }
mark.k-incident, .swatch.k-incident { background: var(--incident); border-bottom: 2px solid var(--incident-b); }
mark.k-time, .swatch.k-time { background: var(--time); border-bottom: 2px solid var(--time-b); }
mark.hl.fuzzy { text-decoration: underline wavy var(--muted); }
mark.hl.active { background: #ffe066; outline: 2px solid #1d2327; outline-offset: 1px; }
body.hide-casualty mark.k-casualty, body.hide-source mark.k-source, body.hide-place mark.k-place,
body.hide-actor mark.k-actor, body.hide-statement mark.k-statement, body.hide-consequence mark.k-consequence,
body.hide-incident mark.k-incident, body.hide-time mark.k-time { background: none; border-bottom: none;
  outline: none; text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 0 0 6px; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; position: sticky; top: -12px; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
[data-target] { cursor: pointer; }
tr[data-target]:hover, li[data-target]:hover { background: #eef3f7; }
tr.active, li.active { background: #fff3bf !important; }
tr.claim td { font-style: italic; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11.5px; font-style: normal;
  background: var(--soft); border: 1px solid var(--line); white-space: nowrap; }
.badge.claim { background: var(--claim); border: 1px dashed var(--claim-b); }
.badge.disputed { background: #ffe3e3; border-color: #c62f3e; }
.badge.bad { background: #ffe3e3; border-color: #c62f3e; }
.badge.ok { background: #e6f4ea; border-color: #157347; }
ul.items { margin: 0; padding: 0 0 0 18px; font-size: 13.5px; }
ul.items li { margin: 2px 0; }
.unlocated { color: #8a1c1c; }
.quote { color: var(--muted); }
section.missing { margin: 0 22px 22px; }
footer { padding: 0 22px 22px; color: var(--muted); font-size: 12.5px; }
#tip { position: fixed; z-index: 10; max-width: 420px; padding: 7px 9px; border-radius: 5px; font-size: 12.5px;
  white-space: pre-line; background: #1d2327; color: #fff; pointer-events: none;
  box-shadow: 0 2px 8px rgba(0, 0, 0, .25); }
#tip[hidden] { display: none; }
a { color: #0d5fd8; }
"""

SCRIPT = """
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  function marksOf(id) { return document.querySelectorAll('mark.hl[data-ev="' + id + '"]'); }
  function clear() {
    document.querySelectorAll(".active").forEach(function (e) { e.classList.remove("active"); });
  }
  function activate(ids, from) {
    clear();
    var first = null;
    ids.forEach(function (id) {
      marksOf(id).forEach(function (m) { m.classList.add("active"); if (!first) { first = m; } });
    });
    if (from) { from.classList.add("active"); }
    if (first) {
      first.scrollIntoView({ block: "center" });
    } else {
      var missing = document.getElementById("missing-" + ids[0]);
      if (missing) { missing.classList.add("active"); missing.scrollIntoView({ block: "center" }); }
    }
    document.body.setAttribute("data-active", ids.join(" "));
  }
  function fromRow(row) {
    var ids = row.getAttribute("data-target").split(" ").filter(Boolean);
    if (ids.length) {
      activate(ids, row);
      if (ids.length === 1 && window.history && history.replaceState) {
        history.replaceState(null, "", "#q-" + ids[0]);
      }
    }
  }
  document.addEventListener("click", function (e) {
    if (e.target.closest("a[href]")) { return; }
    var row = e.target.closest("[data-target]");
    if (row) { fromRow(row); return; }
    var mark = e.target.closest("mark.hl");
    if (mark) {
      var id = mark.getAttribute("data-ev");
      activate([id], null);
      var entry = document.querySelector('[data-target="' + id + '"]');
      if (entry) { entry.classList.add("active"); entry.scrollIntoView({ block: "nearest" }); }
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" && e.key !== " ") { return; }
    var row = e.target.closest ? e.target.closest("[data-target]") : null;
    if (row) { e.preventDefault(); fromRow(row); }
  });
  function showTip(mark, x, y) {
    var lines = [];
    for (var m = mark; m; m = m.parentElement ? m.parentElement.closest("mark.hl") : null) {
      lines.push(m.getAttribute("data-tip"));
    }
    tip.textContent = lines.join("\\n\\n");
    tip.hidden = false;
    var left = Math.min(x + 14, window.innerWidth - tip.offsetWidth - 8);
    var top = y + 16 + tip.offsetHeight > window.innerHeight ? y - tip.offsetHeight - 10 : y + 16;
    tip.style.left = Math.max(4, left) + "px";
    tip.style.top = Math.max(4, top) + "px";
  }
  document.addEventListener("mouseover", function (e) {
    var mark = e.target.closest ? e.target.closest("mark.hl") : null;
    if (mark) { showTip(mark, e.clientX, e.clientY); } else { tip.hidden = true; }
  });
  document.addEventListener("focusin", function (e) {
    var mark = e.target.closest ? e.target.closest("mark.hl") : null;
    if (mark) { var r = mark.getBoundingClientRect(); showTip(mark, r.left, r.bottom); } else { tip.hidden = true; }
  });
  document.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });
  var hash = decodeURIComponent(window.location.hash || "");
  if (hash.indexOf("#q-") === 0) {
    var id = hash.slice(3);
    if (/^[A-Za-z0-9_-]+$/.test(id)) { activate([id], document.querySelector('[data-target="' + id + '"]')); }
  }
})();
"""
