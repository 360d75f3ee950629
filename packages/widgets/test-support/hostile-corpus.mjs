// A hostile feed for the component tests: 50 XSS vectors (in the style of the OWASP filter-evasion
// cheat sheet) in every text field, javascript:/data:/vbscript: addresses in every URL field,
// 1 MB strings, huge arrays, RTL overrides and zero-width characters, wrong types, missing
// fields, repeated ids, references to nothing, and __proto__/constructor keys.

export const XSS_VECTORS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror=window.__xss=1>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<body onload=window.__xss=1>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<a href="JaVaScRiPt:window.__xss=1">click</a>',
  '<a href="jav&#x09;ascript:window.__xss=1">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__xss=1">x</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<input autofocus onfocus=window.__xss=1>',
  '<select autofocus onfocus=window.__xss=1>',
  '<textarea autofocus onfocus=window.__xss=1>',
  '<video><source onerror=window.__xss=1>',
  '<audio src=x onerror=window.__xss=1>',
  '<object data="javascript:window.__xss=1">',
  '<embed src="javascript:window.__xss=1">',
  '<form action="javascript:window.__xss=1"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<link rel=import href="data:text/html,<script>window.__xss=1</script>">',
  '<style>@import "javascript:window.__xss=1";</style>',
  '<div style="background:url(javascript:window.__xss=1)">',
  '<div style="width:expression(window.__xss=1)">',
  '"><script>window.__xss=1</script>',
  "'><script>window.__xss=1</script>",
  '</title><script>window.__xss=1</script>',
  '</textarea><script>window.__xss=1</script>',
  '</style><script>window.__xss=1</script>',
  '<!--<img src="--><img src=x onerror=window.__xss=1//">',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<SCRIPT SRC=//127.0.0.1:1/x.js></SCRIPT>',
  '<IMG """><SCRIPT>window.__xss=1</SCRIPT>">',
  '<IMG SRC=javascript:window.__xss=1>',
  '<IMG SRC=`javascript:window.__xss=1`>',
  '<IMG onmouseover="window.__xss=1">',
  '<BODY BACKGROUND="javascript:window.__xss=1">',
  '<TABLE BACKGROUND="javascript:window.__xss=1">',
  '<BASE HREF="javascript:window.__xss=1//">',
  '${window.__xss=1}',
  '{{constructor.constructor("window.__xss=1")()}}',
  '<%= window.__xss=1 %>',
  '\u003cscript\u003ewindow.__xss=1\u003c/script\u003e',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '<x onclick=window.__xss=1>click me</x>',
  '<marquee onstart=window.__xss=1>',
  '<isindex type=image src=1 onerror=window.__xss=1>',
];

const BAD_URLS = ['javascript:window.__xss=1', 'JAVASCRIPT:window.__xss=1', ' javascript:window.__xss=1', 'data:text/html,<script>window.__xss=1</script>', 'vbscript:msgbox(1)'];
const MEGABYTE = 'x'.repeat(1024 * 1024);
const RTL = 'Service \u202Eelbisivni\u202C \u200B\u200D\u2060 (RTL + zero width)';

/**
 * Sample services made hostile, and what a correct guard does with them: how many it shows as
 * they are, how many it shows without the field that does not fit, and how many it leaves out.
 */
export function hostileServices(sample) {
  const services = [];
  sample.forEach((original, index) => {
    const vector = XSS_VECTORS[index % XSS_VECTORS.length];
    const next = XSS_VECTORS[(index + 1) % XSS_VECTORS.length];
    // Valid records with hostile text in every text field: they must be shown, as text.
    const textual = structuredClone(original);
    textual.id = `${original.id}-text`;
    textual.name = { fr: vector, nl: next };
    textual.description = { fr: next, nl: vector };
    textual.organization = { name: { fr: vector } };
    textual.publicText = { fr: vector };
    if (textual.hours) textual.hours.text = { fr: vector, nl: next };
    if (textual.locations?.[0]) {
      textual.locations[0].address.street = { fr: vector, nl: next };
      textual.locations[0].address.municipality = { fr: next };
      textual.locations[0].address.number = vector.slice(0, 20);
    }
    if (textual.cost) textual.cost.text = { fr: vector };
    services.push(textual);
  });
  // Every remaining vector, and the other hostile shapes, in further valid records.
  XSS_VECTORS.forEach((vector, index) => services.push({ ...structuredClone(sample[0]), id: `vector-${index}`, name: { fr: vector, nl: vector } }));
  services.push({ ...structuredClone(sample[1]), id: 'rtl-zero-width', name: { fr: RTL, nl: RTL } });
  services.push({ ...structuredClone(sample[2]), id: 'many-phones', phones: Array.from({ length: 2000 }, (_, n) => ({ number: `+32 2 000 0${1 + Math.floor(n / 1000) % 9} ${String(n % 100).padStart(2, '0')}` })) });
  services.push({ ...structuredClone(sample[3]), id: 'dangling-reference', areaServed: { communes: ['21099'] }, categoryIds: [999999] });
  const valid = services.length;
  // A bad optional field: the record is shown without it, and counted.
  BAD_URLS.forEach((url, index) => {
    services.push({ ...structuredClone(sample[4]), id: `bad-website-${index}`, websites: [{ url }] });
    services.push({ ...structuredClone(sample[5]), id: `bad-report-${index}`, reportError: { url } });
  });
  const dropped = services.length - valid;
  // A bad id, name or shape: the record is left out, and counted; none may break the others.
  services.push({ ...structuredClone(sample[6]), id: 'megabyte-name', name: { fr: MEGABYTE } });
  services.push({ ...structuredClone(sample[7]), id: 'wrong-types', categoryIds: 'logement', phones: { number: 1 } });
  const missing = structuredClone(sample[8]);
  delete missing.name;
  missing.id = 'missing-name';
  services.push(missing);
  services.push({ ...structuredClone(sample[9]), id: `${sample[0].id}-text` }); // a repeated id
  services.push(JSON.parse(`{"id":"proto-key","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`));
  services.push(null, 42, 'a string', []);
  return { services, valid, dropped, skipped: services.length - valid - dropped };
}

/** Events made hostile the same way: every text field, every URL field. */
export function hostileEvents(sample) {
  const events = sample.map((original, index) => {
    const vector = XSS_VECTORS[index % XSS_VECTORS.length];
    const event = structuredClone(original);
    event.id = `${original.id}-text`;
    event.title = { fr: vector, nl: vector };
    event.description = { fr: XSS_VECTORS[(index + 7) % XSS_VECTORS.length] };
    event.place = { name: { fr: vector }, address: { street: { fr: vector }, postalCode: '1000', municipality: { fr: vector } } };
    event.themes = [{ fr: vector }];
    return event;
  });
  const valid = events.length;
  BAD_URLS.forEach((url, index) => {
    events.push({ ...structuredClone(sample[0]), id: `bad-online-${index}`, online: url });
    events.push({ ...structuredClone(sample[1]), id: `bad-registration-${index}`, registration: url });
  });
  const dropped = events.length - valid;
  events.push({ ...structuredClone(sample[2]), id: 'megabyte-title', title: { fr: MEGABYTE, nl: 'x' } });
  events.push({ ...structuredClone(sample[3]), id: 'wrong-start', start: 'demain' });
  return { events, valid, dropped, skipped: events.length - valid - dropped };
}

/** Helpdesks made hostile: name, purpose and notes; one with a bad website, shown without it. */
export function hostileHelpdesks(sample) {
  const helpdesks = sample.map((original, index) => {
    const vector = XSS_VECTORS[(index * 3) % XSS_VECTORS.length];
    return { ...structuredClone(original), name: { fr: vector, nl: vector }, purpose: { fr: vector, nl: vector }, notes: [{ fr: vector }] };
  });
  helpdesks.push({ ...structuredClone(sample[0]), id: 'bad-site', websites: [{ url: 'javascript:window.__xss=1' }] });
  return helpdesks;
}
