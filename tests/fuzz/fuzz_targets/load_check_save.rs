//! Bytes in, plan out: load (`format::parse`), check, save (`format::to_string`), load again.
//! Nothing may panic, hang or blow up memory; a plan that loads must survive the round trip.
//! The same path runs over `tests/fuzz-regressions/` in `cargo test` (tests/fuzz_regressions.rs).

#![no_main]

#[path = "../round_trip.rs"]
mod round_trip;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    round_trip::load_check_save(data);
});
