//! Named genesis presets: `development` (one miner and voter, fast start) and `local_testnet`
//! (a consortium of four organizations, each with a miner and a finality voter, on one machine).

use crate::{
	token::MED, AccountId, BalancesConfig, ConsortiumConfig, DifficultyConfig, GrandpaConfig,
	PatientsConfig, RuntimeGenesisConfig, SudoConfig,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use medchain_primitives::{IdentityCommitment, MiningKey, OrgId, OrgKind};
use serde_json::Value;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::U256;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

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
/// - `more` organizations after those, each `(admin, kind)`;
/// - one patient, Bob, with his own key and a placeholder identity commitment.
fn demo_identities(more: &[(Sr25519Keyring, OrgKind)]) -> PatientsConfig {
	let mut organizations = vec![
		(
			Sr25519Keyring::Charlie.to_account_id(),
			OrgKind::Provider,
			vec![Sr25519Keyring::Dave.to_account_id()],
		),
		(Sr25519Keyring::Eve.to_account_id(), OrgKind::Payer, vec![]),
	];
	organizations.extend(more.iter().map(|(admin, kind)| (admin.to_account_id(), *kind, vec![])));
	PatientsConfig {
		organizations,
		patients: vec![(
			Sr25519Keyring::Bob.to_account_id(),
			Some(IdentityCommitment::repeat_byte(0xbb)),
		)],
	}
}

/// A consortium node's keys: the development keys of one name (what `medchain-node --alice`…
/// puts in the keystore) mine (`miner`, sr25519) and vote (`voter`, ed25519) for organization
/// `org`, and the fees of its blocks go to `payout`.
struct NodeKeys {
	miner: Sr25519Keyring,
	voter: Ed25519Keyring,
	org: OrgId,
	payout: AccountId,
}

impl NodeKeys {
	fn mining(&self) -> MiningKey {
		self.miner.public().into()
	}

	fn finality(&self) -> GrandpaId {
		self.voter.public().into()
	}
}

fn genesis(
	organizations: PatientsConfig,
	nodes: &[NodeKeys],
	root: AccountId,
	initial_difficulty: u64,
) -> Value {
	let endowed: Vec<AccountId> = Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		difficulty: DifficultyConfig { initial_difficulty: U256::from(initial_difficulty) },
		patients: organizations,
		consortium: ConsortiumConfig {
			miners: nodes.iter().map(|n| (n.mining(), n.org, n.payout.clone())).collect::<Vec<_>>(),
			voters: nodes.iter().map(|n| (n.finality(), n.org)).collect::<Vec<_>>(),
		},
		grandpa: GrandpaConfig {
			authorities: nodes.iter().map(|n| (n.finality(), 1)).collect::<Vec<_>>(),
		},
	})
}

/// The development chain: Alice is sudo, and her keys mine and vote for organization 0 (the
/// provider whose admin is Charlie; the fees of her blocks go to Charlie); the well-known
/// development accounts are endowed.
pub fn development_config_genesis() -> Value {
	genesis(
		demo_identities(&[]),
		&[NodeKeys {
			miner: Sr25519Keyring::Alice,
			voter: Ed25519Keyring::Alice,
			org: 0,
			payout: Sr25519Keyring::Charlie.to_account_id(),
		}],
		Sr25519Keyring::Alice.to_account_id(),
		DEV_INITIAL_DIFFICULTY,
	)
}

/// The local consortium testnet: four organizations (provider Charlie, payer Eve, provider
/// Ferdie, auditor Alice), each running a node that mines and votes with the development keys
/// of `--alice`, `--bob`, `--charlie` and `--dave` respectively; the fees of each node's blocks go
/// to its organization's admin. Alice is sudo; the well-known development accounts are endowed.
pub fn local_config_genesis() -> Value {
	use Sr25519Keyring::*;
	let nodes = [
		(Alice, Ed25519Keyring::Alice, 0, Charlie),
		(Bob, Ed25519Keyring::Bob, 1, Eve),
		(Charlie, Ed25519Keyring::Charlie, 2, Ferdie),
		(Dave, Ed25519Keyring::Dave, 3, Alice),
	]
	.map(|(miner, voter, org, payout)| NodeKeys {
		miner,
		voter,
		org,
		payout: payout.to_account_id(),
	});
	genesis(
		demo_identities(&[(Ferdie, OrgKind::Provider), (Alice, OrgKind::Auditor)]),
		&nodes,
		Alice.to_account_id(),
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
