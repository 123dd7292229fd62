// The search page: asks Pagefind's index of the page's language (it picks the index from
// <html lang>) as the reader types, and shows each topic's title, series and number,
// edition, and an excerpt with the matched words highlighted. Filters by edition and tag,
// and the order, narrow the same query. Everything is a native control, so it works by
// keyboard; the status line (role="status") announces the count to screen readers.
const form = document.querySelector('form.search-form[data-pagefind]');
if (form) {
  start(form);
}

function start(form) {
  const input = form.querySelector('input[type="search"]');
  const options = form.querySelector('.search-options');
  const sort = form.querySelector('select[name="sort"]');
  const status = document.querySelector('.search-status');
  const list = document.querySelector('.search-results');
  const moreRow = document.querySelector('.search-more-row');
  const more = document.querySelector('.search-more');
  const pageSize = 10;
  let pagefind = null;
  let run = 0;
  let pending = [];
  let timer = 0;

  async function load() {
    if (!pagefind) {
      pagefind = await import(form.dataset.pagefind);
      await pagefind.options({ excerptLength: 30 });
      await showFilters(await pagefind.filters());
    }
    return pagefind;
  }

  async function showFilters(available) {
    const edition = form.dataset.editionLabel;
    const groups = [
      ['edition', Object.keys(available.edition || {}).sort().reverse(), (value) => edition.replace('{edition}', value)],
      ['tag', Object.keys(available.tag || {}).sort((a, b) => a.localeCompare(b, document.documentElement.lang)), (value) => value],
    ];
    let any = false;
    for (const [name, values, label] of groups) {
      const fieldset = form.querySelector(`fieldset[data-filter="${name}"]`);
      fieldset.hidden = values.length === 0;
      values.forEach((value, index) => {
        const id = `filter-${name}-${index}`;
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.id = id;
        const text = document.createElement('label');
        text.htmlFor = id;
        text.textContent = label(value);
        const item = document.createElement('span');
        item.className = 'search-choice';
        item.append(box, text);
        fieldset.append(item);
        any = true;
      });
    }
    options.hidden = !any;
  }

  function chosenFilters() {
    const filters = {};
    for (const box of form.querySelectorAll('.search-filter input:checked')) {
      (filters[box.name] ||= { any: [] }).any.push(box.value);
    }
    return filters;
  }

  function say(template, query, count) {
    status.textContent = template.replace('{query}', query).replace('{count}', String(count));
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
      const engine = await load();
      const found = await engine.search(query || null, {
        filters,
        sort: sort.value ? { [sort.value]: 'desc' } : undefined,
      });
      if (mine !== run) {
        return;
      }
      pending = found.results;
      list.replaceChildren();
      await showMore(mine, false);
      const count = found.results.length;
      say(count === 0 ? form.dataset.none : count === 1 ? form.dataset.foundOne : form.dataset.found, query, count);
    } catch {
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
    if (meta.series || meta.number) {
      const series = document.createElement('p');
      series.className = 'topic-series';
      series.textContent = meta.series || form.dataset.numberLabel.replace('{number}', meta.number);
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
        edition.textContent = form.dataset.editionLabel.replace('{edition}', meta.edition);
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
    excerpt.append(...highlighted(result.excerpt || ''));
    item.append(excerpt);
    return item;
  }

  // Pagefind's excerpt is text with <mark> around the matches: rebuild it from text
  // nodes and <mark> elements only, so nothing else from the index becomes markup.
  function highlighted(excerpt) {
    const template = document.createElement('template');
    template.innerHTML = excerpt;
    return Array.from(template.content.childNodes, (node) => {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        return mark;
      }
      return document.createTextNode(node.textContent);
    });
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
