// The 404 page's loader, for a build without --site-url: generator/site/notfound.py inlines it into
// that page's <head> and calls it with the site's top-level folders and the page's scripts.
// The page is served at any missing address, at any depth, so its own address does not say where
// the site starts. The root is the path before the first of the site's top-level folders in the
// address ("/archive/people/gone/" -> "/archive/"), or else the deepest folder of the address that
// holds the site's Pagefind entry file, asked with HEAD requests from the deepest folder up, so none
// goes above the site. Until the root is known the page's stylesheets and scripts wait (their URLs in
// data-root-* attributes, relative to the root); then a <base> makes every relative URL start there.
(function (folders, scripts) {
  "use strict";
  var path = window.location.pathname;

  function rootFromFolders() {
    var parts = path.split("/");
    for (var i = 1; i < parts.length; i++) {
      if (folders.indexOf(parts[i]) >= 0) return parts.slice(0, i).join("/") + "/";
    }
    return null;
  }

  function rootFromProbes() {
    var candidates = [];
    for (var at = path.lastIndexOf("/"); at >= 0; at = at > 0 ? path.lastIndexOf("/", at - 1) : -1) {
      candidates.push(path.slice(0, at + 1));
    }
    function ask(i) {
      if (i >= candidates.length) return Promise.resolve("/");
      return fetch(candidates[i] + "pagefind/pagefind-entry.json", { method: "HEAD" }).then(
        function (response) { return response.ok ? candidates[i] : ask(i + 1); },
        function () { return ask(i + 1); }
      );
    }
    return ask(0);
  }

  function activate() {
    document.querySelectorAll("[data-root-href]").forEach(function (element) {
      element.setAttribute("href", element.getAttribute("data-root-href"));
      element.removeAttribute("data-root-href");
    });
  }

  // Material's bundle starts on DOMContentLoaded, which has passed when it runs here: it is sent again.
  function loadScripts(i) {
    if (i >= scripts.length) {
      document.dispatchEvent(new Event("DOMContentLoaded"));
      return;
    }
    var script = document.createElement("script");
    script.src = scripts[i];
    script.onload = script.onerror = function () { loadScripts(i + 1); };
    document.body.appendChild(script);
  }

  function start(root) {
    window.SITE_ROOT = root;
    window.__md_scope = new URL(root, window.location.href);
    var base = document.createElement("base");
    base.href = root;
    document.head.insertBefore(base, document.head.firstChild);
    activate();
    function parsed() {
      window.SITE_ROOT = root;  // the page's own inline script set it to "/" meanwhile
      activate();
      var config = document.getElementById("__config");
      if (config) {
        var settings = JSON.parse(config.textContent);
        settings.base = root;
        config.textContent = JSON.stringify(settings);
      }
      loadScripts(0);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", parsed, { once: true });
    else parsed();
  }

  var root = rootFromFolders();
  if (root) start(root);
  else rootFromProbes().then(start);
})
