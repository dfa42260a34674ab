//! hello-zig: a Wasmcloud function in Zig against WASI, with Zig's own standard library.
//!
//! The CGI meta-variables arrive as environment variables and the request body on stdin, so this is an ordinary
//! Zig program built for wasm32-wasi. It echoes what it received:
//!
//!   Content-Type: text/plain
//!
//!   hello from Zig!
//!   method: <REQUEST_METHOD>
//!   path: <PATH_INFO>
//!   body: <the request body, byte for byte>

const std = @import("std");

pub fn main() !void {
    // The whole environment fits in a few KiB; a fixed buffer keeps the module free of a growing heap.
    var buffer: [64 * 1024]u8 = undefined;
    var fixed = std.heap.FixedBufferAllocator.init(&buffer);
    var env = try std.process.getEnvMap(fixed.allocator());

    const stdout = std.io.getStdOut().writer();
    try stdout.writeAll("Content-Type: text/plain\n\nhello from Zig!\n");
    // An unset variable prints as empty, like a CGI server that leaves it out.
    try stdout.print("method: {s}\npath: {s}\nbody: ", .{
        env.get("REQUEST_METHOD") orelse "",
        env.get("PATH_INFO") orelse "",
    });

    const stdin = std.io.getStdIn().reader();
    var chunk: [4096]u8 = undefined;
    while (true) {
        const n = try stdin.read(&chunk);
        if (n == 0) break;
        try stdout.writeAll(chunk[0..n]);
    }
    try stdout.writeAll("\n");
}
