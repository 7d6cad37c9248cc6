;; Imports WASI fd_write, which the sandbox does not provide.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (func (export "evaluate") (result i32) (i32.const 0)))
