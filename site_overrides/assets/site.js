// Pagefind search: a button in Material's header opens a dialog; the /search/ page shows the same UI
// inline; the home page's and the 404 page's search boxes turn into it when a reader starts to type.
// Pagefind's UI script and stylesheet are loaded only then, not with every page.
// URLs are relative to the site root, wherever it is hosted. Nothing here fetches from another
// origin: the Pagefind bundle is part of the site.
(function () {
  "use strict";
  var root = new URL(window.SITE_ROOT || "./", window.location.href);
  var bundlePath = new URL("pagefind/", root).pathname;
  // The UI loads Pagefind through a module that defers the filter index (see loadFilters).
  var uiBundlePath = new URL("assets/pagefind-lazy/", root).pathname;
  var baseUrl = root.pathname;
  var PARAGRAPH_ID = /^p(\d+)$/;
  // What a result is, from its page's "type" filter (site_overrides and the page templates set it).
  var KINDS = { person: "Person", outlet: "Outlet", article: "Article", document: "Document" };
  var OPENING_WORDS = 8;

  // Pagefind's UI (134 KB with its stylesheet) and the build's search settings (which bundles to
  // search: a large site is indexed in parts) are fetched once, when a reader first opens search.
  var searchLoaded = null;
  function loadSearch() {
    if (!searchLoaded) {
      searchLoaded = Promise.all([
        fetch(new URL("assets/site-config.json", root).href).then(function (response) { return response.json(); }),
        loadFile("link", new URL("pagefind/pagefind-ui.css", root).href),
        loadFile("script", new URL("pagefind/pagefind-ui.js", root).href)
      ]).then(function (loaded) { return loaded[0]; });
    }
    return searchLoaded;
  }

  // The stylesheet goes after site.css, as before, so the same rules win.
  function loadFile(tag, url) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      if (tag === "link") {
        element.rel = "stylesheet";
        element.href = url;
      } else {
        element.src = url;
      }
      element.onload = resolve;
      element.onerror = function () { reject(new Error(url + " did not load")); };
      document.head.appendChild(element);
    });
  }
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
  function processResult(data) {
    return labelResult(paragraphSubResults(data));
  }

  // "Person", "Outlet", "Article · <outlet>", "Document": shown before the excerpt. Pagefind would
  // list the page's other meta fields as "Name: …" tags; the label says it once, in words.
  function resultLabel(data) {
    var filters = data.filters || {};
    var type = (filters.type || [])[0];
    var parts = [KINDS[type]];
    if (type === "article") {
      if (filters.outlet && filters.outlet[0]) parts.push(filters.outlet[0]);
      // Hook for article dates: a page that carries data-pagefind-meta="date" gets it shown here.
      if (data.meta && data.meta.date) parts.push(data.meta.date);
    }
    return parts.filter(Boolean).join(" · ");
  }

  function labelResult(data) {
    var label = resultLabel(data);
    if (label) {
      data.excerpt = '<span class="search-result-label">' + escapeHtml(label) + "</span> " + (data.excerpt || "");
    }
    if (data.meta) {
      delete data.meta.name;
      delete data.meta.date;
    }
    return data;
  }

  // A paragraph sub-result is headed by the paragraph's opening words.
  function openingWords(words, start, end) {
    var opening = words.slice(start, Math.min(end, start + OPENING_WORDS)).join(" ");
    return end - start > OPENING_WORDS ? opening + " …" : opening;
  }

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
        title: !a ? ((data.meta && data.meta.title) || "") : match ? openingWords(words, group.start, group.end) : a.text,
        url: a ? pageUrl.split("#")[0] + "#" + a.id : pageUrl,
        excerpt: (from > group.start ? "… " : "") + excerpt.join(" ") + (to < group.end ? " …" : ""),
        locations: group.locations
      };
    });
    return data;
  }

  function makeUI(element) {
    return loadSearch().then(function (settings) { return newUI(element, settings.bundles.slice(1)); });
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
      processResult: processResult,
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
    // Above the results (Pagefind's drawer), below the search box.
    form.insertBefore(button, form.querySelector(".pagefind-ui__drawer"));
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
      }, function () { ui = null; });
    }
    button.addEventListener("click", open);
    // A pointer on the button, or focus, shows intent: the UI starts loading before the click.
    button.addEventListener("pointerenter", loadSearchQuietly);
    button.addEventListener("focus", loadSearchQuietly);
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

  function loadSearchQuietly() {
    loadSearch().catch(function () {});
  }

  // The home page's and the 404 page's search box (a plain form to /search/, which works without
  // JavaScript) becomes the Pagefind UI when the reader focuses it or types: results as they type,
  // as in the header's dialog. What was typed meanwhile is carried over; the label stays.
  function addLiveSearch(form, index) {
    var input = form.querySelector("input[name='q']");
    var row = form.querySelector(".home-search__row");
    if (!input || !row) return;
    var started = false;
    function begin() {
      if (started) return;
      started = true;
      var holder = document.createElement("div");
      holder.id = "live-search-" + index;
      holder.className = "live-search";
      holder.setAttribute("data-pagefind-ignore", "all");
      form.parentNode.insertBefore(holder, form.nextSibling);
      makeUI("#" + holder.id).then(function (ui) {
        var live = holder.querySelector(".pagefind-ui__search-input");
        if (!ui || !live) return;
        var typed = input.value;
        row.hidden = true;
        live.id = input.id;
        input.removeAttribute("id");
        form.addEventListener("submit", function (event) { event.preventDefault(); });
        if (typed) ui.triggerSearch(typed);
        live.focus();
        live.setSelectionRange(live.value.length, live.value.length);
      }, function () {
        started = false;
        holder.remove();
      });
    }
    input.addEventListener("focus", begin);
    input.addEventListener("input", begin);
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
    document.querySelectorAll("form[data-live-search]").forEach(addLiveSearch);
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
