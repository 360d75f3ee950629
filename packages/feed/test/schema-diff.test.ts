import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, SCHEMAS } from '../../../test/support/paths.js';

const BIN = join(ROOT, 'packages', 'feed', 'bin', 'brusano-feed.js');
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A copy of schemas/ with some files changed. */
function changed(edit: Record<string, (schema: any) => unknown>): string {
  const folder = mkdtempSync(join(tmpdir(), 'brusano-schemas-'));
  folders.push(folder);
  for (const file of readdirSync(SCHEMAS).filter((name) => name.endsWith('.schema.json'))) {
    let schema = JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8'));
    const result = edit[file]?.(schema);
    if (result === null) continue; // the schema is removed
    if (result !== undefined) schema = result;
    writeFileSync(join(folder, file), JSON.stringify(schema));
  }
  return folder;
}

async function diff(newFolder: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'schema-diff', SCHEMAS, newFolder]);
    return { code: 0, stdout };
  } catch (error) {
    return error as { code: number; stdout: string };
  }
}

describe('brusano-feed schema-diff', () => {
  it('finds no change between a folder and itself', async () => {
    const { code, stdout } = await diff(SCHEMAS);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('✓ 0 change(s), none breaking.');
  });

  it.each([
    ['a property removed', { 'service.schema.json': (s: any) => void delete s.properties.waitingTime }, '/properties/waitingTime: property "waitingTime" removed (or renamed)'],
    ['a property renamed', { 'service.schema.json': (s: any) => { s.properties.cost2 = s.properties.cost; delete s.properties.cost; } }, '/properties/cost: property "cost" removed (or renamed)'],
    ['a new required field', { 'event.schema.json': (s: any) => void s.required.push('place') }, ': "place" is now required'],
    ['an enum narrowed', { 'event.schema.json': (s: any) => { s.properties.status.enum = ['scheduled', 'cancelled']; } }, '/properties/status: value "postponed" no longer allowed'],
    ['a type narrowed', { 'common.schema.json': (s: any) => { s.$defs.source.properties.id.type = 'integer'; } }, '/$defs/source/properties/id: type changed from integer|string to integer'],
    ['a limit tightened', { 'localized-text.schema.json': (s: any) => { s.properties.fr.maxLength = 500; } }, '/properties/fr: maxLength changed from 20000 to 500'],
    ['a schema removed', { 'quartier.schema.json': () => null }, 'quartier.schema.json: schema removed (or renamed)'],
  ])('calls %s breaking and exits 1 without a major bump', async (_label, edit, expected) => {
    const { code, stdout } = await diff(changed(edit));
    expect(code).toBe(1);
    expect(stdout.split('\n').some((line) => line.startsWith('BREAKING') && line.includes(expected))).toBe(true);
    expect(stdout).toContain('without a major version bump');
  });

  it.each([
    ['an optional property added', { 'service.schema.json': (s: any) => { s.properties.parking = { type: 'boolean' }; } }, 'property "parking" added'],
    ['an enum widened', { 'event.schema.json': (s: any) => void s.properties.type.enum.push('webinar') }, 'value "webinar" now allowed'],
    ['a field no longer required', { 'service.schema.json': (s: any) => { s.required = s.required.filter((name: string) => name !== 'categoryIds'); } }, '"categoryIds" is no longer required'],
    ['a description reworded', { 'bassin.schema.json': (s: any) => { s.description = 'Un bassin.'; } }, 'description reworded'],
  ])('calls %s compatible and exits 0', async (_label, edit, expected) => {
    const { code, stdout } = await diff(changed(edit));
    expect(code).toBe(0);
    expect(stdout.split('\n').some((line) => line.startsWith('compatible') && line.includes(expected))).toBe(true);
    expect(stdout).toContain('none breaking');
  });

  it('accepts breaking changes that come with a major version bump in $id', async () => {
    const bump = (schema: any) => JSON.parse(JSON.stringify(schema).replaceAll('/schemas/1/', '/schemas/2/'));
    const edits = Object.fromEntries(readdirSync(SCHEMAS).filter((name) => name.endsWith('.schema.json')).map((file) => [file, bump]));
    edits['service.schema.json'] = (s: any) => {
      const next = bump(s);
      delete next.properties.waitingTime;
      return next;
    };
    const { code, stdout } = await diff(changed(edits));
    expect(code).toBe(0);
    expect(stdout).toContain('with a major version bump');
  });
});

describe('brusano-feed schema-docs', () => {
  it('keeps schemas/REFERENCE.en.md and REFERENCE.fr.md equal to what the schemas say', async () => {
    const { schemaReference } = await import('@brusano/feed');
    for (const lang of ['en', 'fr'] as const) {
      const { markdown, missing } = await schemaReference(SCHEMAS, lang);
      expect(missing, 'descriptions without French (add them to schemas/descriptions.fr.json)').toEqual([]);
      expect(readFileSync(join(SCHEMAS, `REFERENCE.${lang}.md`), 'utf8'), `run ./run schema-docs to regenerate REFERENCE.${lang}.md`).toBe(markdown);
    }
  });

  it('documents every property of every schema, in both languages', async () => {
    const { schemaReference } = await import('@brusano/feed');
    const fr = (await schemaReference(SCHEMAS, 'fr')).markdown;
    const en = (await schemaReference(SCHEMAS, 'en')).markdown;
    for (const property of ['categoryIds', 'languageSupport', 'reportError', 'territories', 'postalCodes', 'schemaVersion']) {
      expect(en).toContain(`\`${property}\``);
      expect(fr).toContain(`\`${property}\``);
    }
    expect(fr).toContain('Langues parlées à l\'accueil');
    expect(en).toContain('Languages spoken at reception');
  });

  it('fails when a description has no French', async () => {
    const folder = changed({ 'bassin.schema.json': (s: any) => { s.properties.id.description = 'A brand new description.'; } });
    writeFileSync(join(folder, 'descriptions.fr.json'), readFileSync(join(SCHEMAS, 'descriptions.fr.json')));
    const { code, stdout } = await promisify(execFile)(process.execPath, [BIN, 'schema-docs', folder, folder]).then(
      (result) => ({ code: 0, stdout: result.stdout }),
      (error) => error as { code: number; stdout: string },
    );
    expect(code).toBe(1);
    expect(stdout).toContain('no French for: "A brand new description."');
  });
});
