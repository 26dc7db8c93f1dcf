//! The pallets benchmarked in this runtime (`medchain-node benchmark pallet`).

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_consortium, Consortium]
	[pallet_sudo, Sudo]
	[pallet_collective, Council]
	[pallet_parameters, Parameters]
	[pallet_patients, Patients]
	[pallet_records, Records]
	[pallet_consent, Consent]
	[pallet_payments, Payments]
);
