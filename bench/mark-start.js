// Loaded first on the first-results page: marks when the page's scripts start.
performance.mark('script-start');
const started = performance.now();

function watch() {
  const finder = document.querySelector('brusano-service-finder');
  if (finder?.shadowRoot?.querySelector('.card')) {
    // The frame after the cards are in the DOM is when they are painted.
    requestAnimationFrame(() => setTimeout(() => (window.__firstResults = { sinceScriptStart: performance.now() - started, sinceNavigation: performance.now() })));
    return;
  }
  requestAnimationFrame(watch);
}
watch();
