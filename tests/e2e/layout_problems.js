(() => {
  // Layout problems on the current page, as sentences (run by test_layout_checks.py).
  const problems = [];
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
    ' "' + (el.textContent || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth}px in a ${window.innerWidth}px window`);
  }
  const hidden = (el) => el.closest('.visually-hidden, [hidden], .print-only') || el.getClientRects().length === 0;
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (hidden(el) || !el.textContent.trim()) continue;
    if (['svg', 'path', 'script', 'style'].includes(el.tagName.toLowerCase())) continue;
    const clipsY = ['hidden', 'clip'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    const clipsX = ['hidden', 'clip'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    if (clipsY || clipsX) problems.push(`text clipped by its box: ${describe(el)}`);
    if (['auto', 'scroll'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1
        && !el.classList.contains('sidebar--sticky')) {
      problems.push(`an inner scroll box: ${describe(el)}`);
    }
  }
  const targets = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const el of document.body.querySelectorAll(targets)) {
    if (hidden(el) || el.closest('.skip-link') || el.matches('.skip-link')) continue;
    const box = el.getBoundingClientRect();
    if (box.width >= 24 && box.height >= 24) continue;
    // WCAG 2.5.8 exception: a link inside a sentence is sized by the text around it.
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
      const block = el.parentElement.closest('p, li, dd, td, th, figcaption, blockquote, cite');
      if (block && block.textContent.trim() !== el.textContent.trim()) continue;
    }
    problems.push(`tap target ${Math.round(box.width)}×${Math.round(box.height)} px: ${describe(el)}`);
  }
  // No word broken in the middle where a badge or a column header wraps.
  const unbroken = '.badge, .rating, .chip, .card__type, .page-type, .compare thead th, .breadcrumbs li';
  for (const el of document.body.querySelectorAll(unbroken)) {
    if (hidden(el)) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) problems.push(`a word broken across lines: "${match[0]}" in ${describe(el)}`);
      }
    }
  }
  return problems;
})
