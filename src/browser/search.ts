// @ts-nocheck -- plain JavaScript moved from public/; to be typed.
/*
 * Site search: one search box, two engines, one way of matching Japanese.
 *
 * Over http(s) the candidates come from Pagefind (pagefind/pagefind.js, loaded on first
 * use). From file:// Pagefind cannot load (browsers block module and fetch requests
 * there), so the pages come from search/fallback-index.js, a classic script the build
 * writes. Either way every candidate is checked and ranked here by the same matcher, because
 * Pagefind's Japanese handling splits queries differently from its index (サイバー becomes
 * サイ + バー and then matches サイドバー-like noise) and knows no spelling variants.
 *
 * A classic script on purpose: no modules, no build step, runs from a file share.
 * The build and the tests load this same file, so there is one matcher.
 */
(function () {
  'use strict';

  var root = typeof window !== 'undefined' ? window : globalThis;

  // ---------------------------------------------------------------------------------
  // Spelling variants of one word. Width (ＵＳＢ), katakana/hiragana, small vowels
  // (ウィルス/ウイルス) and a word-final long vowel mark (サーバー/サーバ) are already
  // folded by `normalize`; they are listed too because Pagefind only finds the form
  // that is written on the page, so its queries need every written form.
  var VARIANTS = [
    ['サーバー', 'サーバ'],
    ['ユーザー', 'ユーザ'],
    ['コンピューター', 'コンピュータ'],
    ['メモリー', 'メモリ'],
    ['プリンター', 'プリンタ'],
    ['ルーター', 'ルータ'],
    ['メール', 'eメール', 'Eメール', '電子メール'],
    ['パソコン', 'PC', 'パーソナルコンピュータ'],
    ['USB', 'ＵＳＢ'],
    ['ウイルス', 'ウィルス'],
    ['ソフトウェア', 'ソフトウエア'],
    ['ランサムウェア', 'ランサムウエア'],
    ['マルウェア', 'マルウエア'],
    ['ファームウェア', 'ファームウエア'],
    ['脆弱性', 'ぜい弱性'],
    ['漏洩', '漏えい'],
    ['改竄', '改ざん'],
    ['隠蔽', '隠ぺい'],
    ['毀損', 'き損'],
    ['ログイン', 'ログオン', 'サインイン'],
    ['問い合わせ', '問合せ', '問い合せ', '問合わせ'],
    ['取り扱い', '取扱い', '取扱'],
    ['切り離す', '切離す', '切り離し', '切離し'],
    ['二要素認証', '2要素認証'],
    ['Wi-Fi', 'WiFi', '無線LAN'],
  ];

  // ---------------------------------------------------------------------------------
  // Normalisation: text and query go through the same function.

  var KATAKANA = /[\u30A1-\u30FA\u30FC\u30FD\u30FE]/;
  var SKIP = /[\p{P}\p{S}]/u;
  var SPACE = /\s/;
  var SMALL = { 'ぁ': 'あ', 'ぃ': 'い', 'ぅ': 'う', 'ぇ': 'え', 'ぉ': 'お', 'ゎ': 'わ', 'ゕ': 'か', 'ゖ': 'か' };
  // A base character with what follows it and belongs to it (half-width voicing marks too).
  var CLUSTER = /[\s\S][\u3099\u309A\uFF9E\uFF9F\p{M}]*/gu;

  /**
   * Folds `text` for matching and keeps, for every folded character, where in the
   * original it came from (`starts`/`ends`), to cut excerpts from the original text.
   * Spaces, punctuation and symbols go (USB メモリ = USBメモリ, IT-BCP = ITBCP); line
   * breaks too, as Pagefind's copy of a page has none and both engines must agree.
   */
  function normalizeWithMap(text) {
    var chars = [];
    var from = [];
    var to = [];
    var kata = [];
    // Whether a space or a symbol was dropped just before chars[i] (a word boundary).
    var gap = [];
    var dropped = false;
    CLUSTER.lastIndex = 0;
    var m;
    while ((m = CLUSTER.exec(text)) !== null) {
      var folded = m[0].normalize('NFKC').toLowerCase();
      for (var i = 0; i < folded.length; i++) {
        var c = folded[i];
        if (SPACE.test(c) || SKIP.test(c)) {
          dropped = true;
          continue;
        }
        chars.push(c);
        from.push(m.index);
        to.push(m.index + m[0].length);
        kata.push(KATAKANA.test(c));
        gap.push(dropped);
        dropped = false;
      }
    }
    var out = '';
    var starts = [];
    var ends = [];
    for (var j = 0; j < chars.length; j++) {
      var ch = chars[j];
      // サーバー → サーバ: drop a long vowel mark that ends a katakana word.
      if (ch === 'ー' && j > 0 && kata[j - 1] && !(j + 1 < chars.length && kata[j + 1] && !gap[j + 1])) continue;
      var code = ch.charCodeAt(0);
      if (code >= 0x30a1 && code <= 0x30f6) ch = String.fromCharCode(code - 0x60);
      if (SMALL[ch]) ch = SMALL[ch];
      out += ch;
      starts.push(from[j]);
      ends.push(to[j]);
    }
    return { text: out, starts: starts, ends: ends };
  }

  function normalize(text) {
    return normalizeWithMap(text).text;
  }

  var FOLDED_VARIANTS = VARIANTS.map(function (group) {
    return unique(group.map(normalize));
  });

  // ---------------------------------------------------------------------------------
  // Queries

  /**
   * Splits a query into terms (all must match). Each term carries its folded `forms`
   * (for matching) and the written `surfaces` Pagefind should be asked for.
   */
  function parseQuery(query) {
    var terms = [];
    String(query || '')
      .normalize('NFKC')
      .split(/\s+/)
      .forEach(function (raw) {
        var folded = normalize(raw);
        if (!folded) return;
        var forms = [folded].concat(swapVariants(folded, FOLDED_VARIANTS));
        var surfaces = [raw].concat(swapVariants(raw, VARIANTS));
        // サーバー typed, サーバ written. (The other way round Pagefind finds it as a prefix.)
        if (/[\u30A1-\u30FA]ー$/.test(raw)) surfaces.push(raw.slice(0, -1));
        terms.push({ raw: raw, forms: unique(forms), surfaces: unique(surfaces) });
      });
    return { text: String(query || ''), terms: terms };
  }

  /**
   * `word` with a listed spelling replaced by each other spelling of its group. Only the
   * longest spelling found counts, so eメール gives メール, not eeメール.
   */
  function swapVariants(word, groups) {
    var out = [];
    groups.forEach(function (group) {
      var found = '';
      group.forEach(function (member) {
        if (member.length > found.length && word.indexOf(member) !== -1) found = member;
      });
      if (!found) return;
      group.forEach(function (other) {
        if (other !== found) out.push(word.split(found).join(other));
      });
    });
    return out;
  }

  /** Words as the browser splits them, which is how Pagefind splits a Japanese query. */
  function browserWords(text) {
    if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') return [text];
    var out = [];
    var segments = new Intl.Segmenter('ja', { granularity: 'word' }).segment(text);
    for (var it = segments[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) {
      if (step.value.isWordLike) out.push(step.value.segment);
    }
    return out;
  }

  /**
   * The query strings to send to Pagefind. First the query and its spelling variants;
   * then each word on its own, because Pagefind wants every word of a query and its index
   * splits Japanese differently from the browser (リポジトリ is one word in the index but
   * リ + ポジ + トリ in the query), so a page can be missing from the full query's results.
   * Asking word by word over-collects; the shared matcher then keeps only real matches.
   */
  function pagefindQueries(parsed, limit) {
    var max = limit || 16;
    var primary = parsed.terms.map(function (t) {
      return t.surfaces[0];
    });
    var list = [primary.join(' ')];
    parsed.terms.forEach(function (term, i) {
      term.surfaces.slice(1).forEach(function (surface) {
        var words = primary.slice();
        words[i] = surface;
        list.push(words.join(' '));
      });
    });
    parsed.terms.forEach(function (term) {
      term.surfaces.forEach(function (surface) {
        var words = browserWords(surface);
        if (words.length > 1 || parsed.terms.length > 1) list = list.concat(words);
      });
    });
    return unique(list).slice(0, max);
  }

  // ---------------------------------------------------------------------------------
  // Matching and ranking, the same for both engines.
  //
  // A document is { title, headings: [string], body: string }. A term matches where one
  // of its forms occurs in the folded text. Title and headings weigh most, then how
  // often the body has the term, damped by the body's length so that a short page about
  // the word ranks above a long page that mentions it in passing.

  var WEIGHT = { title: 12, heading: 5, body: 3 };

  function folded(doc) {
    if (!doc._folded) {
      doc._folded = {
        title: normalize(doc.title || ''),
        headings: (doc.headings || []).map(normalize),
        body: normalize(doc.body || ''),
      };
    }
    return doc._folded;
  }

  function countOf(haystack, needle, cap) {
    var n = 0;
    var at = haystack.indexOf(needle);
    while (at !== -1 && n < cap) {
      n++;
      at = haystack.indexOf(needle, at + needle.length);
    }
    return n;
  }

  /** Length of the longest piece of `term` that occurs in `text`. */
  function longestShared(term, text) {
    for (var len = term.length; len > 0; len--) {
      for (var start = 0; start + len <= term.length; start++) {
        if (text.indexOf(term.slice(start, start + len)) !== -1) return len;
      }
    }
    return 0;
  }

  function termScore(f, term) {
    var best = 0;
    term.forms.forEach(function (form) {
      var s = 0;
      if (f.title.indexOf(form) !== -1) s += WEIGHT.title;
      if (f.headings.some(function (h) { return h.indexOf(form) !== -1; })) s += WEIGHT.heading;
      var count = countOf(f.body, form, 100);
      if (count > 0) s += (WEIGHT.body * (1 + Math.log(count))) / (1 + f.body.length / 4000);
      if (s > best) best = s;
    });
    return best;
  }

  /**
   * Scores one document: `{ score, exact }`, score 0 when some term is missing.
   * A term of four or more characters that is not found may still match loosely when
   * three quarters of it occur in one piece (a typo or a missing okurigana), scored low.
   */
  function scoreDocument(doc, parsed) {
    if (parsed.terms.length === 0) return { score: 0, exact: false };
    var f = folded(doc);
    var all = f.title + '\n' + f.headings.join('\n') + '\n' + f.body;
    var total = 0;
    var exact = true;
    for (var i = 0; i < parsed.terms.length; i++) {
      var term = parsed.terms[i];
      var s = termScore(f, term);
      if (s === 0) {
        var form = term.forms[0];
        if (form.length < 4 || longestShared(form, all) < Math.ceil(form.length * 0.75)) return { score: 0, exact: false };
        s = 0.2;
        exact = false;
      }
      total += s;
    }
    return { score: total, exact: exact };
  }

  /** Ranks documents; loose matches only count when nothing matches exactly. */
  function rank(docs, parsed) {
    var scored = docs
      .map(function (doc) {
        var r = scoreDocument(doc, parsed);
        return { doc: doc, score: r.score, exact: r.exact };
      })
      .filter(function (r) {
        return r.score > 0;
      });
    var exact = scored.filter(function (r) {
      return r.exact;
    });
    var list = exact.length > 0 ? exact : scored;
    list.sort(function (a, b) {
      return b.score - a.score || String(a.doc.url).localeCompare(String(b.doc.url));
    });
    return list;
  }

  function hasForm(text, term) {
    return term.forms.some(function (form) {
      return text.indexOf(form) !== -1;
    });
  }

  /**
   * Where in a page to land ({ heading, text, ... } in page order): the first section whose
   * heading names a term and that holds every term, else the first that holds every term,
   * else the first that holds any. Predictable, like the browser's own find.
   */
  function bestSection(sections, parsed) {
    var list = (sections || []).map(function (section) {
      // Folded once per section and kept: the same pages come back query after query.
      if (section._heading === undefined) {
        section._heading = normalize(section.heading || '');
        section._all = section._heading + '\n' + normalize(section.text || '');
      }
      var heading = section._heading;
      var all = section._all;
      return {
        section: section,
        every: parsed.terms.every(function (t) { return hasForm(all, t); }),
        some: parsed.terms.some(function (t) { return hasForm(all, t); }),
        named: parsed.terms.some(function (t) { return hasForm(heading, t); }),
      };
    });
    var pick =
      list.filter(function (x) { return x.every && x.named; })[0] ||
      list.filter(function (x) { return x.every; })[0] ||
      list.filter(function (x) { return x.some; })[0];
    return pick && pick.section;
  }

  /**
   * A piece of `text` around the first match, as parts `{ text, mark }` so the page can
   * build it with text nodes (answers in the text are never parsed as HTML).
   */
  function excerpt(text, parsed, width) {
    var around = width || 40;
    var n = normalizeWithMap(text);
    var hit = -1;
    var hitLen = 0;
    parsed.terms.forEach(function (term) {
      term.forms.forEach(function (form) {
        var at = n.text.indexOf(form);
        if (at !== -1 && (hit === -1 || at < hit)) {
          hit = at;
          hitLen = form.length;
        }
      });
    });
    var flat = function (s) {
      return s.replace(/\s+/g, ' ');
    };
    if (hit === -1) {
      var head = text.slice(0, around * 2);
      return [{ text: flat(head) + (text.length > head.length ? '…' : ''), mark: false }];
    }
    var start = n.starts[hit];
    var end = n.ends[hit + hitLen - 1];
    // Folding dropped a word-final ー (サーバー → さーば); mark it too.
    while (end < text.length && (text[end] === 'ー' || text[end] === 'ｰ')) end++;
    var from = Math.max(0, start - around);
    var to = Math.min(text.length, end + around);
    var parts = [];
    parts.push({ text: (from > 0 ? '…' : '') + flat(text.slice(from, start)), mark: false });
    parts.push({ text: flat(text.slice(start, end)), mark: true });
    parts.push({ text: flat(text.slice(end, to)) + (to < text.length ? '…' : ''), mark: false });
    return parts;
  }

  // ---------------------------------------------------------------------------------
  // Engines. Both build the same page documents from the same extracted text (the build
  // gives Pagefind and the fallback index one reading of every page) and return
  // [{ url, title, section, excerpt, score }] with urls relative to the site root.

  /**
   * A page as the matcher sees it. `sections` are { id, heading, text } in page order; the
   * top of the page (id '') comes first and carries the page title as its heading. The
   * body is all of it, title first, as in what the build gave Pagefind.
   */
  function pageDoc(url, title, sections) {
    var list = sections.slice();
    if (list.length === 0 || list[0].id) list.unshift({ id: '', heading: '', text: '' });
    list[0] = { id: '', heading: title, text: [list[0].heading, list[0].text].filter(Boolean).join('\n') };
    return {
      url: url,
      title: title,
      headings: list.filter(function (s) { return s.id; }).map(function (s) { return s.heading; }),
      body: list.map(function (s) { return s.heading + '\n' + s.text; }).join('\n'),
      sections: list,
    };
  }

  function results(docs, parsed) {
    return rank(docs, parsed).map(function (r) {
      var section = bestSection(r.doc.sections, parsed) || r.doc.sections[0];
      return {
        url: r.doc.url + (section.id ? '#' + section.id : ''),
        title: r.doc.title,
        section: section.id ? section.heading : '',
        excerpt: excerpt(section.text, parsed),
        score: r.score,
      };
    });
  }

  /** Searches the fallback index (`{ pages: [{ url, title, sections }] }`). */
  function searchIndex(index, query) {
    var parsed = parseQuery(query);
    if (parsed.terms.length === 0) return [];
    var docs = (index && index.pages ? index.pages : []).map(function (page) {
      if (!page._doc) page._doc = pageDoc(page.url, page.title, page.sections);
      return page._doc;
    });
    return results(docs, parsed);
  }

  /** Pagefind urls start at the site root (`/plan.html`); the site is addressed relatively. */
  function siteRelative(url) {
    return String(url || '').replace(/^\/+/, '');
  }

  /** Opens each section heading in the text the build gives Pagefind (src/search/pagefind.ts). */
  var SECTION_MARK = '¶';

  /** A page document from Pagefind's data: its text cut back into the sections the build gave it. */
  function pagefindDoc(d) {
    var content = d.content || '';
    var title = (d.meta && d.meta.title) || '';
    var heads = (d.anchors || []).filter(function (a) {
      return /^h[1-6]$/.test(a.element) && a.id && a.text.indexOf(SECTION_MARK) === 0;
    });
    var parts = content.split(SECTION_MARK);
    if (parts.length !== heads.length + 1) {
      // Not cut as expected: one section, still searchable, linked to the top of the page.
      heads = [];
      parts = [content.split(SECTION_MARK).join('')];
    }
    // Pagefind ends a heading with '.'; the text itself follows.
    var after = function (part, lead) {
      var text = part.trim();
      if (lead && text.indexOf(lead) === 0) text = text.slice(lead.length);
      return text.replace(/^[.\s]+/, '');
    };
    // The text starts with the title (the build puts it there); pageDoc adds it back.
    var sections = [{ id: '', heading: '', text: after(parts[0], title) }];
    heads.forEach(function (a, i) {
      var heading = a.text.slice(SECTION_MARK.length).trim();
      sections.push({ id: a.id, heading: heading, text: after(parts[i + 1], heading) });
    });
    // raw_url is the url as indexed (/plan.html); `url` has Pagefind's guess of the site's
    // base prepended (/subpath/plan.html), which relative links must not repeat.
    return pageDoc(siteRelative(d.raw_url || d.url), title, sections);
  }

  /**
   * Searches with a loaded Pagefind module: Pagefind proposes pages for the query, its
   * spelling variants and its single words; the shared matcher decides and ranks. If
   * nothing proposed really matches, every page is checked once (`search(null)`), so a
   * page the index splits differently from the query is still found.
   */
  function searchPagefind(pagefind, query) {
    var parsed = parseQuery(query);
    if (parsed.terms.length === 0) return Promise.resolve([]);
    var found = {};
    var collect = function (res) {
      (res && res.results ? res.results : []).forEach(function (r) {
        found[r.id] = r;
      });
    };
    var judge = function () {
      var list = Object.keys(found).map(function (id) { return found[id]; });
      return Promise.all(list.map(function (r) { return r.data(); })).then(function (datas) {
        return results(datas.map(pagefindDoc), parsed);
      });
    };
    return Promise.all(
      pagefindQueries(parsed).map(function (q) {
        return pagefind.search(q).then(collect);
      }),
    )
      .then(judge)
      .then(function (list) {
        if (list.length > 0) return list;
        return pagefind.search(null).then(collect).then(judge);
      });
  }

  // ---------------------------------------------------------------------------------
  // The search box (Base.astro: form[data-bcp-search] with data-root = path to the site root).

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () {
        reject(new Error('cannot load ' + src));
      };
      document.head.appendChild(s);
    });
  }

  function makeEngine(siteRoot) {
    var base = new URL(siteRoot, location.href);
    var fallback = function () {
      var ready = root.BCP_SEARCH_INDEX ? Promise.resolve() : loadScript(new URL('search/fallback-index.js', base).href);
      return ready.then(function () {
        return {
          name: 'fallback',
          search: function (q) {
            return Promise.resolve(searchIndex(root.BCP_SEARCH_INDEX, q));
          },
        };
      });
    };
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return fallback();
    return import(new URL('pagefind/pagefind.js', base).href)
      .then(function (pagefind) {
        return Promise.resolve(pagefind.init ? pagefind.init() : undefined).then(function () {
          return {
            name: 'pagefind',
            search: function (q) {
              return searchPagefind(pagefind, q);
            },
          };
        });
      })
      .catch(fallback);
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function setUp(form) {
    var input = form.querySelector('input[type="search"]');
    var panel = form.querySelector('[data-search-results]');
    if (!input || !panel) return;
    var siteRoot = form.getAttribute('data-root') || './';
    var engine;
    var seq = 0;
    var timer;

    var getEngine = function () {
      if (!engine) engine = makeEngine(siteRoot);
      return engine;
    };

    var show = function (query, results, engineName) {
      panel.textContent = '';
      panel.setAttribute('data-engine', engineName);
      panel.setAttribute('data-query', query);
      panel.appendChild(
        el('p', 'search-status', results.length > 0 ? '「' + query + '」: ' + results.length + ' 件' : '「' + query + '」に合うページはありません。言い換えるか、短くしてみてください。'),
      );
      if (results.length > 0) {
        var list = el('ol', 'search-list');
        results.slice(0, 20).forEach(function (r) {
          var li = el('li');
          var a = el('a');
          a.href = new URL(r.url, new URL(siteRoot, location.href)).href;
          a.appendChild(el('strong', '', r.title || r.url));
          if (r.section) a.appendChild(el('span', 'search-section', ' › ' + r.section));
          li.appendChild(a);
          var p = el('p', 'search-excerpt');
          r.excerpt.forEach(function (part) {
            p.appendChild(part.mark ? el('mark', '', part.text) : document.createTextNode(part.text));
          });
          li.appendChild(p);
          list.appendChild(li);
        });
        panel.appendChild(list);
      }
      panel.hidden = false;
      form.setAttribute('data-state', 'done');
    };

    var run = function () {
      var query = input.value.trim();
      var mine = ++seq;
      if (!query) {
        panel.hidden = true;
        panel.textContent = '';
        form.removeAttribute('data-state');
        return;
      }
      form.setAttribute('data-state', 'searching');
      getEngine()
        .then(function (e) {
          return e.search(query).then(function (results) {
            if (mine === seq) show(query, results, e.name);
          });
        })
        .catch(function () {
          if (mine !== seq) return;
          panel.textContent = '';
          panel.appendChild(el('p', 'search-status', '検索を読み込めませんでした。目次からページを開いてください。'));
          panel.hidden = false;
          form.setAttribute('data-state', 'error');
        });
    };

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(run, 200);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        input.value = '';
        run();
      }
    });
    // A click elsewhere closes the results; coming back to the box shows them again.
    document.addEventListener('click', function (event) {
      if (!form.contains(event.target)) panel.hidden = true;
    });
    input.addEventListener('focus', function () {
      if (panel.childNodes.length > 0 && input.value.trim()) panel.hidden = false;
    });
    // Start loading on first focus so the first answer comes quickly.
    input.addEventListener('focus', function () {
      getEngine().catch(function () {});
    }, { once: true });

    var initial = new URLSearchParams(location.search).get('q');
    if (initial) {
      input.value = initial;
      run();
    }
  }

  function unique(list) {
    var seen = Object.create(null);
    return list.filter(function (x) {
      if (seen[x]) return false;
      seen[x] = true;
      return true;
    });
  }

  root.BCPSearch = {
    VARIANTS: VARIANTS,
    normalize: normalize,
    normalizeWithMap: normalizeWithMap,
    parseQuery: parseQuery,
    pagefindQueries: pagefindQueries,
    scoreDocument: scoreDocument,
    rank: rank,
    excerpt: excerpt,
    searchIndex: searchIndex,
    searchPagefind: searchPagefind,
    bestSection: bestSection,
    SECTION_MARK: SECTION_MARK,
    /** The engine the search box uses on this page: { name, search(query) }. */
    engine: function (siteRoot) {
      return makeEngine(siteRoot || './');
    },
  };

  if (typeof document !== 'undefined') {
    var start = function () {
      Array.prototype.forEach.call(document.querySelectorAll('form[data-bcp-search]'), setUp);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
})();
