;; Grows its memory a page at a time and traps when growing fails, like an allocator out of memory.
(module
  (memory 1)
  (func (export "evaluate") (result i32)
    (loop $grow
      (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
      (br $grow))
    (i32.const 0)))
