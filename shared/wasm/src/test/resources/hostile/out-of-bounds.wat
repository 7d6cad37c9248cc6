;; Reads far past the end of its own memory.
(module
  (memory 1)
  (func (export "evaluate") (result i32)
    (i32.load (i32.const 1000000))))
