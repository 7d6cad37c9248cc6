;; Exports evaluate with parameters, which no Extism entry point has.
(module
  (func (export "evaluate") (param i32) (result i32) (local.get 0)))
