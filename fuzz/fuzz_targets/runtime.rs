//! libFuzzer's entry point: see the `medchain_fuzz` crate. With `MEDCHAIN_FUZZ_WRITE_SEEDS=DIR`
//! set, it plays the seed inputs instead, checks that every call in them succeeds, writes them to
//! `DIR` and exits.
#![no_main]

libfuzzer_sys::fuzz_target!(
	init: {
		if let Some(dir) = std::env::var_os("MEDCHAIN_FUZZ_WRITE_SEEDS") {
			medchain_fuzz::write_seeds(std::path::Path::new(&dir));
			std::process::exit(0);
		}
	},
	|data: &[u8]| {
		medchain_fuzz::run(data);
	}
);
