//! hello-rust: a Wasmcloud function in Rust against WASI, with Rust's standard library.
//!
//! The CGI meta-variables arrive as environment variables and the request body on stdin, so this is an ordinary
//! Rust program built for wasm32-wasi. It echoes what it received:
//!
//!   Content-Type: text/plain
//!
//!   hello from Rust!
//!   method: <REQUEST_METHOD>
//!   path: <PATH_INFO>
//!   body: <the request body, byte for byte>

use std::env;
use std::io::{self, Read, Write};

/// An unset variable prints as empty, like a CGI server that leaves it out.
fn cgi_variable(name: &str) -> String {
    env::var(name).unwrap_or_default()
}

fn main() -> io::Result<()> {
    let mut body = Vec::new();
    io::stdin().read_to_end(&mut body)?;

    let mut out = io::stdout().lock();
    out.write_all(b"Content-Type: text/plain\n\nhello from Rust!\n")?;
    write!(out, "method: {}\npath: {}\nbody: ", cgi_variable("REQUEST_METHOD"), cgi_variable("PATH_INFO"))?;
    out.write_all(&body)?;
    out.write_all(b"\n")?;
    out.flush()
}
