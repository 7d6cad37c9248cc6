;; Sets an error message and returns 1, as a PDK does when the plugin's code fails.
(module
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "error_set" (func $error_set (param i64)))
  (memory 1)
  (data (i32.const 0) "expected must be a list")
  (func (export "evaluate") (result i32)
    (local $msg i64) (local $i i32)
    (local.set $msg (call $alloc (i64.const 23)))
    (block $done
      (loop $copy
        (br_if $done (i32.ge_u (local.get $i) (i32.const 23)))
        (call $store_u8 (i64.add (local.get $msg) (i64.extend_i32_u (local.get $i)))
                        (i32.load8_u (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $copy)))
    (call $error_set (local.get $msg))
    (i32.const 1)))
