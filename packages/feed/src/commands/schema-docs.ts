import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const schemaDocsUsage = `Usage: brusano-feed schema-docs <schemas-folder> <out-folder>

Writes the human-readable reference of the schemas, in English (REFERENCE.en.md) and French
(REFERENCE.fr.md), from the schemas themselves and descriptions.fr.json, so it never drifts.
Exit code: 0 written, 1 a description has no French translation, 2 usage error.`;

type Schema = Record<string, any>;
type Lang = 'en' | 'fr';

const WORDS: Record<Lang, Record<string, string>> = {
  en: {
    title: 'Brusano schemas — reference',
    intro: 'Generated from `schemas/` by `brusano-feed schema-docs`: do not edit by hand. Each feed dataset is a JSON list of records of one of these schemas; the manifest says where each list is.',
    field: 'field', type: 'type', required: 'required', description: 'description', yes: 'yes', no: '',
    listOf: 'list of', oneOf: 'one of', text: 'text', integer: 'whole number', number: 'number', boolean: 'true or false', object: 'object', null: 'null',
    definitions: 'Shared definitions', anyValue: 'any', fixed: 'always', see: 'see',
  },
  fr: {
    title: 'Schémas Brusano — référence',
    intro: 'Généré à partir de `schemas/` par `brusano-feed schema-docs` : ne pas modifier à la main. Chaque jeu de données d’un flux est une liste JSON d’enregistrements d’un de ces schémas ; le manifeste dit où se trouve chaque liste.',
    field: 'champ', type: 'type', required: 'obligatoire', description: 'description', yes: 'oui', no: '',
    listOf: 'liste de', oneOf: 'un parmi', text: 'texte', integer: 'nombre entier', number: 'nombre', boolean: 'vrai ou faux', object: 'objet', null: 'null',
    definitions: 'Définitions communes', anyValue: 'quelconque', fixed: 'toujours', see: 'voir',
  },
};

/** The name a reference points to: `common.schema.json#/$defs/phone` → "phone (common)". */
function refName(ref: string): string {
  const [file, pointer] = ref.split('#');
  const schema = file ? file.replace(/\.schema\.json$/, '') : '';
  const definition = pointer?.split('/').pop();
  return definition ? `${definition}${schema ? ` (${schema})` : ''}` : schema;
}

function typeOf(schema: Schema | undefined, lang: Lang): string {
  const words = WORDS[lang];
  if (!schema) return words.anyValue!;
  if (schema.$ref) return `→ ${refName(schema.$ref)}`;
  if ('const' in schema) return `${words.fixed} \`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return `${words.oneOf} ${schema.enum.map((value: unknown) => `\`${String(value)}\``).join(', ')}`;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives && !schema.type && alternatives.every((branch: Schema) => branch.$ref || branch.type)) {
    return alternatives.map((branch: Schema) => typeOf(branch, lang)).join(` ${lang === 'fr' ? 'ou' : 'or'} `);
  }
  const types = [schema.type].flat().filter(Boolean) as string[];
  if (types.includes('array')) return `${words.listOf} ${typeOf(schema.items, lang)}`;
  const named = types.map((type) => ({ string: words.text, integer: words.integer, number: words.number, boolean: words.boolean, object: words.object, null: words.null })[type] ?? type);
  const limits = [
    schema.pattern ? `\`${schema.pattern}\`` : '',
    schema.format ? schema.format : '',
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '',
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : '',
  ].filter(Boolean);
  return [named.join(' | ') || words.anyValue, ...limits].join(', ');
}

function describe(schema: Schema | undefined, lang: Lang, french: Record<string, string>, missing: Set<string>): string {
  const text = schema?.description as string | undefined;
  if (!text) return '';
  if (lang === 'en') return text;
  if (!french[text]) missing.add(text);
  return french[text] ?? text;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Rows for the properties of an object schema, and of the objects nested inline in it. */
function rows(schema: Schema, prefix: string, lang: Lang, french: Record<string, string>, missing: Set<string>): string[] {
  const words = WORDS[lang];
  const required = new Set<string>(schema.required ?? []);
  const lines: string[] = [];
  for (const [name, property] of Object.entries<Schema>(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    lines.push(`| \`${path}\` | ${cell(typeOf(property, lang))} | ${required.has(name) ? words.yes : words.no} | ${cell(describe(property, lang, french, missing))} |`);
    const inner = property.type === 'array' ? property.items : property;
    if (inner && !inner.$ref && inner.properties) lines.push(...rows(inner, `${path}${property.type === 'array' ? '[]' : ''}.`, lang, french, missing));
  }
  return lines;
}

function table(schema: Schema, lang: Lang, french: Record<string, string>, missing: Set<string>): string {
  const words = WORDS[lang];
  const body = rows(schema, '', lang, french, missing);
  return body.length ? [`| ${words.field} | ${words.type} | ${words.required} | ${words.description} |`, '|---|---|---|---|', ...body].join('\n') : `${words.type}: ${typeOf(schema, lang)}`;
}

/** The reference in one language, and the descriptions that have no French yet. */
export async function schemaReference(folder: string, lang: Lang): Promise<{ markdown: string; missing: string[] }> {
  const files = (await readdir(folder)).filter((file) => file.endsWith('.schema.json')).sort();
  const french = JSON.parse(await readFile(join(folder, 'descriptions.fr.json'), 'utf8')).descriptions as Record<string, string>;
  const missing = new Set<string>();
  const words = WORDS[lang];
  const sections: string[] = [`# ${words.title}`, '', words.intro!, ''];
  for (const file of files.filter((name) => name !== 'common.schema.json')) {
    const schema = JSON.parse(await readFile(join(folder, file), 'utf8')) as Schema;
    sections.push(`## ${schema.title} — \`${file}\``, '', describe(schema, lang, french, missing), '', table(schema, lang, french, missing), '');
    for (const [name, definition] of Object.entries<Schema>(schema.$defs ?? {})) {
      sections.push(`### ${definition.title ?? name} (\`$defs/${name}\`)`, '', describe(definition, lang, french, missing), '', table(definition, lang, french, missing), '');
    }
  }
  const common = JSON.parse(await readFile(join(folder, 'common.schema.json'), 'utf8')) as Schema;
  sections.push(`## ${words.definitions} — \`common.schema.json\``, '', describe(common, lang, french, missing), '');
  for (const [name, definition] of Object.entries<Schema>(common.$defs ?? {})) {
    sections.push(`### ${name}`, '', describe(definition, lang, french, missing), '', table(definition, lang, french, missing), '');
  }
  return { markdown: `${sections.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`, missing: [...missing] };
}

export async function schemaDocsCommand(args: string[], out: (line: string) => void): Promise<number> {
  if (args.length !== 2 || args.some((arg) => arg.startsWith('--'))) {
    out(schemaDocsUsage);
    return 2;
  }
  const [folder, target] = args as [string, string];
  let missing: string[] = [];
  for (const lang of ['en', 'fr'] as const) {
    const reference = await schemaReference(folder, lang);
    await writeFile(join(target, `REFERENCE.${lang}.md`), reference.markdown);
    missing = [...missing, ...reference.missing];
  }
  for (const text of missing) out(`no French for: "${text}" (add it to descriptions.fr.json)`);
  out(missing.length ? `✗ ${missing.length} description(s) without French.` : `✓ wrote REFERENCE.en.md and REFERENCE.fr.md in ${target}.`);
  return missing.length ? 1 : 0;
}
