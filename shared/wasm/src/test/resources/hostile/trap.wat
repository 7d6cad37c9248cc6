;; Reaches unreachable.
(module
  (func (export "evaluate") (result i32) unreachable))
