// Where do I call? Loads the sample feed through @brusano/sdk over a local HTTP server and
// answers, for a postal code (or NIS code, commune or quartier name), its commune, bassin(s)
// and helpdesk.
//
//   ./run start 1090        (or: node examples/sdk-lookup/lookup.mjs "Sint-Gillis")
import { fileURLToPath } from 'node:url';
import { createClient, helpdeskFor, resolveTerritory } from '@brusano/sdk';
import { serveFeed } from '@brusano/feed';

const input = process.argv[2] ?? '1090';
const lang = process.env.BRUSANO_LANG === 'nl' ? 'nl' : 'fr';
const feedFolder = fileURLToPath(new URL('../feed/', import.meta.url));

const server = await serveFeed(feedFolder);
try {
  const feed = await createClient({ feedUrl: server.url }).load();
  console.log(`Feed: ${server.url}manifest.json — ${feed.services.length} services, ${feed.problems.length} records skipped.`);

  const territory = resolveTerritory(input, feed);
  console.log(`\n${territory.message[lang]}`);
  for (const area of territory.areas) {
    const place = area.subArea ? `${area.commune.name[lang]} — ${area.subArea.name[lang]}` : area.commune.name[lang];
    const bassin = area.bassin ? `${lang === 'nl' ? 'zorgzone' : 'bassin'} ${area.bassin.name[lang]}` : lang === 'nl' ? 'geen zorgzone in de bronnen' : 'aucun bassin dans les sources';
    console.log(`  • ${place} (NIS ${area.commune.nis}): ${bassin}`);
  }

  const { choices, regional, useRegional } = helpdeskFor(territory, feed);
  const describe = (helpdesk) =>
    [
      `  ${helpdesk.name[lang]}`,
      helpdesk.purpose && `    ${helpdesk.purpose[lang] ?? helpdesk.purpose.fr}`,
      ...helpdesk.phones.map((phone) => `    tel: ${phone.number}${phone.label ? ` (${phone.label[lang] ?? phone.label.fr})` : ''}`),
      ...helpdesk.emails.filter((email) => !email.lang || email.lang === lang).map((email) => `    mail: ${email.address}`),
      ...helpdesk.websites.filter((site) => !site.lang || site.lang === lang).map((site) => `    web: ${site.url}`),
      ...(helpdesk.notes ?? []).map((note) => `    ${note[lang] ?? note.fr}`),
    ]
      .filter(Boolean)
      .join('\n');
  if (choices.length > 0) console.log(`\nHelpdesk:`);
  for (const choice of choices) console.log(choice.helpdesk ? describe(choice.helpdesk) : `  ${choice.bassin.name[lang]}: —`);
  console.log(`\n${useRegional ? 'Contact (no bassin line known here):' : 'Regional contact:'}\n${describe(regional)}`);
  process.exitCode = territory.status === 'outside-region' ? 1 : 0;
} finally {
  await server.close();
}
