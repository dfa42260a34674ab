// Renders the generated references into src/docs before VitePress builds the site:
//   target/references/cli.json                      (picocli's model, written by the cli's CommandReference)
//   target/references/<service>/**/spring-configuration-metadata.json   (unpacked from the services' jars)
//   target/references/shared/contract/**/spring-configuration-metadata.json   (the settings both services bind)
//   target/references/openapi.json                  (the running api-server's /v3/api-docs, OpenApiDocument.java)
//   ../examples/*/*.wasm                             (the examples catalog, which the api-server's jar holds too)
// Maven writes these inputs in generate-resources; the pages written here are not committed (see .gitignore).

import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const REFERENCES = join(ROOT, 'target/references');
export const SERVICES = ['api-server', 'executor'];
/** Modules whose configuration records every service binds (@EnableConfigurationProperties), metadata in their jars. */
export const SHARED_SETTINGS = ['contract'];

export async function readCommandModel() {
  return JSON.parse(await readFile(join(REFERENCES, 'cli.json'), 'utf8'));
}

export async function readOpenApi() {
  return JSON.parse(await readFile(join(REFERENCES, 'openapi.json'), 'utf8'));
}

/** The configuration metadata of one service: its own and that of the shared settings it binds, as one. */
export async function readConfigurationMetadata(service) {
  const all = [
    await readMetadata(join(REFERENCES, service), service),
    ...(await Promise.all(SHARED_SETTINGS.map((module) => readMetadata(join(REFERENCES, 'shared', module), module)))),
  ];
  return { properties: all.flatMap((metadata) => metadata.properties ?? []) };
}

/** One jar's metadata, found wherever the jar keeps it (META-INF or BOOT-INF/classes). */
async function readMetadata(directory, name) {
  const files = await findFiles(directory, 'spring-configuration-metadata.json');
  if (files.length !== 1) {
    throw new Error(`expected one spring-configuration-metadata.json for ${name}, found ${files.length}`);
  }
  return JSON.parse(await readFile(files[0], 'utf8'));
}

async function findFiles(directory, name) {
  const found = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      found.push(...(await findFiles(path, name)));
    } else if (entry.name === name) {
      found.push(path);
    }
  }
  return found;
}

/**
 * Prose for a Markdown table cell: one line, no pipes, javadoc's {@code x} as `x`, and outside code spans nothing
 * Vue would read as a tag or an interpolation (inside them Markdown escapes it already).
 */
function cell(text) {
  const oneLine = String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\{@code ([^}]*)\}/g, '`$1`')
    .replace(/\|/g, '\\|');
  return oneLine
    .split('`')
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/\{\{/g, '&#123;&#123;')))
    .join('`');
}

/** Text inside a code span of a table cell. */
function code(text) {
  return `\`${String(text ?? '').replace(/\|/g, '\\|')}\``;
}

function prose(lines) {
  return lines.map(cell).join('\n\n');
}

function usage(command) {
  const parameters = command.parameters.map((p) => p.label).join(' ');
  return `${command.name}${command.options.length > 0 ? ' [OPTIONS]' : ''}${parameters ? ` ${parameters}` : ''}`;
}

function optionRows(options) {
  return options.map((option) => {
    const name = option.names.join(', ') + (option.label ? ` ${option.label}` : '');
    const flags = [option.required ? 'required' : '', option.repeatable ? 'repeatable' : ''].filter(Boolean).join(', ');
    const fallback = option.defaultValue == null ? '' : code(option.defaultValue);
    return `| ${code(name)} | ${cell(option.description.join(' '))}${flags ? ` (${flags})` : ''} | ${fallback} |`;
  });
}

/** The options every command inherits from the top-level command's mixin, listed once instead of on every page. */
function globalOptionNames(top) {
  return new Set(top.options.map((option) => option.names.join()));
}

function renderCommand(command, global, depth) {
  const out = [`${'#'.repeat(Math.min(depth, 4))} \`${command.name}\``, '', prose(command.description), ''];
  if (command.aliases.length > 0) {
    out.push(`Also: ${command.aliases.map((alias) => `\`${alias}\``).join(', ')}.`, '');
  }
  out.push('```text', usage(command), '```', '');
  if (command.parameters.length > 0) {
    out.push('| argument | what |', '|---|---|');
    for (const parameter of command.parameters) {
      out.push(`| ${code(parameter.label)} | ${cell(parameter.description.join(' '))} |`);
    }
    out.push('');
  }
  const own = command.options.filter((option) => !global.has(option.names.join()));
  if (own.length > 0) {
    out.push('| option | what | default |', '|---|---|---|', ...optionRows(own), '');
  }
  for (const sub of command.subcommands) {
    out.push(...renderCommand(sub, global, depth + 1));
  }
  return out;
}

export function renderCli(model) {
  const top = model.command;
  const global = globalOptionNames(top);
  const out = [
    '## Options every command takes',
    '',
    '| option | what | default |',
    '|---|---|---|',
    ...optionRows(top.options),
    '',
    '## Exit codes',
    '',
    '| code | meaning |',
    '|---|---|',
    ...model.exitCodes.map((exit) => `| ${exit.code} | ${cell(exit.meaning)} |`),
    '',
    '## Commands',
    '',
  ];
  for (const command of top.subcommands) {
    out.push(...renderCommand(command, global, 3));
  }
  return out.join('\n');
}

export function renderConfiguration(metadataByService) {
  const out = [];
  for (const [service, metadata] of metadataByService) {
    out.push(`## ${service}`, '', '| property | type | default | what |', '|---|---|---|---|');
    const properties = [...metadata.properties].sort((a, b) => a.name.localeCompare(b.name));
    for (const property of properties) {
      const type = (property.type ?? '').replace(/java\.(lang|util|time)\./g, '').replace(/org\.springframework\.util\.unit\./g, '');
      const fallback = property.defaultValue == null ? '' : code(JSON.stringify(property.defaultValue));
      out.push(`| ${code(property.name)} | ${code(type)} | ${fallback} | ${cell(property.description)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** In the order a reader meets them for one path: make it, read it, change it, remove it. */
export const HTTP_METHODS = ['post', 'get', 'put', 'patch', 'delete'];

/** Every operation of an OpenAPI document, by path, then by method in the order above. */
export function operations(openApi) {
  return Object.keys(openApi.paths)
    .sort()
    .flatMap((path) =>
      HTTP_METHODS.filter((method) => openApi.paths[path][method]).map((method) => ({
        path,
        method,
        operation: openApi.paths[path][method],
      })),
    );
}

/**
 * A description written in Markdown in the code, made safe for a VitePress page: outside code, nothing Vue would
 * read as a tag or an interpolation; fenced blocks and code spans are left as they are.
 */
function markdown(text) {
  return String(text ?? '')
    .trim()
    .split(/(```[\s\S]*?```)/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .split('`')
            .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(/</g, '&lt;').replace(/\{\{/g, '&#123;&#123;')))
            .join('`'),
    )
    .join('');
}

function schemaName(ref) {
  return ref.replace('#/components/schemas/', '');
}

/** A schema as a short type: a link to a named schema, `array of X`, or the JSON type and format. */
function typeOf(schema) {
  if (!schema) return '';
  if (schema.$ref) {
    const name = schemaName(schema.$ref);
    return `[${name}](#schema-${name.toLowerCase()})`;
  }
  if (schema.type === 'array') return `array of ${typeOf(schema.items)}`;
  if (schema.enum) return schema.enum.map((value) => code(value)).join(' \\| ');
  const type = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null').join(' or ') : schema.type;
  return code(schema.format ? `${type} (${schema.format})` : type ?? 'any');
}

function renderOperation({ path, method, operation }) {
  const out = [`### \`${method.toUpperCase()} ${path}\``, '', `**${cell(operation.summary)}**`, ''];
  if (operation.description) out.push(markdown(operation.description), '');
  const parameters = operation.parameters ?? [];
  if (parameters.length > 0) {
    out.push('| parameter | in | type | what |', '|---|---|---|---|');
    for (const p of parameters) {
      const required = p.required ? ' (required)' : '';
      const fallback = p.schema?.default === undefined ? '' : ` Default: ${code(p.schema.default)}.`;
      out.push(`| ${code(p.name)} | ${p.in} | ${typeOf(p.schema)} | ${cell(p.description)}${required}${fallback} |`);
    }
    out.push('');
  }
  for (const [type, content] of Object.entries(operation.requestBody?.content ?? {})) {
    const fields = Object.entries(content.schema?.properties ?? {});
    if (content.schema?.$ref || fields.length === 0) {
      out.push(`Request body (${code(type)}): ${typeOf(content.schema) || 'any'}`, '');
    } else {
      // A form or multipart body: its fields are the controller's parameters, described there.
      out.push(`Request body (${code(type)}):`, '', ...fieldTable(content.schema), '');
    }
  }
  out.push('| status | what | body |', '|---|---|---|');
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const contents = Object.entries(response.content ?? {});
    const bodies = contents.map(([type, content]) => `${typeOf(content.schema)} (${code(type)})`).join(', ');
    out.push(`| ${status} | ${cell(response.description)} | ${bodies} |`);
  }
  out.push('');
  return out;
}

function fieldTable(schema) {
  const required = new Set(schema.required ?? []);
  const rows = ['| field | type | what |', '|---|---|---|'];
  for (const [field, property] of Object.entries(schema.properties)) {
    const note = [required.has(field) ? 'required' : '', cell(property.description)].filter(Boolean).join('; ');
    rows.push(`| ${code(field)} | ${typeOf(property)} | ${note} |`);
  }
  return rows;
}

function renderSchema(name, schema) {
  const out = [`### ${name} {#schema-${name.toLowerCase()}}`, ''];
  if (schema.description) out.push(markdown(schema.description), '');
  if (Object.keys(schema.properties ?? {}).length > 0) {
    out.push(...fieldTable(schema));
  } else {
    out.push(`${typeOf(schema)}`);
  }
  out.push('');
  return out;
}

/** The endpoints grouped by tag, in the order the document declares its tags, then every schema they use. */
export function renderApi(openApi) {
  const all = operations(openApi);
  const declared = (openApi.tags ?? []).map((tag) => tag.name);
  const used = [...new Set(all.flatMap((entry) => entry.operation.tags ?? ['Other']))];
  const order = [...declared.filter((name) => used.includes(name)), ...used.filter((name) => !declared.includes(name))];
  const out = [];
  for (const name of order) {
    const tag = (openApi.tags ?? []).find((t) => t.name === name);
    out.push(`## ${name}`, '');
    if (tag?.description) out.push(markdown(tag.description), '');
    for (const entry of all.filter((e) => (e.operation.tags ?? ['Other']).includes(name))) {
      out.push(...renderOperation(entry));
    }
  }
  const schemas = Object.entries(openApi.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (schemas.length > 0) {
    out.push('## Schemas', '', 'The request and response bodies named above, as the OpenAPI document defines them.', '');
    for (const [name, schema] of schemas) {
      out.push(...renderSchema(name, schema));
    }
  }
  return out.join('\n');
}

export const EXAMPLES = join(ROOT, '../examples');

/** Each precompiled example, `<folder>/<file>.wasm`, with its SHA-256: what the examples tier may deploy. */
export async function readExamplesCatalog(directory = EXAMPLES) {
  const catalog = [];
  for (const folder of (await readdir(directory, { withFileTypes: true })).filter((entry) => entry.isDirectory())) {
    for (const file of await readdir(join(directory, folder.name))) {
      if (file.endsWith('.wasm')) {
        const bytes = await readFile(join(directory, folder.name, file));
        catalog.push({ path: `${folder.name}/${file}`, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
      }
    }
  }
  return catalog.sort((a, b) => a.path.localeCompare(b.path));
}

export function renderExamplesCatalog(catalog) {
  return [
    '| example | SHA-256 | size |',
    '|---|---|---|',
    ...catalog.map((entry) => `| ${code(`examples/${entry.path}`)} | ${code(entry.sha256)} | ${entry.size} bytes |`),
    '',
  ].join('\n');
}

async function fill(template, page, reference) {
  const text = await readFile(join(ROOT, 'templates', template), 'utf8');
  await writeFile(join(ROOT, 'src/docs', page), text.replace('{{reference}}', reference));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await fill('cli.md', 'cli.md', renderCli(await readCommandModel()));
  const metadata = [];
  for (const service of SERVICES) {
    metadata.push([service, await readConfigurationMetadata(service)]);
  }
  await fill('configuration.md', 'configuration.md', renderConfiguration(metadata));
  const openApi = await readOpenApi();
  await fill('api.md', 'api.md', renderApi(openApi));
  await fill('tiers.md', 'tiers.md', renderExamplesCatalog(await readExamplesCatalog()));
  // Published beside the reference, for code generators: the document the server serves, indented for reading.
  await mkdir(join(ROOT, 'src/docs/public'), { recursive: true });
  await writeFile(join(ROOT, 'src/docs/public/openapi.json'), JSON.stringify(openApi, null, 2) + '\n');
}
