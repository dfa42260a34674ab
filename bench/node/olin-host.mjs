// The smallest honest Olin host, for the benchmarks' V8 peers: only the calls hello makes (env_get,
// io_get_stdin/stdout, resource_read/write, runtime_exit), with the ABI's results, and no limits or accounting.
// One host per instance: it holds that instance's resource table and stdin position.

const NOT_FOUND = -4;
const END_OF_FILE = -5;
const UNKNOWN_FD = -2;
const NOT_READABLE_OR_WRITABLE = -1;

/** Thrown by runtime_exit; the guest stopped on purpose with this status. */
export class Exit extends Error {
  constructor(status) {
    super(String(status));
    this.status = status;
  }
}

/**
 * @param env a function from a variable's name to its value, or undefined when it is not set
 * @param stdin the bytes the guest reads as standard input
 * @param write called with each chunk the guest writes to standard output (a view into its memory: copy to keep)
 * @returns imports for WebAssembly.Instance, and bind(memory) to call once the instance exists
 */
export function olinHost({ env, stdin, write }) {
  let memory;
  let stdinOffset = 0;
  const fds = new Map(); // fd -> "stdin" | "stdout"
  let nextFd = 0;
  const bytes = (pointer, length) => new Uint8Array(memory.buffer, pointer, length);
  const open = (kind) => {
    fds.set(nextFd, kind);
    return nextFd++;
  };
  const imports = {
    env: {
      env_get(keyPointer, keyLength, valuePointer, valueLength) {
        const value = env(Buffer.from(bytes(keyPointer, keyLength)).toString("utf8"));
        if (value === undefined) return NOT_FOUND;
        const encoded = Buffer.from(value, "utf8");
        if (encoded.length <= valueLength) bytes(valuePointer, encoded.length).set(encoded);
        return encoded.length;
      },
      io_get_stdin: () => open("stdin"),
      io_get_stdout: () => open("stdout"),
      resource_read(fd, pointer, length) {
        if (fds.get(fd) !== "stdin") return fds.has(fd) ? NOT_READABLE_OR_WRITABLE : UNKNOWN_FD;
        if (length === 0) return 0;
        if (stdinOffset >= stdin.length) return END_OF_FILE;
        const count = Math.min(length, stdin.length - stdinOffset);
        bytes(pointer, count).set(stdin.subarray(stdinOffset, stdinOffset + count));
        stdinOffset += count;
        return count;
      },
      resource_write(fd, pointer, length) {
        if (fds.get(fd) !== "stdout") return fds.has(fd) ? NOT_READABLE_OR_WRITABLE : UNKNOWN_FD;
        write(bytes(pointer, length));
        return length;
      },
      runtime_exit(status) {
        throw new Exit(status);
      },
    },
  };
  return { imports, bind: (instanceMemory) => (memory = instanceMemory) };
}
