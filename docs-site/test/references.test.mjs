// The generated references are only as good as the descriptions in the code: every command, option and argument of
// the CLI, every endpoint and parameter of the HTTP API and every configuration property of both services must say
// what it is for, or the build fails here.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EXAMPLES,
  operations,
  readCommandModel,
  readConfigurationMetadata,
  readExamplesCatalog,
  readOpenApi,
  renderExamplesCatalog,
  SERVICES,
} from '../scripts/references.mjs';

function undescribed(command) {
  const missing = [];
  const blank = (lines) => !lines || lines.join('').trim() === '';
  if (blank(command.description)) {
    missing.push(command.name);
  }
  for (const parameter of command.parameters) {
    if (blank(parameter.description)) missing.push(`${command.name} ${parameter.label}`);
  }
  for (const option of command.options) {
    if (blank(option.description)) missing.push(`${command.name} ${option.names.join(', ')}`);
  }
  return missing.concat(command.subcommands.flatMap(undescribed));
}

describe('generated references', () => {
  it('cover every CLI command, and each says what it does', async () => {
    const model = await readCommandModel();
    assert.ok(model.command.subcommands.length > 10, 'the command model lists almost no commands');
    assert.deepEqual(undescribed(model.command), []);
  });

  it('cover every endpoint of the HTTP API, each with a summary, a description and described parameters', async () => {
    const openApi = await readOpenApi();
    const all = operations(openApi);
    assert.ok(all.length > 20, 'the OpenAPI document lists almost no endpoints');
    const missing = [];
    for (const { path, method, operation } of all) {
      const name = `${method.toUpperCase()} ${path}`;
      if (!operation.summary?.trim()) missing.push(`${name}: summary`);
      if (!operation.description?.trim()) missing.push(`${name}: description`);
      if (!operation.tags?.length) missing.push(`${name}: tag`);
      for (const parameter of operation.parameters ?? []) {
        if (!parameter.description?.trim()) missing.push(`${name}: parameter ${parameter.name}`);
      }
      // Form and multipart fields are parameters too, listed in the body's inline schema.
      for (const content of Object.values(operation.requestBody?.content ?? {})) {
        for (const [field, property] of Object.entries(content.schema?.properties ?? {})) {
          if (!property.description?.trim()) missing.push(`${name}: field ${field}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  for (const service of SERVICES) {
    it(`describe every configuration property of the ${service}`, async () => {
      const { properties } = await readConfigurationMetadata(service);
      assert.ok(properties.length > 0, `${service} has no configuration metadata`);
      assert.deepEqual(
        properties.filter((p) => !p.description?.trim()).map((p) => p.name),
        [],
      );
    });
  }

  it('list every precompiled example in the examples catalog with its SHA-256', async () => {
    const catalog = await readExamplesCatalog();
    const hello = await readFile(join(EXAMPLES, 'hello/hello.wasm'));
    const table = renderExamplesCatalog(catalog);

    assert.ok(catalog.length >= 10, `only ${catalog.length} examples found`);
    assert.match(table, new RegExp(`\\| \`examples/hello/hello\\.wasm\` \\| \`${createHash('sha256').update(hello).digest('hex')}\` \\|`));
    assert.equal(new Set(catalog.map((entry) => entry.sha256)).size, catalog.length, 'two examples share a hash');
  });
});
