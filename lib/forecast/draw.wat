;; The simulation's inner loop (simulate.ts, "drawChunk"), in WebAssembly for its native 64-bit integers: the
;; xoroshiro128+ step is 4 operations here instead of about 20 on 32-bit halves in JavaScript. Built into
;; draw-module.ts by `npm run forecast:wasm`; draw.unit.test.ts holds both to pure-rand's generator.
;;
;; Memory (offsets in bytes): 0 the generator's state s0, s1 (i64 each, little-endian: s0 = s01 << 32 | s00 in
;; pure-rand's words) · 16 the chunk's alias thresholds (u32 × 1024) · 4112 the sums it picks from (f64 × 2048:
;; per column its alias's pattern sum, then its own) · 20496 the runs' won values (f64 × runs).
(module
  (memory (export "memory") 1)
  (func (export "draw") (param $size i32) (param $runs i32)
    (local $s0 i64) (local $s1 i64) (local $u i32) (local $column i32) (local $mask i32) (local $at i32) (local $end i32)
    (local.set $s0 (i64.load (i32.const 0)))
    (local.set $s1 (i64.load (i32.const 8)))
    (local.set $mask (i32.sub (i32.shl (i32.const 1) (local.get $size)) (i32.const 1)))
    (local.set $at (i32.const 20496))
    (local.set $end (i32.add (i32.const 20496) (i32.shl (local.get $runs) (i32.const 3))))
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
        (local.set $column (i32.and (local.get $u) (local.get $mask)))
        (f64.store (local.get $at)
          (f64.add
            (f64.load (local.get $at))
            (f64.load offset=4112
              (i32.shl
                (i32.or
                  (i32.shl (local.get $column) (i32.const 1))
                  (i32.shr_u
                    (i32.sub
                      (i32.shr_u (local.get $u) (local.get $size))
                      (i32.load offset=16 (i32.shl (local.get $column) (i32.const 2))))
                    (i32.const 31)))
                (i32.const 3)))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br_if $run (i32.lt_u (local.get $at) (local.get $end)))))
    (i64.store (i32.const 0) (local.get $s0))
    (i64.store (i32.const 8) (local.get $s1))))
