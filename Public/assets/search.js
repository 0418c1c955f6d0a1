// normfolio search: runs in the browser on zoeken.html, from a web server, a zip or file://.
// The index (assets/zoekindex.js) holds only what this edition publishes, and hands it only to a
// page that holds its key: the search page of its own site (see docs/format.md, "Search").
"use strict";

/** The index's entries, once assets/zoekindex.js has handed them over. */
var normfolioIndex = null;

/**
 * Called by the index, which loads after this script: without an argument it asks for the key
 * the search page holds (a page of another site cannot know it); then with the entries.
 */
function normfolioReceiveIndex(entries) {
  if (arguments.length === 0) {
    var form = typeof document !== "undefined" ? document.getElementById("zoekformulier") : null;
    return (form && form.getAttribute("data-sleutel")) || "";
  }
  normfolioIndex = entries;
}

/** Lower case without accents, as the index stores its text. */
function normfolioFold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * The entries that contain every word of the query, best first: a word in the title counts most,
 * then in the ID, norms, owner or type, then in the text.
 */
function normfolioSearch(index, query) {
  var words = normfolioFold(query).split(/\s+/).filter(function (w) { return w.length > 0; });
  if (words.length === 0) { return []; }
  var results = [];
  for (var i = 0; i < index.length; i++) {
    var entry = index[i], score = 0, all = true;
    for (var j = 0; j < words.length; j++) {
      var w = words[j];
      if (entry.ft.indexOf(w) >= 0) { score += 10; }
      else if (entry.fm.indexOf(w) >= 0) { score += 5; }
      else if (entry.fx.indexOf(w) >= 0) { score += 1; }
      else { all = false; break; }
    }
    if (all) { results.push({ entry: entry, score: score }); }
  }
  results.sort(function (a, b) {
    return b.score - a.score || (a.entry.t < b.entry.t ? -1 : a.entry.t > b.entry.t ? 1 : 0);
  });
  return results.map(function (r) { return r.entry; });
}

if (typeof module !== "undefined") {
  module.exports = { normfolioSearch: normfolioSearch, normfolioFold: normfolioFold };
}

if (typeof document !== "undefined") {
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("zoekformulier");
    var field = document.getElementById("zoekterm");
    var status = document.getElementById("zoekstatus");
    var list = document.getElementById("zoekresultaten");
    if (!form || !field || !status || !list || normfolioIndex === null) { return; }
    var texts = JSON.parse(document.getElementById("zoekteksten").textContent);

    function show(query) {
      list.textContent = "";
      var results = normfolioSearch(normfolioIndex, query);
      if (query.trim() === "") { status.textContent = texts.empty; return; }
      status.textContent = results.length === 1 ? texts.one : texts.many.replace("{n}", String(results.length));
      results.slice(0, 100).forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = entry.u;
        link.textContent = entry.t;
        item.appendChild(link);
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = " · " + [entry.k, entry.n, entry.c].filter(function (x) { return x; }).join(" · ");
        item.appendChild(meta);
        list.appendChild(item);
      });
    }

    var query = new URLSearchParams(window.location.search).get("q") || "";
    field.value = query;
    show(query);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(field.value);
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", "?q=" + encodeURIComponent(field.value));
      }
    });
  });
}
