;; Exports its entry point under the wrong name.
(module
  (func (export "run") (result i32) (i32.const 0)))
