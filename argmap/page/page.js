/* argmap report: the page's one script. No library, no build step, nothing fetched.
 *
 * The map arrives as JSON in the page's non-executed data element (argmap:data); every
 * piece of map text reaches the page through textContent (never innerHTML), and the
 * only links made from map data are http(s) addresses and this page's own #node= links.
 * Everything lives inside this function: the page adds no global name to `window`.
 */
(function () {
  "use strict";

  var SAFE_URL = /^https?:\/\/[^\s<>"'\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+$/i;
  var MIN_ZOOM = 0.5;
  var MAX_ZOOM = 40;
  var READABLE = 0.9; // screen pixels per diagram point when centring on a node

  var data = JSON.parse(document.getElementById("argmap:data").textContent);
  var byId = document.getElementById.bind(document);
  var diagram = byId("argmap:diagram-box");
  var svg = diagram ? diagram.querySelector("svg") : null;
  var panel = byId("argmap:panel-body");
  var search = byId("argmap:search");
  var count = byId("argmap:count");

  var nodes = new Map(); // node id -> node data
  var links = new Map(); // link id -> link data
  var actors = new Map();
  var sources = new Map();
  var elements = new Map(); // node id -> its <g> in the diagram
  var rows = new Map(); // claim id -> its row in the table
  var marks = new Map(); // quote index -> its <mark> elements
  var haystacks = new Map(); // node id -> lower-case text that search looks in
  var order = []; // node ids in file order

  data.nodes.forEach(function (n) { nodes.set(n.id, n); order.push(n.id); });
  data.links.forEach(function (l) { links.set(l.id, l); });
  data.actors.forEach(function (a) { actors.set(a.id, a); });
  data.sources.forEach(function (s) { sources.set(s.id, s); });

  var state = { selected: null, matches: [], matchAt: -1, k: 1, x: 0, y: 0 };

  // --- building DOM from data: text only ------------------------------------------------

  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        if (attrs[name] !== null && attrs[name] !== undefined) e.setAttribute(name, attrs[name]);
      });
    }
    for (var i = 2; i < arguments.length; i++) add(e, arguments[i]);
    return e;
  }

  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) { child.forEach(function (c) { add(parent, c); }); continue; }
      parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }

  function safeUrl(url) {
    return typeof url === "string" && SAFE_URL.test(url.trim()) ? url.trim() : null;
  }

  function outLink(url, text) {
    var href = safeUrl(url);
    if (!href) return text;
    return el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }, text);
  }

  function nodeLink(id) {
    var n = nodes.get(id);
    var a = el("a", { href: "#node=" + encodeURIComponent(id), "class": "node-link" });
    add(a, n ? short(n.text) : id);
    if (n) a.setAttribute("title", id);
    return a;
  }

  function short(text) {
    return text.length > 140 ? text.slice(0, 137).replace(/\s+\S*$/, "") + " …" : text;
  }

  function actorName(id) {
    var a = actors.get(id);
    return a ? a.name : id;
  }

  // --- the side panel -----------------------------------------------------------------

  var KIND = { claim: "Claim", premise: "Premise", group: "Linked group" };
  var CHECK = {
    "verified": ["verified", "found in the source's file"],
    "not-found": ["not found", "the source's file was read and this quote is not in it"],
    "unchecked": ["unchecked", "no source file was found to check it against"]
  };

  function showPanel(n) {
    panel.textContent = "";
    var kind = n.claim ? KIND.claim : n.group ? KIND.group : KIND.premise;
    add(panel, el("h2", null, kind, " ", el("span", { "class": "node-id" }, n.id),
      n.implicit ? el("span", { "class": "kind reconstructed" }, "reconstructed") : null));
    add(panel, el("p", { "class": "node-text" }, n.text));
    if (n.group) {
      add(panel, el("h3", null, "Its premises"),
        el("p", { "class": "meta" }, "They bear on what it supports or opposes only together:" +
          " one reason, as strong as its weakest premise" +
          (n.cap === null ? "." : ", at most " + n.cap + " (its weight).")),
        el("ul", { "class": "group-premises" }, n.premises.map(function (id) {
          return el("li", null, nodeLink(id));
        })));
    }
    if (n.tags.length) add(panel, el("p", { "class": "meta" }, "Tags: " + n.tags.join(", ")));
    if (n.score) add(panel, scoreBox(n.score));
    if (n.explanation && n.explanation.length) {
      add(panel, el("h3", null, "Why"), el("ul", null, n.explanation.map(function (line) {
        return el("li", null, line);
      })));
    }
    if (n.robustness) add(panel, el("h3", null, "Robustness"), el("p", null, n.robustness));
    if (n.by.length) {
      add(panel, el("h3", null, "Argued by"), el("ul", null, n.by.map(function (id) {
        var a = actors.get(id);
        if (!a) return el("li", null, id);
        return el("li", null, outLink(a.url, a.name), a.role ? " — " + a.role : "",
          a.kind ? el("span", { "class": "meta" }, " (" + a.kind + ")") : null);
      })));
    }
    if (n.quotes.length) {
      add(panel, el("h3", null, n.quotes.length > 1 ? "Quotes" : "Quote"),
        el("ul", null, n.quotes.map(quoteItem)));
    }
    if (n.note) add(panel, el("h3", null, "Note"), el("p", null, n.note));
    if (safeUrl(n.url)) add(panel, el("p", null, outLink(n.url, "Link: " + n.url)));
    var bears = n.out.map(bearsOnItem);
    add(panel, el("h3", null, "What it bears on"),
      bears.length ? el("ul", null, bears) : el("p", { "class": "meta" }, n.claim
        ? "Nothing: it is a top-level claim." : "Nothing."));
    var under = n["in"].map(bearingItem);
    add(panel, el("h3", null, "What bears on it"),
      under.length ? el("ul", null, under) : el("p", { "class": "meta" }, "Nothing in the map."));
  }

  function scoreBox(score) {
    var ev = data.evaluation;
    return el("div", { "class": "score", role: "note" },
      el("div", null, "Strength ", el("strong", null, score.strength.toFixed(2)), " · ",
        el("span", { "class": "status status-" + score.status }, score.word),
        el("span", { "class": "meta" }, " — " + (score.meaning || ev.meanings[score.status]))),
      el("div", { "class": "caveat-note" }, ev.method + "; " + ev.caveat + "."));
  }

  function quoteItem(qi) {
    var q = data.quotes[qi];
    var s = sources.get(q.source);
    var check = CHECK[q.check];
    var where = [outLink(s ? s.url : null, s ? s.title : q.source)];
    if (q.locator) where.push(", " + q.locator);
    if (q.speaker) where.push(" — said by " + actorName(q.speaker));
    var item = el("li", null,
      el("blockquote", null, "“" + q.text + "”"),
      el("div", { "class": "meta" },
        el("span", { "class": "check " + q.check, title: check[1] }, check[0]), " ", where));
    if ((marks.get(qi) || []).length) {
      var go = el("button", { type: "button", "class": "go-source" }, "Show in the source text");
      go.addEventListener("click", function () { showPassage(qi, true); });
      add(item, el("div", null, go));
    }
    return item;
  }

  function relation(kind) {
    return { pro: "supports", con: "opposes", undercut: "undercuts",
      linked: "is a premise of" }[kind];
  }

  function bearsOnItem(linkId) {
    var l = links.get(linkId);
    var item;
    if (l.kind === "undercut") {
      var attacked = links.get(l.target);
      item = el("li", null, el("span", { "class": "rel-undercut" }, "undercuts"),
        " the link from ", nodeLink(attacked.source), " to ", nodeLink(attacked.target),
        el("div", { "class": "meta" }, "An attack on the link: it disputes that the one " +
          relation(attacked.kind).replace(/s$/, "") + "s the other, not either node itself."));
    } else if (l.kind === "linked") {
      var others = nodes.get(l.target).premises.filter(function (id) { return id !== l.source; });
      item = el("li", null, el("span", { "class": "rel-linked" }, "is a premise of"),
        " the linked group ", nodeLink(l.target),
        el("div", { "class": "meta" }, "It bears only together with: ",
          others.map(function (id, i) { return [i ? "; " : "", nodeLink(id)]; })));
    } else {
      item = el("li", null, el("span", { "class": "rel-" + l.kind }, relation(l.kind)), " ",
        nodeLink(l.target));
    }
    linkExtras(item, l);
    return item;
  }

  function bearingItem(linkId) {
    var l = links.get(linkId);
    var item = el("li", null, el("span", { "class": "rel-" + l.kind },
      l.kind === "pro" ? "for" : "against"), ": ", nodeLink(l.source));
    var source = nodes.get(l.source);
    if (source && source.group) {
      add(item, el("div", { "class": "meta" }, "One reason, its premises together: ",
        source.premises.map(function (id, i) { return [i ? "; " : "", nodeLink(id)]; })));
    }
    linkExtras(item, l);
    return item;
  }

  function linkExtras(item, l) {
    if (l.note) add(item, el("div", { "class": "meta" }, "Why it bears: " + l.note));
    if (l.undercuts.length) {
      add(item, el("div", { "class": "meta" }, "This link is attacked (undercut) by: ",
        l.undercuts.map(function (u, i) {
          return [i ? "; " : "", nodeLink(links.get(u).source)];
        })));
    }
  }

  // --- selection ----------------------------------------------------------------------

  function select(id, how) {
    var n = nodes.get(id);
    if (!n) return false;
    how = how || {};
    if (state.selected !== null) {
      var before = elements.get(state.selected);
      if (before) { before.classList.remove("selected"); before.setAttribute("tabindex", "-1"); }
      var row = rows.get(state.selected);
      if (row) { row.classList.remove("selected"); row.removeAttribute("aria-current"); }
    }
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    state.selected = id;
    var g = elements.get(id);
    if (g) {
      g.classList.add("selected");
      g.setAttribute("tabindex", "0");
      if (how.centre) centreOn(g);
    }
    frame();
    var r = rows.get(id);
    if (r) { r.classList.add("selected"); r.setAttribute("aria-current", "true"); }
    showPanel(n);
    var first = null;
    n.quotes.forEach(function (qi) {
      (marks.get(qi) || []).forEach(function (m) {
        m.classList.add("current");
        if (!first) first = m;
      });
    });
    if (first) scrollWithin(first);
    var hash = "#node=" + encodeURIComponent(id);
    if (location.hash !== hash) history.replaceState(null, "", hash);
    return true;
  }

  function scrollWithin(mark) {
    // Only the source's own box scrolls: the page stays where the reader is.
    var box = mark.closest(".text");
    if (box) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }

  function showPassage(qi, focus) {
    var list = marks.get(qi) || [];
    if (!list.length) return;
    scrollWithin(list[0]);
    list[0].scrollIntoView({ block: "center" });
    if (focus) list[0].focus({ preventScroll: true });
  }

  function fromHash() {
    var m = /^#node=(.*)$/.exec(location.hash);
    if (!m) return;
    var id;
    try { id = decodeURIComponent(m[1]); } catch (e) { return; }
    if (id !== state.selected) select(id, { centre: true });
  }

  // --- pan and zoom ---------------------------------------------------------------------

  // The view moves by a CSS transform on the <svg> element, in pixels of the diagram's box:
  // the browser then moves and scales the drawing as it is, where a transform inside the
  // SVG would have it lay out every element again (ten times slower at 1,000 nodes).
  function apply() {
    svg.style.transform = "translate(" + state.x.toFixed(1) + "px, " + state.y.toFixed(1) +
      "px) scale(" + state.k.toFixed(4) + ")";
    if (selection && !selection.hidden) frame();
  }

  function zoomAt(factor, clientX, clientY) {
    var k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, state.k * factor));
    var d = diagram.getBoundingClientRect();
    var px = clientX - d.left, py = clientY - d.top;
    state.x = px - (px - state.x) * (k / state.k);
    state.y = py - (py - state.y) * (k / state.k);
    state.k = k;
    apply();
  }

  function zoomCentre(factor) {
    var r = diagram.getBoundingClientRect();
    zoomAt(factor, r.left + r.width / 2, r.top + r.height / 2);
  }

  function fit() {
    state.k = 1; state.x = 0; state.y = 0;
    apply();
  }

  function pan(dxPixels, dyPixels) {
    state.x += dxPixels;
    state.y += dyPixels;
    apply();
  }

  function fitScale() {
    // Screen pixels per diagram point with the whole diagram fitted (zoom 1).
    var box = svg.viewBox.baseVal;
    if (!box || !box.width || !box.height) return 1;
    return Math.min(diagram.clientWidth / box.width, diagram.clientHeight / box.height);
  }

  // The selection is a frame laid over the diagram, not drawn in it: changing anything in
  // the SVG would make the browser lay out all of the drawing again on the next change
  // anywhere on the page (hundreds of milliseconds for a thousand nodes).
  var selection = null;

  function frame() {
    var g = state.selected !== null ? elements.get(state.selected) : null;
    if (!g) { if (selection) selection.hidden = true; return; }
    if (!selection) {
      // Beside the diagram's box, not in it: a change inside that box lays out the SVG too.
      selection = el("div", { "class": "selection-frame", "aria-hidden": "true" });
      add(diagram.parentNode, el("div", { "class": "frame-layer", "aria-hidden": "true" }, selection));
    }
    var r = g.getBoundingClientRect();
    var d = selection.parentNode.getBoundingClientRect();
    selection.hidden = false;
    selection.style.transform = "translate(" + (r.left - d.left - 5) + "px, " + (r.top - d.top - 5) + "px)";
    selection.style.width = (r.width + 10) + "px";
    selection.style.height = (r.height + 10) + "px";
  }

  function centreOn(g) {
    var r = g.getBoundingClientRect();
    var d = diagram.getBoundingClientRect();
    if (!d.width || !d.height) return;
    // The node's centre in the box's pixels at zoom 1, then moved to the box's centre.
    var ux = (r.left + r.width / 2 - d.left - state.x) / state.k;
    var uy = (r.top + r.height / 2 - d.top - state.y) / state.k;
    var k = Math.min(MAX_ZOOM, Math.max(state.k, READABLE / fitScale()));
    state.k = k;
    state.x = d.width / 2 - k * ux;
    state.y = d.height / 2 - k * uy;
    apply();
  }

  function setUpDiagram() {
    var dragging = null;
    var moved = false;
    diagram.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var step = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
      zoomAt(Math.exp(-step * 0.0015), ev.clientX, ev.clientY);
    }, { passive: false });
    diagram.addEventListener("pointerdown", function (ev) {
      if (ev.button !== 0 || ev.target.closest(".tools")) return;
      dragging = { x: ev.clientX, y: ev.clientY, id: ev.pointerId };
      moved = false;
    });
    diagram.addEventListener("pointermove", function (ev) {
      if (!dragging || ev.pointerId !== dragging.id) return;
      var dx = ev.clientX - dragging.x, dy = ev.clientY - dragging.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!moved) { moved = true; diagram.classList.add("dragging"); diagram.setPointerCapture(ev.pointerId); }
      pan(dx, dy);
      dragging.x = ev.clientX; dragging.y = ev.clientY;
    });
    function stop(ev) {
      if (!dragging || ev.pointerId !== dragging.id) return;
      dragging = null;
      diagram.classList.remove("dragging");
    }
    diagram.addEventListener("pointerup", stop);
    diagram.addEventListener("pointercancel", stop);
    svg.addEventListener("click", function (ev) {
      var g = ev.target.closest("g.argmap-node");
      if (g && svg.contains(g)) ev.preventDefault(); // a node's own link opens from the panel
      if (moved) { moved = false; return; }
      if (g && g.dataset.node) select(g.dataset.node);
    });
    byId("argmap:zoom-in").addEventListener("click", function () { zoomCentre(1.4); });
    byId("argmap:zoom-out").addEventListener("click", function () { zoomCentre(1 / 1.4); });
    byId("argmap:fit").addEventListener("click", fit);
    diagram.addEventListener("keydown", function (ev) {
      if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
      var g = ev.target.closest && ev.target.closest("g.argmap-node");
      var onNode = g && g.dataset.node;
      var keys = {
        "+": function () { zoomCentre(1.25); },
        "=": function () { zoomCentre(1.25); },
        "-": function () { zoomCentre(0.8); },
        "0": fit
      };
      if (onNode && (ev.key === "Enter" || ev.key === " ")) {
        select(g.dataset.node);
      } else if (onNode && (ev.key === "ArrowRight" || ev.key === "ArrowDown" ||
                            ev.key === "ArrowLeft" || ev.key === "ArrowUp")) {
        var step = (ev.key === "ArrowRight" || ev.key === "ArrowDown") ? 1 : -1;
        var at = order.indexOf(g.dataset.node);
        var next = order[(at + step + order.length) % order.length];
        var target = elements.get(next);
        if (target) {
          g.setAttribute("tabindex", "-1");
          target.setAttribute("tabindex", "0");
          target.focus({ preventScroll: true });
          centreOn(target);
        }
      } else if (!onNode && ev.key.indexOf("Arrow") === 0) {
        var d = 60;
        pan(ev.key === "ArrowLeft" ? d : ev.key === "ArrowRight" ? -d : 0,
            ev.key === "ArrowUp" ? d : ev.key === "ArrowDown" ? -d : 0);
      } else if (keys[ev.key]) {
        keys[ev.key]();
      } else {
        return;
      }
      ev.preventDefault();
    });
    // Printing shows the whole diagram, whatever the zoom on screen.
    var saved = null;
    window.addEventListener("beforeprint", function () { saved = [state.k, state.x, state.y]; fit(); });
    window.addEventListener("resize", function () { if (selection && !selection.hidden) frame(); });
    window.addEventListener("afterprint", function () {
      if (saved) { state.k = saved[0]; state.x = saved[1]; state.y = saved[2]; apply(); }
    });
  }

  function registerNodes() {
    var first = true;
    data.nodes.forEach(function (n) {
      var g = svg ? svg.getElementById(n.el) : null;
      // a linked group is drawn as a frame (a Graphviz cluster) around its premises
      var drawn = g && (g.classList.contains("node") || (n.group && g.classList.contains("cluster")));
      if (!drawn) return;
      elements.set(n.id, g);
      g.dataset.node = n.id;
      g.classList.add("argmap-node");
      g.setAttribute("tabindex", first ? "0" : "-1");
      g.setAttribute("role", "button");
      var kind = n.claim ? "Claim " : n.group ? "Linked group " : "Premise ";
      g.setAttribute("aria-label", kind + n.id + ": " + n.text);
      first = false;
    });
  }

  // --- search -----------------------------------------------------------------------------

  function fold(text) {
    return text.normalize("NFC").toLowerCase()
      .replace(/[\u2018\u2019\u201a\u201b\u02bc\u2032`\u00b4]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "")
      .replace(/\s+/g, " ").trim();
  }

  function haystack(n) {
    if (!haystacks.has(n.id)) {
      var parts = [n.id, n.text];
      n.by.forEach(function (a) { parts.push(actorName(a)); });
      n.quotes.forEach(function (qi) {
        var q = data.quotes[qi];
        parts.push(q.text);
        if (q.speaker) parts.push(actorName(q.speaker));
      });
      haystacks.set(n.id, fold(parts.join("\n")));
    }
    return haystacks.get(n.id);
  }

  function runSearch() {
    var query = fold(search.value);
    state.matches = [];
    state.matchAt = -1;
    if (svg) svg.classList.toggle("searching", query !== "");
    data.nodes.forEach(function (n) {
      var hit = query !== "" && haystack(n).indexOf(query) >= 0;
      if (hit) state.matches.push(n.id);
      var g = elements.get(n.id);
      if (g) {
        g.classList.toggle("match", hit);
        g.classList.toggle("dim", query !== "" && !hit);
      }
      var row = rows.get(n.id);
      if (row) row.classList.toggle("dim", query !== "" && !hit);
    });
    if (query === "") count.textContent = "";
    else if (!state.matches.length) count.textContent = "no match";
    else count.textContent = state.matches.length + (state.matches.length === 1 ? " match" : " matches");
  }

  function stepMatch(step) {
    if (!state.matches.length) return;
    state.matchAt = (state.matchAt + step + state.matches.length) % state.matches.length;
    select(state.matches[state.matchAt], { centre: true });
    count.textContent = (state.matchAt + 1) + " of " + state.matches.length +
      (state.matches.length === 1 ? " match" : " matches");
  }

  function setUpSearch() {
    search.addEventListener("input", runSearch);
    search.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { ev.preventDefault(); stepMatch(ev.shiftKey ? -1 : 1); }
      else if (ev.key === "Escape") { search.value = ""; runSearch(); }
    });
    document.addEventListener("keydown", function (ev) {
      var t = ev.target;
      var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
      if (ev.key === "/" && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
        ev.preventDefault();
        search.focus();
        search.select();
      }
    });
  }

  // --- the claims table and the sources ---------------------------------------------------

  function fillTable() {
    var body = byId("argmap:claims-body");
    if (!body) return;
    data.claims.forEach(function (c) {
      var cells = [
        el("td", null, el("a", { href: "#node=" + encodeURIComponent(c.id) }, c.text),
          el("span", { "class": "id" }, c.id)),
        el("td", { "class": "num" }, String(c.pro) + " / " + c.proTotal),
        el("td", { "class": "num" }, String(c.con) + " / " + c.conTotal),
        el("td", { "class": "num" }, String(c.depth)),
        el("td", { "class": "num" }, c.stated ? c.quoted + " of " + c.stated : "–"),
        el("td", null, c.actorsPro.map(actorName).join(", ")),
        el("td", null, c.actorsCon.map(actorName).join(", "))
      ];
      if (data.evaluation) {
        cells.push(el("td", { "class": "num" }, c.strength === null ? "–" : c.strength.toFixed(2)));
        cells.push(el("td", null, c.word || "–"));
      }
      var row = el("tr", { "data-node": c.id }, cells);
      row.addEventListener("click", function (ev) {
        if (ev.target.closest("a")) return; // the link changes the hash, which selects
        select(c.id, { centre: true });
      });
      rows.set(c.id, row);
      body.appendChild(row);
    });
  }

  function fillSources() {
    data.sources.forEach(function (s) {
      var box = byId("argmap:source-text:" + s.id);
      if (!box || !s.pieces) return;
      s.pieces.forEach(function (piece) {
        if (!piece[1].length) { box.appendChild(document.createTextNode(piece[0])); return; }
        var who = piece[1].map(function (qi) { return data.quotes[qi].node; });
        var m = el("mark", { tabindex: "0", title: "Quoted by " + who.join(", ") }, piece[0]);
        m.dataset.quotes = piece[1].join(" ");
        piece[1].forEach(function (qi) {
          if (!marks.has(qi)) marks.set(qi, []);
          marks.get(qi).push(m);
        });
        box.appendChild(m);
      });
      box.addEventListener("click", function (ev) {
        var m = ev.target.closest("mark");
        if (m) pickMark(m);
      });
      box.addEventListener("keydown", function (ev) {
        var m = ev.target.closest && ev.target.closest("mark");
        if (m && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); pickMark(m); }
      });
    });
  }

  function pickMark(m) {
    // A passage quoted by several nodes selects each of them in turn.
    var who = m.dataset.quotes.split(" ").map(function (qi) { return data.quotes[+qi].node; });
    var at = who.indexOf(state.selected);
    select(who[(at + 1) % who.length], { centre: true });
  }

  function setUpDescription() {
    // Two lines of it at first; a click or Enter shows all of it.
    var d = document.querySelector(".top .description");
    if (!d) return;
    function toggle() {
      d.classList.toggle("open");
      d.setAttribute("aria-expanded", d.classList.contains("open") ? "true" : "false");
    }
    d.addEventListener("click", toggle);
    d.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggle(); }
    });
  }

  // --- start ----------------------------------------------------------------------------

  if (svg) {
    registerNodes();
    setUpDiagram();
    apply();
  }
  setUpDescription();
  fillTable();
  fillSources();
  setUpSearch();
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
