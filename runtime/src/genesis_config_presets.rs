//! Named genesis presets: `development` (one miner, fast start) and `local_testnet` (the
//! consortium of three nodes on one machine).

use crate::{
	token::MED, AccountId, BalancesConfig, DifficultyConfig, PatientsConfig, RuntimeGenesisConfig,
	SudoConfig,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use medchain_primitives::{IdentityCommitment, OrgKind};
use serde_json::Value;
use sp_core::U256;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::Sr25519Keyring;

/// Every development account starts with a million MED.
const ENDOWMENT: crate::Balance = 1_000_000 * MED;

/// Genesis difficulty of the development chain: a block within a second or two on one core, from
/// where the retarget climbs to the 6 s target.
pub const DEV_INITIAL_DIFFICULTY: u64 = 10_000_000;

/// Genesis difficulty of the local consortium testnet (two miners).
pub const LOCAL_INITIAL_DIFFICULTY: u64 = 2_000_000;

/// The demo consortium every preset starts with, so the chain is usable at once:
/// - organization 0, a provider: admin Charlie, member Dave (a practitioner);
/// - organization 1, a payer: admin Eve;
/// - one patient, Bob, with his own key and a placeholder identity commitment.
fn demo_identities() -> PatientsConfig {
	PatientsConfig {
		organizations: vec![
			(
				Sr25519Keyring::Charlie.to_account_id(),
				OrgKind::Provider,
				vec![Sr25519Keyring::Dave.to_account_id()],
			),
			(Sr25519Keyring::Eve.to_account_id(), OrgKind::Payer, vec![]),
		],
		patients: vec![(
			Sr25519Keyring::Bob.to_account_id(),
			Some(IdentityCommitment::repeat_byte(0xbb)),
		)],
	}
}

fn genesis(endowed: Vec<AccountId>, root: AccountId, initial_difficulty: u64) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		difficulty: DifficultyConfig { initial_difficulty: U256::from(initial_difficulty) },
		patients: demo_identities(),
	})
}

/// The development chain: Alice is sudo; the well-known development accounts are endowed.
pub fn development_config_genesis() -> Value {
	genesis(
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		DEV_INITIAL_DIFFICULTY,
	)
}

/// The local consortium testnet: Alice is sudo; the well-known development accounts are endowed.
pub fn local_config_genesis() -> Value {
	genesis(
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		LOCAL_INITIAL_DIFFICULTY,
	)
}

/// Provides the JSON representation of predefined genesis config for given `id`.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(serde_json::to_string(&patch).unwrap_or_default().into_bytes())
}

/// List of supported presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
