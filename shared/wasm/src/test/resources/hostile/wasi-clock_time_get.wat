;; Imports WASI clock_time_get, which the sandbox does not provide.
(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (func (export "evaluate") (result i32) (i32.const 0)))
