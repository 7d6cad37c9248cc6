;; Claims a terabyte of output from an 8-byte block.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (func (export "evaluate") (result i32)
    (call $output_set (call $alloc (i64.const 8)) (i64.const 1099511627776))
    (i32.const 0)))
