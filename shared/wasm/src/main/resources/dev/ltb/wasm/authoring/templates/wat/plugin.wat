;; {{name}}: an LLM Test Bench evaluator plugin in WebAssembly text. Use it in a suite as
;;   assert:
;;     - type: plugin:{{name}}
;; It passes when the output is not empty. Build it with: ltb plugin build .  (wat2wasm is built in)
;; The input and output JSON are described in docs/plugins.md. The host writes the input as compact JSON
;; that begins with {"output":" (11 bytes), so the output is empty exactly when byte 11 closes the string.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (memory (export "memory") 1)
  (data (i32.const 0) "{\"pass\":true,\"reason\":\"output is not empty\"}")
  (data (i32.const 64) "{\"pass\":false,\"reason\":\"output is empty\"}")

  ;; Copies len bytes at ptr of this module's memory into a new Extism block and makes it the output.
  (func $output (param $ptr i32) (param $len i32)
    (local $block i64) (local $i i32)
    (local.set $block (call $alloc (i64.extend_i32_u (local.get $len))))
    (block $done
      (loop $copy
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (call $store_u8 (i64.add (local.get $block) (i64.extend_i32_u (local.get $i)))
                        (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $copy)))
    (call $output_set (local.get $block) (i64.extend_i32_u (local.get $len))))

  (func (export "evaluate") (result i32)
    (if (i32.and
          (i64.gt_u (call $input_length) (i64.const 11))
          (i32.ne (call $input_load_u8 (i64.const 11)) (i32.const 34)))
      (then (call $output (i32.const 0) (i32.const 44)))
      (else (call $output (i32.const 64) (i32.const 41))))
    (i32.const 0)))
