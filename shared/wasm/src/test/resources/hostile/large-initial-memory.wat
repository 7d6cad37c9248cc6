;; Asks for 1000 pages (62.5 MiB) before running anything.
(module
  (memory 1000)
  (func (export "evaluate") (result i32) (i32.const 0)))
