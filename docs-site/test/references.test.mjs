// The generated references are only as good as the descriptions in the code: every command, option and argument of
// the CLI and every configuration property of both services must say what it is for, or the build fails here.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCommandModel, readConfigurationMetadata, SERVICES } from '../scripts/references.mjs';

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
});
