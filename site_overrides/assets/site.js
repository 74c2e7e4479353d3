// Pagefind search: a button in Material's header opens a dialog; the /search/ page
// shows the same UI inline. URLs are relative to the site root, wherever it is hosted.
// Nothing here fetches from another origin: the Pagefind bundle is part of the site.
(function () {
  "use strict";
  var root = new URL(window.SITE_ROOT || "./", window.location.href);
  var bundlePath = new URL("pagefind/", root).pathname;
  // The UI loads Pagefind through a module that defers the filter index (see loadFilters).
  var uiBundlePath = new URL("assets/pagefind-lazy/", root).pathname;
  var baseUrl = root.pathname;
  var PARAGRAPH_ID = /^p(\d+)$/;
  // A large site is indexed in parts: the build lists every Pagefind bundle in this file.
  var config = fetch(new URL("assets/site-config.json", root).href)
    .then(function (response) { return response.json(); });
  // Person and outlet pages carry their name as the "name" meta field; weighting it above
  // page titles ranks the person's own page first for a name query, ahead of articles
  // whose headline holds the name.
  var RANKING = { metaWeights: { name: 10, title: 2 } };

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // Pagefind builds sub-results only from headings with an id. Our unit of citation is
  // the paragraph (<p id="p67">, one per source line), so sub-results are rebuilt here:
  // every word hit is assigned to the nearest paragraph or heading anchor before it.
  // The excerpt is made from Pagefind's plain-text content and escaped here.
  function paragraphSubResults(data) {
    var anchors = (data.anchors || []).filter(function (a) {
      return PARAGRAPH_ID.test(a.id) || (/^h\d$/i.test(a.element) && a.text && /\S/.test(a.text));
    }).sort(function (a, b) { return a.location - b.location; });
    if (!anchors.some(function (a) { return PARAGRAPH_ID.test(a.id); })) return data;
    var words = (data.content || "").split(/\s+/);
    var hits = {};
    var pageUrl = (data.meta && data.meta.url) || data.url;
    var groups = [];
    (data.locations || []).slice().sort(function (a, b) { return a - b; }).forEach(function (loc) {
      var owner = null;
      for (var i = 0; i < anchors.length && anchors[i].location <= loc; i++) owner = anchors[i];
      var key = owner ? owner.id : "";
      if (!(key in hits)) {
        var next = owner ? anchors[anchors.indexOf(owner) + 1] : anchors[0];
        hits[key] = { anchor: owner, start: owner ? owner.location : 0, end: next ? next.location : words.length, locations: [] };
        groups.push(hits[key]);
      }
      hits[key].locations.push(loc);
    });
    data.sub_results = groups.map(function (group) {
      var first = group.locations[0];
      var from = Math.max(group.start, first - 8);
      var to = Math.min(group.end, from + 24);
      var marked = {};
      group.locations.forEach(function (l) { marked[l] = true; });
      var excerpt = [];
      for (var w = from; w < to; w++) {
        var word = escapeHtml(words[w] || "");
        excerpt.push(marked[w] ? "<mark>" + word + "</mark>" : word);
      }
      var a = group.anchor;
      var match = a && PARAGRAPH_ID.exec(a.id);
      return {
        title: !a ? ((data.meta && data.meta.title) || "") : match ? "Paragraph at line " + match[1] : a.text,
        url: a ? pageUrl.split("#")[0] + "#" + a.id : pageUrl,
        excerpt: (from > group.start ? "… " : "") + excerpt.join(" ") + (to < group.end ? " …" : ""),
        locations: group.locations
      };
    });
    return data;
  }

  function makeUI(element) {
    return config.then(function (settings) { return newUI(element, settings.bundles.slice(1)); });
  }

  function newUI(element, moreBundles) {
    if (typeof PagefindUI === "undefined") return null;
    var ui = new PagefindUI({
      element: element,
      bundlePath: uiBundlePath,
      baseUrl: baseUrl,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: true,
      processResult: paragraphSubResults,
      ranking: RANKING,
      mergeIndex: moreBundles.map(function (name) {
        return { bundlePath: new URL(name + "/", root).pathname, ranking: RANKING };
      }),
      translations: { placeholder: "Search people, outlets, articles…" }
    });
    // Pagefind's input carries only a title; give it an accessible name of its own.
    var input = document.querySelector(element + " .pagefind-ui__search-input");
    if (input) input.setAttribute("aria-label", "Search people, outlets and articles");
    addFilterButton(element, ui);
    return ui;
  }

  // Filters are loaded when the reader asks for them, not with the search: the filter index
  // lists every page, so it grows with the site (74 KB of the 199 KB a search fetched at 1,000
  // documents). Once loaded, the search is run again and its results carry the filter panel
  // with every value (loading them all first also avoids Pagefind UI 1.5's race, in which a
  // search started before the filters loaded showed only some of the values).
  var filtersLoaded = null;
  function loadFilters() {
    if (!filtersLoaded) {
      filtersLoaded = import(bundlePath + "pagefind.js")
        .then(function (pagefind) { return pagefind.filters(); })
        .catch(function () {});
    }
    return filtersLoaded;
  }

  function addFilterButton(element, ui) {
    var form = document.querySelector(element + " .pagefind-ui__form");
    if (!form) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "search-filters-open";
    button.textContent = "Filter by type, outlet or language";
    button.addEventListener("click", function () {
      button.disabled = true;
      loadFilters().then(function () {
        button.hidden = true;
        ui.triggerFilters({});  // searches again: the results now carry the filter panel
      });
    });
    form.appendChild(button);
  }

  function addHeaderButton(dialog) {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || document.getElementById("search-open")) return;
    var button = document.createElement("button");
    button.id = "search-open";
    button.type = "button";
    button.className = "md-header__button search-open";
    button.setAttribute("aria-haspopup", "dialog");
    button.setAttribute("aria-keyshortcuts", "/");
    button.innerHTML = '<span class="search-open__label">Search</span> <kbd class="search-open__key" aria-hidden="true">/</kbd>';
    var title = inner.querySelector(".md-header__title");
    inner.insertBefore(button, title ? title.nextSibling : null);
    var ui = null;
    function open() {
      if (!ui) ui = makeUI("#search-dialog-ui");
      dialog.showModal();
      ui.then(function () {
        var input = dialog.querySelector("input");
        if (input) input.focus();
      });
    }
    button.addEventListener("click", open);
    // A result on the page already shown only changes the #hash: close the dialog so the paragraph shows.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();  // a click on the backdrop
      else if (event.target.closest && event.target.closest("a[href]")) dialog.close();
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
      if (event.key === "/" && !typing && !dialog.open) {
        event.preventDefault();
        open();
      }
    });
  }

  // "Cite this page": when the build did not know the public URL, show the page's real address.
  function absolutizeCitations() {
    document.querySelectorAll("[data-cite-path]:not([data-cite-absolute])").forEach(function (body) {
      var path = body.getAttribute("data-cite-path");
      var absolute = new URL(body.getAttribute("data-cite-root") + path, window.location.href).href;
      body.querySelectorAll(".cite__text, .cite__bibtex code").forEach(function (el) {
        var text = el.textContent;
        var at = text.lastIndexOf(path);
        if (at >= 0) el.textContent = text.slice(0, at) + absolute + text.slice(at + path.length);
      });
    });
  }

  function start() {
    var dialog = document.getElementById("search-dialog");
    if (dialog) addHeaderButton(dialog);
    absolutizeCitations();
    if (document.getElementById("search-page")) {
      makeUI("#search-page").then(function (ui) {
        var query = new URLSearchParams(window.location.search).get("q");
        if (ui && query) ui.triggerSearch(query);
      });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
