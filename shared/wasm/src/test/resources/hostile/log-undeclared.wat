;; Logs without declaring the log capability.
(module
  (import "extism:host/env" "log_info" (func $log (param i64)))
  (func (export "evaluate") (result i32) (i32.const 0)))
