// Documentation examples run as tests, so the docs cannot rot: every ```wat block in src/docs must compile, and a
// block that exports `_start` must, run against a small fake of the Olin host, write a valid CGI response, and
// exactly the text of the next ```text stdout block when the page shows one.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import initWabt from 'wabt';
import { DOCS_DIR } from '../scripts/build.mjs';

const wabt = await initWabt();
const examples = await watBlocks();

describe('WAT examples in the docs', () => {
  it('exist, so this test checks something', () => {
    assert.ok(examples.length > 0);
  });

  for (const { file, line, source, expectedStdout } of examples) {
    it(`${file}:${line} compiles and, if it has _start, answers with a CGI response`, async () => {
      const module = wabt.parseWat(`${file}:${line}`, source);
      try {
        module.validate();
        const { buffer } = module.toBinary({});
        const compiled = await WebAssembly.compile(buffer);
        if (WebAssembly.Module.exports(compiled).some((e) => e.name === '_start')) {
          const stdout = await runWithFakeOlin(compiled);
          assertCgiResponse(stdout);
          if (expectedStdout !== undefined) {
            assert.equal(stdout, expectedStdout);
          }
        }
      } finally {
        module.destroy();
      }
    });
  }
});

async function watBlocks() {
  const blocks = [];
  for (const file of (await readdir(DOCS_DIR)).filter((name) => name.endsWith('.md'))) {
    const markdown = await readFile(join(DOCS_DIR, file), 'utf8');
    const fences = [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)];
    fences.forEach((fence, index) => {
      if (fence[1] !== 'wat') {
        return;
      }
      const next = fences[index + 1];
      blocks.push({
        file,
        line: markdown.slice(0, fence.index).split('\n').length,
        source: fence[2],
        expectedStdout: next?.[1] === 'text stdout' ? next[2] : undefined,
      });
    });
  }
  return blocks;
}

// Just enough of the Olin host for examples: standard streams and writing to them. An import this fake does not
// know fails the test, naming it, rather than passing silently.
async function runWithFakeOlin(compiled) {
  const streams = new Map();
  let nextId = 7;
  let memory;
  const open = (name) => {
    const id = nextId++;
    streams.set(id, { name, bytes: [] });
    return id;
  };
  const host = {
    io_get_stdout: () => open('stdout'),
    io_get_stderr: () => open('stderr'),
    resource_write: (id, ptr, len) => {
      const stream = streams.get(id);
      if (stream === undefined) {
        return -2;
      }
      stream.bytes.push(...new Uint8Array(memory.buffer, ptr, len));
      return len;
    },
  };
  const imports = {};
  for (const { module, name } of WebAssembly.Module.imports(compiled)) {
    assert.ok(module === 'env' || module === 'cwa', `import module ${module} is neither env nor cwa`);
    assert.ok(name in host, `the docs test's fake Olin host has no ${name}; add it to test/examples.test.mjs`);
    (imports[module] ??= {})[name] = host[name];
  }
  const instance = await WebAssembly.instantiate(compiled, imports);
  memory = instance.exports.memory;
  instance.exports._start();
  const stdout = [...streams.values()].filter((s) => s.name === 'stdout').flatMap((s) => s.bytes);
  return Buffer.from(stdout).toString('utf8');
}

function assertCgiResponse(output) {
  const end = output.search(/\r?\n\r?\n/);
  assert.ok(end > 0, `no blank line ends the header block in ${JSON.stringify(output)}`);
  const headers = output.slice(0, end).split(/\r?\n/);
  for (const header of headers) {
    assert.match(header, /^[!#$%&'*+.^_`|~0-9A-Za-z-]+: ?[^\r\n]*$/, `not a CGI header line: ${JSON.stringify(header)}`);
  }
  const body = output.slice(end).replace(/^\r?\n\r?\n/, '');
  if (body.length > 0) {
    assert.ok(headers.some((h) => /^content-type:/i.test(h)), 'a body needs a Content-Type header');
  }
}
