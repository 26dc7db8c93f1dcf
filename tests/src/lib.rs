//! # Medchain runtime scenario tests
//!
//! Helpers to run the real runtime natively: build genesis from a named preset, make blocks
//! with a PoW author digest, and sign and apply extrinsics as a wallet would. The scenarios are
//! in this crate's `tests` module.

// Test support: failing loudly is the point.
#![allow(clippy::expect_used, clippy::panic, clippy::arithmetic_side_effects)]

use codec::Encode;
use medchain_runtime::{
	AccountId, Executive, Header, Runtime, RuntimeCall, RuntimeGenesisConfig, SignedPayload,
	System, TxExtension, UncheckedExtrinsic,
};
use sp_consensus_pow::POW_ENGINE_ID;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Digest, DigestItem, Era},
	traits::Header as _,
	ApplyExtrinsicResult,
};

#[cfg(test)]
mod data_rules;
#[cfg(test)]
mod governance;
#[cfg(test)]
mod tests;
#[cfg(all(test, feature = "try-runtime"))]
mod try_runtime;

/// Merge a JSON patch into `base`, as the node does with a genesis preset.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// Test externalities holding the genesis state of the named runtime preset.
pub fn genesis(preset: &str) -> sp_io::TestExternalities {
	let patch = medchain_runtime::genesis_config_presets::get_preset(&preset.into())
		.and_then(|bytes| serde_json::from_slice(&bytes).ok())
		.unwrap_or_else(|| panic!("preset {preset} exists and is JSON"));
	genesis_of(patch)
}

/// Test externalities holding the genesis state that a genesis config `patch` builds, as the
/// node builds it from a chain spec.
pub fn genesis_of(patch: serde_json::Value) -> sp_io::TestExternalities {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("default config");
	merge(&mut config, patch);
	let json = serde_json::to_vec(&config).expect("config serializes");
	let mut ext = sp_io::TestExternalities::new(Default::default());
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(json)
			.expect("preset builds")
	});
	ext
}

/// Start block `number` mined with `miner`'s mining key (named in the PoW pre-runtime digest, as
/// the node does; the node has checked the seal's signature), and set its timestamp.
pub fn start_block(number: u32, miner: Sr25519Keyring, timestamp_ms: u64) {
	start_child_block(System::parent_hash(), number, miner, timestamp_ms);
}

/// [`start_block`], as the child of the block whose hash is `parent`. Returns the timestamp
/// inherent it applied (the block's first extrinsic).
pub fn start_child_block(
	parent: medchain_runtime::Hash,
	number: u32,
	miner: Sr25519Keyring,
	timestamp_ms: u64,
) -> UncheckedExtrinsic {
	let key = medchain_primitives::MiningKey::from(miner.public());
	let digest = Digest { logs: vec![DigestItem::PreRuntime(POW_ENGINE_ID, key.encode())] };
	let header = Header::new(number, Default::default(), Default::default(), parent, digest);
	Executive::initialize_block(&header);
	let set_time =
		UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
			now: timestamp_ms,
		}));
	assert_ok_applied(Executive::apply_extrinsic(set_time.clone()));
	set_time
}

/// Finish the current block, returning its header.
pub fn finish_block() -> Header {
	Executive::finalize_block()
}

/// `call` signed by `signer` as a wallet would (immortal, no tip, current nonce).
pub fn signed(signer: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
	signed_as(signer, signer.to_account_id(), call)
}

/// `call` signed by `signer` with a `tip` for the block's author.
pub fn signed_with_tip(signer: Sr25519Keyring, call: RuntimeCall, tip: u128) -> UncheckedExtrinsic {
	signed_as_with_tip(signer, signer.to_account_id(), call, tip)
}

/// `call` claiming to come from `who`, with a signature made by `signer`'s key.
pub fn signed_as(signer: Sr25519Keyring, who: AccountId, call: RuntimeCall) -> UncheckedExtrinsic {
	signed_as_with_tip(signer, who, call, 0)
}

fn signed_as_with_tip(
	signer: Sr25519Keyring,
	who: AccountId,
	call: RuntimeCall,
	tip: u128,
) -> UncheckedExtrinsic {
	let nonce = System::account_nonce(&who);
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		medchain_runtime::configs::sponsorship::ChargeSponsorOrSigner::from(tip),
		medchain_runtime::configs::admission::RefuseUnsafeCalls,
		frame_system::WeightReclaim::<Runtime>::new(),
	);
	let payload = SignedPayload::new(call.clone(), extension.clone()).expect("payload builds");
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(call, who.into(), signature.into(), extension)
}

/// Assert an extrinsic was applied and its call succeeded.
pub fn assert_ok_applied(result: ApplyExtrinsicResult) {
	match result {
		Ok(Ok(())) => {}
		other => panic!("extrinsic failed: {other:?}"),
	}
}

/// A council motion of `call`: `ayes[0]` proposes it with `ayes.len()` as its threshold, every
/// one of `ayes` votes aye and each of `nays` nay, then it is closed. Returns the outcome of its
/// dispatch, or `None` if it was not executed (disapproved). Call within a block.
pub fn council_motion(
	call: RuntimeCall,
	ayes: &[Sr25519Keyring],
	nays: &[Sr25519Keyring],
) -> Option<sp_runtime::DispatchResult> {
	use frame_support::dispatch::GetDispatchInfo;
	use medchain_runtime::{Council, RuntimeEvent, RuntimeOrigin};
	use sp_runtime::traits::Hash;
	let origin = |k: &Sr25519Keyring| RuntimeOrigin::signed(k.to_account_id());
	let proposer = ayes.first().expect("a proposer");
	let length = u32::try_from(call.encoded_size()).expect("small call");
	let weight = call.get_dispatch_info().call_weight;
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let threshold = u32::try_from(ayes.len()).expect("few voters");
	System::reset_events();
	Council::propose(origin(proposer), threshold, Box::new(call), length).expect("proposes");
	if threshold > 1 {
		for (voter, approve) in
			ayes.iter().map(|k| (k, true)).chain(nays.iter().map(|k| (k, false)))
		{
			Council::vote(origin(voter), hash, index, approve).expect("votes");
		}
		Council::close(origin(proposer), hash, index, weight, length).expect("closes");
	}
	System::events().into_iter().find_map(|record| match record.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	})
}
