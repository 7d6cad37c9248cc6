;; Never finishes instantiating: its start function loops.
(module
  (func $start (loop $forever (br $forever)))
  (start $start)
  (func (export "evaluate") (result i32) (i32.const 0)))
