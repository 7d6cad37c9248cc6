;; Never returns: the call must be stopped by its wall-clock limit.
(module
  (func (export "evaluate") (result i32)
    (loop $forever (br $forever))
    (i32.const 0)))
