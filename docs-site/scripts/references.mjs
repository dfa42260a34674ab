// Renders the generated references into src/docs before VitePress builds the site:
//   target/references/cli.json                      (picocli's model, written by the cli's CommandReference)
//   target/references/<service>/**/spring-configuration-metadata.json   (unpacked from the services' jars)
// Maven writes these inputs in generate-resources; the pages written here are not committed (see .gitignore).

import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const REFERENCES = join(ROOT, 'target/references');
export const SERVICES = ['api-server', 'executor'];

export async function readCommandModel() {
  return JSON.parse(await readFile(join(REFERENCES, 'cli.json'), 'utf8'));
}

/** The configuration metadata of one service (found wherever the jar keeps it: META-INF or BOOT-INF/classes). */
export async function readConfigurationMetadata(service) {
  const files = await findFiles(join(REFERENCES, service), 'spring-configuration-metadata.json');
  if (files.length !== 1) {
    throw new Error(`expected one spring-configuration-metadata.json for ${service}, found ${files.length}`);
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
}
