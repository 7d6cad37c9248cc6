;; Allocates host-side (Extism) memory a MiB at a time and never frees it.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (func (export "evaluate") (result i32)
    (loop $more
      (drop (call $alloc (i64.const 1048576)))
      (br $more))
    (i32.const 0)))
