// The search page: asks Pagefind's indexes of the page's language as the reader types, and
// shows each topic's title, series and number,
// edition, and an excerpt with the matched words highlighted. Filters by edition and tag,
// and the order, narrow the same query. Everything is a native control, so it works by
// keyboard; the status line (role="status") announces the count to screen readers.
//
// A language's pages are indexed in bundles of site.yml's search_bundle_pages (one Pagefind
// run each, which bounds the build's memory), listed oldest first in the bundles.json that
// data-pagefind names. The first bundle's script loads the others with Pagefind's mergeIndex
// (one script and one WebAssembly for them all; Pagefind finds its files and the site's base
// path from the script's own URL), and each bundle is tagged with a synthetic "bundle" filter,
// so that a query asks bundle by bundle: by relevance, the results are merged by score, as
// mergeIndex itself merges; newest first, newest bundle first (the bundles cover successive
// dates, each already in date order), since with a sort mergeIndex's scores are each bundle's
// ranks, which it would interleave.
const form = document.querySelector('form.search-form[data-pagefind]');
if (form) {
  start(form);
}

function start(form) {
  const input = form.querySelector('input[type="search"]');
  const sort = form.querySelector('select[name="sort"]');
  const status = document.querySelector('.search-status');
  const list = document.querySelector('.search-results');
  const moreRow = document.querySelector('.search-more-row');
  const more = document.querySelector('.search-more');
  const pageSize = 10;
  let bundles = null;
  let attempt = 0;
  let run = 0;
  let pending = [];
  let timer = 0;

  function load() {
    if (!bundles) {
      bundles = open(attempt);
      bundles.catch(forget);
    }
    return bundles;
  }

  // After a failure (offline, say) the next query loads everything again, from a module of
  // its own: the browser keeps a module it imported, and Pagefind keeps its failed state in it.
  function forget() {
    bundles = null;
    attempt++;
  }

  async function open(fresh) {
    const manifest = new URL(form.dataset.pagefind, window.location.href);
    const response = await fetch(manifest);
    if (!response.ok) {
      throw new Error(`${manifest}: ${response.status}`);
    }
    const folders = await response.json();
    if (folders.length === 0) {
      return { pagefind: null, count: 0 };
    }
    const tagged = (index) => ({ mergeFilter: { bundle: String(index + 1) } });
    const script = new URL(`${folders[0]}pagefind.js`, manifest);
    if (fresh) {
      script.searchParams.set('attempt', String(fresh));
    }
    const pagefind = await import(script.href);
    await pagefind.options(tagged(0));
    await pagefind.init();
    await Promise.all(folders.slice(1).map((folder, index) => pagefind.mergeIndex(new URL(folder, manifest).pathname, tagged(index + 1))));
    return { pagefind, count: folders.length };
  }

  async function find(query, filters) {
    const { pagefind, count } = await load();
    if (!pagefind) {
      return { results: [] };
    }
    const order = sort.value ? { [sort.value]: 'desc' } : undefined;
    const newestFirst = Array.from({ length: count }, (_, index) => String(count - index));
    const asked = query ? await bundlesWithTheWords(pagefind, query, newestFirst) : newestFirst;
    const found = await Promise.all(asked.map((bundle) => pagefind.search(query, { filters: { ...filters, bundle }, sort: order })));
    const results = found.flatMap((one) => one.results);
    return { results: order ? results : results.sort((a, b) => b.score - a.score) };
  }

  // Pagefind answers a word its index lacks with the longest prefix of it that the index has
  // ("marker5" finds every "marker"). One index for the whole language does that only when no
  // topic has the word; a bundle that lacks it would add such near matches to the real ones
  // of the others. So a word some bundle has exactly (a quoted search, which never falls back)
  // is asked only of the bundles that have it.
  async function bundlesWithTheWords(pagefind, query, all) {
    if (all.length < 2 || query.includes('"')) {
      return all;
    }
    const words = query.split(/\s+/).filter((word) => word.length > 0);
    const has = await Promise.all(all.map((bundle) => Promise.all(words.map(async (word) => {
      const exact = await pagefind.search(`"${word}"`, { filters: { bundle } });
      return exact.results.length > 0;
    }))));
    const somewhere = words.map((_, at) => has.some((row) => row[at]));
    return all.filter((_, bundle) => somewhere.every((found, at) => !found || has[bundle][at]));
  }

  // A load Pagefind never finishes (its metadata failed to arrive) would leave the status at
  // "Searching…": after this long the search says it failed, and the next query starts again.
  const patience = 30000;
  function withinPatience(promise) {
    return Promise.race([promise, new Promise((_, reject) => {
      setTimeout(() => reject(new Error('Pagefind did not answer')), patience);
    })]);
  }

  function chosenFilters() {
    const filters = {};
    for (const box of form.querySelectorAll('.search-filter input:checked')) {
      (filters[box.name] ||= { any: [] }).any.push(box.value);
    }
    return filters;
  }

  // A count in words: the layout writes the string's plural forms by CLDR category
  // (C#'s Labels and Plural), and the browser's plural rules pick one.
  const plural = new Intl.PluralRules(document.documentElement.lang);
  function say(template, query, count) {
    status.textContent = template.replace('{query}', query).replace('{count}', String(count));
  }
  // A search by filters alone says so, rather than quoting an empty query.
  function sayFound(query, count) {
    const forms = JSON.parse(query ? form.dataset.found : form.dataset.foundFiltered);
    say(forms[plural.select(count)] || forms.other, query, count);
  }

  async function search() {
    const mine = ++run;
    const query = input.value.trim();
    const filters = chosenFilters();
    const url = new URL(window.location.href);
    if (query) {
      url.searchParams.set('q', query);
    } else {
      url.searchParams.delete('q');
    }
    window.history.replaceState(null, '', url);
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      moreRow.hidden = true;
      status.textContent = '';
      return;
    }

    status.textContent = form.dataset.searching;
    try {
      const found = await withinPatience(find(query || null, filters));
      if (mine !== run) {
        return;
      }
      pending = found.results;
      list.replaceChildren();
      await showMore(mine, false);
      const count = found.results.length;
      if (count === 0) {
        say(query ? form.dataset.none : form.dataset.noneFiltered, query, count);
      } else {
        sayFound(query, count);
      }
    } catch {
      forget();
      if (mine === run) {
        status.textContent = form.dataset.failed;
      }
    }
  }

  async function showMore(mine, moveFocus) {
    const next = pending.slice(0, pageSize);
    pending = pending.slice(pageSize);
    const data = await Promise.all(next.map((result) => result.data()));
    if (mine !== run) {
      return;
    }
    const items = data.map(render);
    list.append(...items);
    moreRow.hidden = pending.length === 0;
    if (moveFocus && items.length > 0) {
      items[0].querySelector('a').focus();
    }
  }

  function render(result) {
    const item = document.createElement('li');
    item.className = 'search-result';
    const meta = result.meta || {};
    // The topic page's own label (C#'s Labels): "ODA Topics 3", or "Topic 3" without a series.
    if (meta.series) {
      const series = document.createElement('p');
      series.className = 'topic-series';
      series.textContent = meta.series;
      item.append(series);
    }
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = meta.title || result.url;
    heading.append(link);
    item.append(heading);
    // Edition and date side by side (the layout's gap separates them: no joiner to translate).
    if (meta.edition || meta.date) {
      const line = document.createElement('p');
      line.className = 'topic-meta';
      if (meta.edition) {
        const edition = document.createElement('span');
        edition.className = 'topic-edition';
        edition.textContent = meta.edition;
        line.append(edition);
      }
      if (meta.date) {
        const date = document.createElement('span');
        date.className = 'topic-date';
        date.textContent = meta.date;
        line.append(date);
      }
      item.append(line);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'search-excerpt';
    excerpt.append(...quoted(result));
    item.append(excerpt);
    return item;
  }

  // The excerpt (issue 15): a window of the summary and body text only, where the matches
  // are densest, the matched words in <mark>. The layout puts everything else that should
  // find the topic (title, series, tags, captions, search_terms) after the #search-only
  // anchor, and Pagefind's own excerpt would quote it. Pagefind ends blocks that have no
  // punctuation with a Latin full stop: the page's language says what ends a sentence
  // (「。」) and what follows one (nothing in Japanese).
  function quoted(result) {
    const raw = (result.raw_content || '').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    const segmented = raw.includes('\u200B');
    const words = segmented ? raw.split('\u200B') : raw.split(/[^\S\uFEFF]+/);
    const tail = (result.anchors || []).find((anchor) => anchor.id === 'search-only');
    const end = tail ? Math.min(tail.location, words.length) : words.length;
    const length = Math.min(end, segmented ? 60 : 30);
    const scores = new Map();
    for (const word of result.weighted_locations || []) {
      if (word.location < end) {
        scores.set(word.location, (scores.get(word.location) || 0) + (word.balanced_score || word.weight || 1));
      }
    }
    // The densest window; of a run of equally dense ones, the middle, so the matches are
    // not pushed to an edge.
    let best = 0;
    let tied = [0];
    for (let from = 0; from + length <= end; from++) {
      let sum = 0;
      for (const [at, score] of scores) {
        if (at >= from && at < from + length) {
          sum += score;
        }
      }
      if (sum > best) {
        best = sum;
        tied = [from];
      } else if (sum === best && best > 0 && tied[tied.length - 1] === from - 1) {
        tied.push(from);
      }
    }
    const start = tied[Math.floor(tied.length / 2)];
    const stop = form.dataset.fullStop;
    const gap = form.dataset.sentenceGap;
    const nodes = [];
    if (start > 0) {
      nodes.push(document.createTextNode(segmented ? '…' : '… '));
    }
    // A window that opens on a comma or full stop starts after it.
    let first = start;
    while (first < start + length - 1 && /^[、。，．,.]\s*$/u.test(words[first])) {
      first++;
    }
    let mark = null;
    for (let at = first; at < start + length; at++) {
      let word = words[at];
      if (/^\.\s*$/.test(word)) {
        word = stop + gap;
      } else if (segmented) {
        word = word.replace(/([。．！？」』）])\s+$/u, `$1${gap}`);
      }
      const joiner = segmented || at === first ? '' : ' ';
      if (!scores.has(at)) {
        mark = null;
        nodes.push(document.createTextNode(joiner + word));
      } else if (mark) {
        // Matched words side by side (「安全」「保障」, "human security") are one highlight.
        mark.textContent += joiner + word.trimEnd();
      } else {
        if (joiner) {
          nodes.push(document.createTextNode(joiner));
        }
        mark = document.createElement('mark');
        mark.textContent = word.trimEnd();
        nodes.push(mark);
      }
      if (scores.has(at) && word !== word.trimEnd()) {
        mark = null;
        nodes.push(document.createTextNode(word.slice(word.trimEnd().length)));
      }
    }
    if (start + length < end) {
      nodes.push(document.createTextNode(segmented ? '…' : ' …'));
    }
    return nodes;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  form.addEventListener('change', (event) => {
    if (event.target !== input) {
      search();
    }
  });
  more.addEventListener('click', () => showMore(run, true));

  const query = new URLSearchParams(window.location.search).get('q');
  if (query) {
    input.value = query;
    search();
  } else {
    // Load the index while the reader types the first word.
    input.addEventListener('focus', () => load().catch(() => {}), { once: true });
  }
}
