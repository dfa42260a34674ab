;; hello-wat: a Wasmcloud function written by hand in the WebAssembly text format, against the Olin ABI.
;;
;; It answers every request with
;;
;;   Content-Type: text/plain
;;
;;   hello from WAT!
;;   path: <PATH_INFO>
;;
;; and shows the two patterns every Olin guest needs: a resource id from io_get_stdout, and env_get's
;; fits-or-tells rule (it returns the value's length, or -4 when the variable is not set).
(module
  (import "env" "io_get_stdout" (func $io_get_stdout (result i32)))
  (import "env" "resource_write" (func $resource_write (param i32 i32 i32) (result i32)))
  (import "env" "env_get" (func $env_get (param i32 i32 i32 i32) (result i32)))

  (memory (export "memory") 1)

  (data (i32.const 0) "Content-Type: text/plain\n\nhello from WAT!\npath: ")   ;; 48 bytes
  (data (i32.const 64) "PATH_INFO")                                            ;; 9 bytes
  (data (i32.const 80) "\n")                                                   ;; 1 byte
  ;; env_get writes the value from offset 1024; a path longer than the 63 KiB left is answered as empty.

  (func (export "_start")
    (local $stdout i32)
    (local $length i32)
    (local.set $stdout (call $io_get_stdout))
    (drop (call $resource_write (local.get $stdout) (i32.const 0) (i32.const 48)))
    (local.set $length
      (call $env_get (i32.const 64) (i32.const 9) (i32.const 1024) (i32.const 64512)))
    ;; -4 (not set) and a value that did not fit both leave nothing to print.
    (if (i32.and
          (i32.gt_s (local.get $length) (i32.const 0))
          (i32.le_s (local.get $length) (i32.const 64512)))
      (then
        (drop (call $resource_write (local.get $stdout) (i32.const 1024) (local.get $length)))))
    (drop (call $resource_write (local.get $stdout) (i32.const 80) (i32.const 1)))))
