// The demo pages' FR/NL/EN switch: it sets <html lang>, and the widgets follow.
// The choice travels in the address (?lang=nl), so nothing is stored in the browser.
const buttons = [...document.querySelectorAll('[data-set-lang]')];

function show(lang) {
  document.documentElement.lang = lang;
  for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.setLang === lang));
  for (const element of document.querySelectorAll('[data-fr]')) element.textContent = element.dataset[lang] ?? element.dataset.fr;
  for (const link of document.querySelectorAll('a[data-keep-lang]')) {
    const [path, query] = link.getAttribute('href').split('?');
    const search = new URLSearchParams(query);
    search.set('lang', lang);
    link.setAttribute('href', `${path}?${search}`);
  }
}

const fromAddress = new URLSearchParams(location.search).get('lang');
show(['fr', 'nl', 'en'].includes(fromAddress) ? fromAddress : document.documentElement.lang);
for (const button of buttons) {
  button.addEventListener('click', () => {
    const url = new URL(location.href);
    url.searchParams.set('lang', button.dataset.setLang);
    history.replaceState(history.state, '', url);
    show(button.dataset.setLang);
  });
}
