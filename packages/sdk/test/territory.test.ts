import { describe, expect, it } from 'vitest';
import { helpdeskFor, resolveTerritory } from '@brusano/sdk';
import { communes, helpdesks, quartiers } from '@brusano/sdk/reference';

describe('resolveTerritory for every commune', () => {
  it.each(communes.map((commune) => [commune.nis, commune] as const))('finds %s by NIS code and by its FR and NL names', (nis, commune) => {
    for (const input of [nis, commune.name.fr, commune.name.nl, commune.name.fr.toUpperCase(), commune.name.nl.toLowerCase()]) {
      const answer = resolveTerritory(input);
      expect(answer.communes.map((found) => found.nis), input).toEqual([nis]);
      expect(answer.status, input).not.toBe('outside-region');
    }
  });

  it('gives each commune outside Brussels-City the one bassin of the sources', () => {
    const expected: Record<string, string> = {
      '21001': 'centre-ouest', '21002': 'sud-est', '21003': 'nord', '21005': 'sud-est', '21006': 'nord-est',
      '21007': 'sud', '21008': 'nord', '21009': 'sud', '21010': 'nord', '21011': 'nord', '21012': 'centre-ouest',
      '21013': 'sud', '21014': 'nord-est', '21015': 'nord-est', '21016': 'sud', '21017': 'sud', '21018': 'sud-est',
      '21019': 'sud-est',
    };
    for (const [nis, bassin] of Object.entries(expected)) {
      const answer = resolveTerritory(nis);
      expect(answer.status, nis).toBe('resolved');
      expect(answer.bassins.map((found) => found.id), nis).toEqual([bassin]);
    }
  });
});

describe('resolveTerritory for every postal code', () => {
  const postalCodes = [...new Set(communes.flatMap((commune) => commune.postalCodes))];

  it('knows the 22 postal codes of the Region', () => {
    expect(postalCodes.sort()).toEqual(
      ['1000', '1020', '1030', '1040', '1050', '1060', '1070', '1080', '1081', '1082', '1083', '1090', '1120', '1130', '1140', '1150', '1160', '1170', '1180', '1190', '1200', '1210'],
    );
  });

  it.each(postalCodes)('answers %s with its commune(s)', (postalCode) => {
    const answer = resolveTerritory(postalCode);
    expect(answer.matchedBy).toBe('postal-code');
    expect(answer.communes.length).toBeGreaterThan(0);
    expect(answer.communes.every((commune) => commune.postalCodes.includes(postalCode))).toBe(true);
  });

  it('resolves the unambiguous ones to exactly one bassin', () => {
    const unambiguous = postalCodes.filter((code) => !['1000', '1040', '1050'].includes(code));
    for (const code of unambiguous) {
      const answer = resolveTerritory(code);
      expect(answer.status, code).toBe('resolved');
      expect(answer.bassins, code).toHaveLength(1);
    }
    expect(resolveTerritory('1020').bassins[0]!.id).toBe('nord');
    expect(resolveTerritory('1120').bassins[0]!.id).toBe('nord');
    expect(resolveTerritory('1130').bassins[0]!.id).toBe('nord');
  });

  it('reads a postal code written before the town name', () => {
    expect(resolveTerritory('1090 Jette').communes[0]!.nis).toBe('21010');
  });
});

describe('resolveTerritory for the ambiguous places', () => {
  it('1000: Brussels-City, Pentagone (Centre-Ouest) or a part no source assigns', () => {
    const answer = resolveTerritory('1000');
    expect(answer.ambiguous).toBe(true);
    expect(answer.status).toBe('ambiguous');
    expect(answer.bassins.map((bassin) => bassin.id)).toEqual(['centre-ouest']);
    expect(answer.areas.map((area) => [area.subArea?.id, area.bassin?.id])).toEqual([
      ['pentagone', 'centre-ouest'],
      ['bruxelles-hors-pentagone', undefined],
    ]);
  });

  it('1040: Etterbeek (Sud-Est) or the European quarter of Brussels-City', () => {
    const answer = resolveTerritory('1040');
    expect(answer.ambiguous).toBe(true);
    expect(answer.communes.map((commune) => commune.nis).sort()).toEqual(['21004', '21005']);
    expect(answer.bassins.map((bassin) => bassin.id)).toEqual(['sud-est']);
  });

  it('1050: Ixelles (Sud) or Brussels-City around avenue Louise', () => {
    const answer = resolveTerritory('1050');
    expect(answer.ambiguous).toBe(true);
    expect(answer.communes.map((commune) => commune.nis).sort()).toEqual(['21004', '21009']);
    expect(answer.bassins.map((bassin) => bassin.id)).toEqual(['sud']);
  });

  it('NIS 21004 (Brussels-City): Nord, Centre-Ouest, and an unassigned part', () => {
    for (const input of ['21004', 'Bruxelles', 'brussel', 'Bruxelles-Ville']) {
      const answer = resolveTerritory(input);
      expect(answer.ambiguous, input).toBe(true);
      expect(answer.bassins.map((bassin) => bassin.id).sort(), input).toEqual(['centre-ouest', 'nord']);
      expect(answer.areas.some((area) => !area.bassin), input).toBe(true);
    }
  });

  it('asks the person to say which commune or quartier', () => {
    expect(resolveTerritory('1050').message.fr).toContain('Précisez la commune ou le quartier');
    expect(resolveTerritory('1050').message.nl).toContain('Kies de gemeente of de wijk');
  });
});

describe('resolveTerritory with names as people type them', () => {
  it.each([
    ['saint gilles', '21013'],
    ['ST-GILLES', '21013'],
    ['Sint-Gillis', '21013'],
    ['sint gillis', '21013'],
    ['Saint-Josse', '21014'],
    ['sint-joost-ten-node', '21014'],
    ['Molenbeek', '21012'],
    ['woluwe st lambert', '21018'],
    ['Schaarbeek', '21015'],
    ['Elsene', '21009'],
    ['ukkel', '21016'],
    ['Watermaal-Bosvoorde', '21017'],
    ['  Jette  ', '21010'],
  ])('%s → %s', (input, nis) => {
    expect(resolveTerritory(input).communes.map((commune) => commune.nis)).toEqual([nis]);
  });

  it('finds the parts of Brussels-City by name, with their bassin', () => {
    expect(resolveTerritory('Laken').bassins[0]!.id).toBe('nord');
    expect(resolveTerritory('neder over heembeek').bassins[0]!.id).toBe('nord');
    expect(resolveTerritory('Pentagone').bassins[0]!.id).toBe('centre-ouest');
    expect(resolveTerritory('vijfhoek').bassins[0]!.id).toBe('centre-ouest');
  });

  it('finds every quartier by its FR and NL names, accents or not', () => {
    for (const quartier of quartiers) {
      for (const name of [quartier.name.fr, quartier.name.nl, quartier.name.fr.normalize('NFD').replace(/\p{M}/gu, '')]) {
        const answer = resolveTerritory(name);
        expect(answer.quartier?.id ?? answer.communes[0]?.nis, name).toBeDefined();
        expect(answer.status, name).not.toBe('outside-region');
      }
    }
    expect(resolveTerritory('Marollen').quartier?.zoneId).toBe(321);
    expect(resolveTerritory('kuregem bara').quartier?.zoneId).toBe(274);
  });

  it('says a quartier with no bassin in the sources is unassigned, not guessed', () => {
    const answer = resolveTerritory('Marolles');
    expect(answer.status).toBe('unassigned');
    expect(answer.bassins).toEqual([]);
  });
});

describe('resolveTerritory outside the Region', () => {
  it.each(['1300', '9000', '21020', 'Namur', 'Antwerpen', '', '   ', 'x'.repeat(10_000), '<script>alert(1)</script>'])(
    'answers %j with "not in the Brussels Region"',
    (input) => {
      const answer = resolveTerritory(input);
      expect(answer.status).toBe('outside-region');
      expect(answer.communes).toEqual([]);
      expect(answer.bassins).toEqual([]);
      expect(answer.message.fr).toContain("n'est pas un code postal, une commune ou un quartier de la Région bruxelloise");
      expect(answer.message.nl).toContain('Brussels Gewest');
    },
  );
});

describe('helpdeskFor', () => {
  const regionalPhone = helpdesks.find((helpdesk) => helpdesk.territory === 'region')!.phones[0]!.number;

  it('gives Bassin Nord its own helpdesk line', () => {
    const answer = helpdeskFor('1090');
    expect(answer.choices).toHaveLength(1);
    expect(answer.choices[0]!.helpdesk?.phones.map((phone) => phone.number)).toEqual(['+32 2 318 60 54']);
    expect(answer.choices[0]!.reachable).toBe(true);
    expect(answer.useRegional).toBe(false);
    expect(answer.needsChoice).toBe(false);
  });

  it('falls back to the regional contact where the bassin line is not known', () => {
    const answer = helpdeskFor('Ixelles');
    expect(answer.choices.map((choice) => choice.bassin.id)).toEqual(['sud']);
    expect(answer.choices[0]!.reachable).toBe(false);
    expect(answer.choices[0]!.helpdesk?.websites.length).toBeGreaterThan(0);
    expect(answer.useRegional).toBe(true);
    expect(answer.regional.phones[0]!.number).toBe(regionalPhone);
  });

  it('asks for a choice on an ambiguous place and still offers the regional contact', () => {
    const answer = helpdeskFor(resolveTerritory('21004'));
    expect(answer.needsChoice).toBe(true);
    expect(answer.choices.map((choice) => choice.bassin.id).sort()).toEqual(['centre-ouest', 'nord']);
    expect(answer.regional.territory).toBe('region');
  });

  it('gives only the regional contact outside the Region', () => {
    const answer = helpdeskFor('1300');
    expect(answer.choices).toEqual([]);
    expect(answer.useRegional).toBe(true);
    expect(answer.regional.phones).not.toHaveLength(0);
  });

  it('reads helpdesks from a loaded feed when given one, keeping the regional fallback', () => {
    const feedWithoutRegional = { communes, quartiers, bassins: [...resolveTerritory('1090').bassins], helpdesks: [] };
    const answer = helpdeskFor('1090', feedWithoutRegional);
    expect(answer.choices[0]!.helpdesk).toBeUndefined();
    expect(answer.useRegional).toBe(true);
    expect(answer.regional.territory).toBe('region');
  });
});
