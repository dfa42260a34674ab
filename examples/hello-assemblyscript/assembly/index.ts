// hello-assemblyscript: a Wasmcloud function in AssemblyScript against the Olin ABI.
//
// The host functions are declared with @external; strings are UTF-16 inside AssemblyScript, so every write
// encodes to UTF-8 first. The reply echoes the request:
//
//   Content-Type: text/plain
//
//   hello from AssemblyScript!
//   method: <REQUEST_METHOD>
//   path: <PATH_INFO>
//   body: <the request body, byte for byte>

@external("env", "io_get_stdout")
declare function io_get_stdout(): i32;
@external("env", "io_get_stdin")
declare function io_get_stdin(): i32;
@external("env", "resource_write")
declare function resource_write(fd: i32, data: usize, length: i32): i32;
@external("env", "resource_read")
declare function resource_read(fd: i32, buffer: usize, length: i32): i32;
@external("env", "env_get")
declare function env_get(key: usize, keyLength: i32, value: usize, valueLength: i32): i32;
@external("env", "runtime_exit")
declare function runtime_exit(status: i32): void;

const NOT_FOUND: i32 = -4;
const VALUE_BYTES: i32 = 4096;

const stdout = io_get_stdout();

function writeBytes(data: usize, length: i32): void {
  // A refused write means a limit was hit; stop instead of printing half a reply.
  if (length > 0 && resource_write(stdout, data, length) < 0) {
    runtime_exit(1);
  }
}

function write(text: string): void {
  const bytes = String.UTF8.encode(text);
  writeBytes(changetype<usize>(bytes), bytes.byteLength);
}

/** The variable's value, or "" when it is not set or longer than VALUE_BYTES. */
function env(name: string): string {
  const key = String.UTF8.encode(name);
  const value = new ArrayBuffer(VALUE_BYTES);
  const length = env_get(changetype<usize>(key), key.byteLength, changetype<usize>(value), VALUE_BYTES);
  if (length == NOT_FOUND || length > VALUE_BYTES) {
    return "";
  }
  return String.UTF8.decodeUnsafe(changetype<usize>(value), length);
}

/** Called by AssemblyScript's runtime checks (out-of-bounds, failed assertions): end with exit code 70. */
export function abort(message: usize, file: usize, line: u32, column: u32): void {
  runtime_exit(70);
}

write("Content-Type: text/plain\n\nhello from AssemblyScript!\n");
write("method: " + env("REQUEST_METHOD") + "\n");
write("path: " + env("PATH_INFO") + "\n");
write("body: ");
const stdin = io_get_stdin();
const chunk = new ArrayBuffer(4096);
let n = resource_read(stdin, changetype<usize>(chunk), chunk.byteLength);
while (n > 0) {
  writeBytes(changetype<usize>(chunk), n);
  n = resource_read(stdin, changetype<usize>(chunk), chunk.byteLength);
}
write("\n");
