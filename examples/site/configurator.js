// The embed configurator: a form, a live preview and the snippet to copy. Bundled by site.mjs
// (it reads a commune typed with the SDK's own territory look-up, the one the finder uses).
import { resolveTerritory } from '@brusano/sdk/territory';
import { bassins } from '@brusano/sdk/reference/bassins';
import { communes } from '@brusano/sdk/reference/communes';

const form = document.getElementById('options');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');
const contrast = document.getElementById('contrast');
const communeHint = document.getElementById('commune-hint');
const FEED = 'feed/manifest.json';
const SCRIPT = 'widgets/brusano-widgets.js';

const MESSAGES = {
  copied: { fr: 'Code copié.', nl: 'Code gekopieerd.', en: 'Code copied.' },
  communeCode: {
    fr: (name, nis) => `${name} : le code écrit son code NIS, ${nis}. Les premiers résultats arrivent ainsi plus vite, sans chercher le lieu d'abord.`,
    nl: (name, nis) => `${name}: de code schrijft de NIS-code, ${nis}. Zo komen de eerste resultaten sneller, zonder eerst de plaats op te zoeken.`,
    en: (name, nis) => `${name}: the code writes its NIS code, ${nis}. The first results then come sooner, without looking the place up first.`,
  },
  lowContrast: {
    fr: 'Attention : ces couleurs ne sont pas assez contrastées pour être lues par tout le monde (WCAG AA).',
    nl: 'Let op: deze kleuren hebben te weinig contrast om door iedereen gelezen te worden (WCAG AA).',
    en: 'Warning: these colours do not contrast enough for everyone to read them (WCAG AA).',
  },
};
const say = (key) => MESSAGES[key][document.documentElement.lang] ?? MESSAGES[key].fr;
const pageLanguage = () => (['fr', 'nl', 'en'].includes(document.documentElement.lang) ? document.documentElement.lang : 'fr');

/**
 * The one commune a name, postal code or NIS code names (none when it names several or none),
 * written in the finder's snippet as its NIS code: the finder then asks for its first results at
 * once, without looking the place up first (a round trip less on a slow phone).
 */
function communeNamed(typed) {
  const { communes: named } = resolveTerritory(typed, { communes, bassins, quartiers: [] });
  return named.length === 1 ? named[0] : undefined;
}

/** WCAG relative luminance and contrast ratio, to warn before a partner ships unreadable colours. */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function ratio(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function escapeHtml(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function update() {
  const options = Object.fromEntries(new FormData(form));
  const attributes = [['feed', FEED]];
  if (options.lang) attributes.push(['lang', options.lang]);
  if (options.bassin) attributes.push(['bassin', options.bassin]);
  const place = options.commune.trim();
  const commune = place && options.widget === 'brusano-service-finder' ? communeNamed(place) : undefined;
  if (place) attributes.push([options.widget === 'brusano-helpdesk-card' ? 'postal-code' : 'commune', commune?.nis ?? place]);
  const lang = pageLanguage();
  communeHint.textContent = commune ? MESSAGES.communeCode[lang](commune.name[lang] ?? commune.name.fr, commune.nis) : '';
  const style = `--brusano-color-accent: ${options.accent}; --brusano-color-text: ${options.text};`;

  const element = document.createElement(options.widget);
  for (const [name, value] of attributes) element.setAttribute(name, value);
  element.setAttribute('style', style);
  preview.replaceChildren(element);

  const attributeText = attributes.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  snippet.value = `<script type="module" src="${SCRIPT}"></script>\n<${options.widget}${attributeText}\n  style="${style}"></${options.widget}>`;

  const worst = Math.min(ratio(options.accent, '#ffffff'), ratio(options.text, '#ffffff'));
  contrast.textContent = worst < 4.5 ? say('lowContrast') : '';
}

form.addEventListener('input', update);
form.addEventListener('change', update);
document.getElementById('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.value);
  } catch {
    snippet.select();
    document.execCommand('copy');
  }
  document.getElementById('copied').textContent = say('copied');
});
update();
