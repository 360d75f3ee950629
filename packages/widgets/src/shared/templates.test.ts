import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { addDays, brusselsTime, type OpeningStatus } from '@brusano/sdk/hours';
import type { Language } from '@brusano/sdk/text';
import en from './strings/en.js';
import fr from './strings/fr.js';
import nl from './strings/nl.js';
import { openingLine } from './templates.js';

const STRINGS = { fr, nl, en };

/** What a reader sees of a closed service's line, in a language. */
function closedLine(opensOn: string, lang: Language): string {
  const status: OpeningStatus = { known: true, open: false, today: [], closesSoon: false, opensAt: { date: opensOn, time: '09:00' } };
  const host = document.createElement('p');
  render(openingLine(status, STRINGS[lang], lang), host);
  return host.textContent!.replace(/\s+/g, ' ').trim();
}

describe('openingLine', () => {
  it('names the day a closed service opens in the reader’s language, language after language', () => {
    const today = brusselsTime(new Date()).date;
    const inThreeDays = addDays(today, 3);
    const weekday = (lang: string) => new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${inThreeDays}T00:00:00Z`));
    // Twice over, in turns: each language keeps its own day names.
    for (let round = 0; round < 2; round++) {
      expect(closedLine(inThreeDays, 'fr')).to.equal(`Fermé · ouvre ${weekday('fr-BE')} à 09:00`);
      expect(closedLine(inThreeDays, 'nl')).to.equal(`Gesloten · opent ${weekday('nl-BE')} om 09:00`);
      expect(closedLine(inThreeDays, 'en')).to.equal(`Closed · opens ${weekday('en-GB')} at 09:00`);
    }
    expect(closedLine(addDays(today, 1), 'nl')).to.equal('Gesloten · opent morgen om 09:00');
    expect(closedLine(today, 'fr')).to.equal('Fermé · ouvre aujourd’hui à 09:00');
  });
});
