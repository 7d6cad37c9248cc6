;; Returns 4 MiB of output (over the 1 MiB default limit; within its memory limit).
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (func (export "evaluate") (result i32)
    (call $output_set (call $alloc (i64.const 4194304)) (i64.const 4194304))
    (i32.const 0)))
