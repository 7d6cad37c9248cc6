;; Reads Extism memory it never allocated.
(module
  (import "extism:host/env" "load_u64" (func $load_u64 (param i64) (result i64)))
  (func (export "evaluate") (result i32)
    (drop (call $load_u64 (i64.const 123456789)))
    (i32.const 0)))
