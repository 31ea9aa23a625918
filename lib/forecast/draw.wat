;; The simulation's inner loop (simulate.ts), in WebAssembly for its native 64-bit integers: the xoroshiro128+ step
;; is 4 operations here instead of about 20 on 32-bit halves in JavaScript. Built into draw-module.ts by
;; `npm run forecast:wasm`; draw.unit.test.ts holds both to pure-rand's generator.
;;
;; Memory (offsets in bytes; draw-kernel.ts has the same):
;;     0  the generator's state s0, s1 (i64 each, little-endian: s0 = s01 << 32 | s00 in pure-rand's words)
;;    16  the chunk's deal values in cents (f64 × 10)
;;    96  its pattern table's aliases (u16 × 1024)          2144  and thresholds (u32 × 1024)
;;  6240  every subset sum of the chunk (f64 × 1024)      14432  the sums a draw picks from (f64 × 2048)
;; 30816  the runs' won values (f64 × runs)
;; `histogram` and `gather` (percentiles) work on any runs in memory, with their scratch where they are told.
(module
  (memory (export "memory") 1)

  ;; Adds to every run's won value what a chunk of `size` deals wins in it: subset sums of its values (pattern
  ;; `mask` = the deals whose bits are set), then per column its alias's sum and its own, then one draw per run.
  (func (export "draw") (param $size i32) (param $runs i32)
    (local $count i32) (local $mask i32) (local $low i32) (local $column i32)
    (local $s0 i64) (local $s1 i64) (local $u i32) (local $at i32) (local $end i32)
    (local.set $count (i32.shl (i32.const 1) (local.get $size)))
    (f64.store (i32.const 6240) (f64.const 0))
    (local.set $mask (i32.const 1))
    (block $summed
      (loop $sum
        (br_if $summed (i32.ge_u (local.get $mask) (local.get $count)))
        (local.set $low (i32.and (local.get $mask) (i32.sub (i32.const 0) (local.get $mask))))
        (f64.store offset=6240 (i32.shl (local.get $mask) (i32.const 3))
          (f64.add
            (f64.load offset=6240 (i32.shl (i32.xor (local.get $mask) (local.get $low)) (i32.const 3)))
            (f64.load offset=16 (i32.shl (i32.ctz (local.get $mask)) (i32.const 3)))))
        (local.set $mask (i32.add (local.get $mask) (i32.const 1)))
        (br $sum)))
    (local.set $column (i32.const 0))
    (block $picked
      (loop $pick
        (br_if $picked (i32.ge_u (local.get $column) (local.get $count)))
        (f64.store offset=14432 (i32.shl (local.get $column) (i32.const 4))
          (f64.load offset=6240 (i32.shl (i32.load16_u offset=96 (i32.shl (local.get $column) (i32.const 1))) (i32.const 3))))
        (f64.store offset=14440 (i32.shl (local.get $column) (i32.const 4))
          (f64.load offset=6240 (i32.shl (local.get $column) (i32.const 3))))
        (local.set $column (i32.add (local.get $column) (i32.const 1)))
        (br $pick)))

    (local.set $s0 (i64.load (i32.const 0)))
    (local.set $s1 (i64.load (i32.const 8)))
    (local.set $at (i32.const 30816))
    (local.set $end (i32.add (i32.const 30816) (i32.shl (local.get $runs) (i32.const 3))))
    (block $done
      (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
      (loop $run
        ;; the output (the low 32 bits of s0 + s1), then the step, as pure-rand's next()
        (local.set $u (i32.wrap_i64 (i64.add (local.get $s0) (local.get $s1))))
        (local.set $s1 (i64.xor (local.get $s1) (local.get $s0)))
        (local.set $s0
          (i64.xor (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $s1)) (i64.shl (local.get $s1) (i64.const 16))))
        (local.set $s1 (i64.rotl (local.get $s1) (i64.const 37)))
        ;; column = the low `size` bits; its own pattern when the high bits are below its threshold, else its alias
        (local.set $column (i32.and (local.get $u) (i32.sub (local.get $count) (i32.const 1))))
        (f64.store (local.get $at)
          (f64.add
            (f64.load (local.get $at))
            (f64.load offset=14432
              (i32.shl
                (i32.or
                  (i32.shl (local.get $column) (i32.const 1))
                  (i32.shr_u
                    (i32.sub
                      (i32.shr_u (local.get $u) (local.get $size))
                      (i32.load offset=2144 (i32.shl (local.get $column) (i32.const 2))))
                    (i32.const 31)))
                (i32.const 3)))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br_if $run (i32.lt_u (local.get $at) (local.get $end)))))
    (i64.store (i32.const 0) (local.get $s0))
    (i64.store (i32.const 8) (local.get $s1)))

  ;; Percentiles, first pass (simulate.ts, percentilesOf): the spread (max − min) of the `n` runs at `at`; when not 0,
  ;; each run's bin among 1024 (floor((run − min) × 1023 / spread), growing with the value) at `bins` (u16 × n) and
  ;; the bins' counts at `counts` (i32 × 1024).
  (func (export "histogram") (param $at i32) (param $n i32) (param $bins i32) (param $counts i32) (result f64)
    (local $p i32) (local $end i32) (local $min f64) (local $max f64) (local $scale f64) (local $bin i32) (local $slot i32)
    (local.set $end (i32.add (local.get $at) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $min (f64.load (local.get $at)))
    (local.set $max (local.get $min))
    (local.set $p (local.get $at))
    (block $spanned
      (loop $span
        (br_if $spanned (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $min (f64.min (local.get $min) (f64.load (local.get $p))))
        (local.set $max (f64.max (local.get $max) (f64.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $span)))
    (if (f64.eq (local.get $min) (local.get $max)) (then (return (f64.const 0))))
    (local.set $scale (f64.div (f64.const 1023) (f64.sub (local.get $max) (local.get $min))))
    (local.set $bin (i32.const 0))
    (block $cleared
      (loop $clear
        (br_if $cleared (i32.ge_u (local.get $bin) (i32.const 1024)))
        (i32.store (i32.add (local.get $counts) (i32.shl (local.get $bin) (i32.const 2))) (i32.const 0))
        (local.set $bin (i32.add (local.get $bin) (i32.const 1)))
        (br $clear)))
    (local.set $p (local.get $at))
    (block $binned
      (loop $count
        (br_if $binned (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $bin (i32.trunc_f64_u (f64.mul (f64.sub (f64.load (local.get $p)) (local.get $min)) (local.get $scale))))
        (i32.store16 (local.get $bins) (local.get $bin))
        (local.set $slot (i32.add (local.get $counts) (i32.shl (local.get $bin) (i32.const 2))))
        (i32.store (local.get $slot) (i32.add (i32.load (local.get $slot)) (i32.const 1)))
        (local.set $bins (i32.add (local.get $bins) (i32.const 2)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $count)))
    (f64.sub (local.get $max) (local.get $min)))

  ;; Percentiles, second pass: puts each run whose bin has a slot (`slots`, i32 × 1024: the slot's end in `chosen`,
  ;; 0 for a bin not wanted) at the slot's end, moving the end down: the wanted bins' runs, gathered.
  (func (export "gather") (param $at i32) (param $n i32) (param $bins i32) (param $slots i32) (param $chosen i32)
    (local $p i32) (local $end i32) (local $slot i32) (local $fill i32)
    (local.set $end (i32.add (local.get $at) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $p (local.get $at))
    (block $gathered
      (loop $gather
        (br_if $gathered (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $slot (i32.add (local.get $slots) (i32.shl (i32.load16_u (local.get $bins)) (i32.const 2))))
        (local.set $fill (i32.load (local.get $slot)))
        (if (local.get $fill)
          (then
            (local.set $fill (i32.sub (local.get $fill) (i32.const 1)))
            (i32.store (local.get $slot) (local.get $fill))
            (f64.store (i32.add (local.get $chosen) (i32.shl (local.get $fill) (i32.const 3))) (f64.load (local.get $p)))))
        (local.set $bins (i32.add (local.get $bins) (i32.const 2)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $gather)))))
