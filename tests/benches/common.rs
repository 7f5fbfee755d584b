//! A small timing harness shared by the benchmarks: each measurement runs several times and
//! reports the median and the fastest run. No dependency, so `cargo bench` builds quickly.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Timings of one measurement.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    /// The middle run.
    pub median: Duration,
    /// The fastest run.
    pub min: Duration,
}

impl Stats {
    /// Stats of the given run times.
    pub fn of(mut times: Vec<Duration>) -> Stats {
        times.sort_unstable();
        Stats {
            median: times.get(times.len() / 2).copied().unwrap_or_default(),
            min: times.first().copied().unwrap_or_default(),
        }
    }
}

/// Runs `f` `runs` times (after one warm-up run) and times each run; what `f` returns is dropped
/// outside the timing.
pub fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> Stats {
    drop(black_box(f()));
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let out = black_box(f());
        times.push(started.elapsed());
        drop(out);
    }
    Stats::of(times)
}

/// Milliseconds with two decimals.
pub fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// The sizes asked for on the command line (`cargo bench --bench core -- 10000`), or `default`.
pub fn sizes(default: &[usize]) -> Vec<usize> {
    let asked: Vec<usize> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .filter_map(|a| a.replace(['_', ','], "").parse().ok())
        .collect();
    if asked.is_empty() {
        default.to_vec()
    } else {
        asked
    }
}

/// Words on the command line that are not sizes (`cargo bench --bench frames -- 10000 accounts`):
/// a benchmark runs only the measurements whose names contain one of them.
pub fn only() -> Vec<String> {
    std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .filter(|a| a.replace(['_', ','], "").parse::<usize>().is_err())
        .collect()
}

/// Whether a measurement is wanted, given `only()`.
pub fn wanted(name: &str, only: &[String]) -> bool {
    only.is_empty() || only.iter().any(|w| name.contains(w.as_str()))
}

/// A verdict against a target.
pub fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "MISSES" }
}
