//! Genesis: the named presets `development` (one miner and voter, fast start) and
//! `local_testnet` (a consortium of four organizations, each with a miner and a finality voter,
//! on one machine), and the genesis of a new consortium from its founding members
//! ([`founding_genesis`], what `medchain-node new-consortium` writes).

use crate::{
	token::MED, AccountId, Balance, BalancesConfig, ConsortiumConfig, DifficultyConfig,
	GrandpaConfig, NodeAuthorizationConfig, PatientsConfig, RuntimeGenesisConfig, SudoConfig,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use medchain_primitives::{IdentityCommitment, MiningKey, OrgId, OrgKind};
use serde_json::Value;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{hex2array, OpaquePeerId, U256};
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Every development account starts with a million MED.
const ENDOWMENT: Balance = 1_000_000 * MED;

/// Genesis difficulty of the development chain: a block within a second or two on one core, from
/// where the retarget climbs to the 6 s target.
pub const DEV_INITIAL_DIFFICULTY: u64 = 10_000_000;

/// Genesis difficulty of the local consortium testnet (two miners).
pub const LOCAL_INITIAL_DIFFICULTY: u64 = 2_000_000;

/// The peer ids of the local consortium testnet's nodes node1, node2, node3 and node4 (their
/// keys are `scripts/consortium/node{1,2,3,4}.key`; the node's chain spec names them as boot
/// nodes), as libp2p writes them in bytes: an identity multihash of the node's ed25519 public
/// key.
pub const LOCAL_NODE_PEER_IDS: [[u8; 38]; 4] = [
	hex2array!("0024080112202345dfb1c426318ca9a2eeac87103138cbb1f3a7a66267b7b975e9d322f3200e"),
	hex2array!("002408011220593efa4f7529e8a4dc97e8138cb787d3a093e283608c15def3123d98a563e15d"),
	hex2array!("0024080112209f493bde6c775333255275e2e46e9f42db6482c4742c2b8a70cd84a41fe46609"),
	hex2array!("00240801122046969ebd2143b2796fa8b687e80b016fc2314169e7435795eee731c86c51e856"),
];

/// The genesis patch of explicit parts:
/// - `endowments`: who holds MED, and how much (each at least the existential deposit, each
///   account once);
/// - `identities`: the organizations admitted (they get ids 0, 1, … in order) and the patients
///   registered;
/// - `miners`: `(mining key, organization, payout account)`;
/// - `voters`: `(finality key, organization)`, in order; they are GRANDPA's genesis authorities
///   too, each of weight 1;
/// - `nodes`: the well-known nodes `(peer id, owner)`, the nodes that peer with each other (see
///   `configs::peers`);
/// - `sudo`: the sudo key, if any (`None` writes `"sudo": { "key": null }`: no sudo key);
/// - `initial_difficulty`: the difficulty of block 1 (kept within the runtime's bounds).
fn genesis(
	endowments: Vec<(AccountId, Balance)>,
	identities: PatientsConfig,
	miners: Vec<(MiningKey, OrgId, AccountId)>,
	voters: Vec<(GrandpaId, OrgId)>,
	nodes: Vec<(OpaquePeerId, AccountId)>,
	sudo: Option<AccountId>,
	initial_difficulty: u64,
) -> Value {
	let authorities = voters.iter().map(|(key, _)| (key.clone(), 1)).collect::<Vec<_>>();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowments },
		sudo: SudoConfig { key: sudo },
		difficulty: DifficultyConfig { initial_difficulty: U256::from(initial_difficulty) },
		patients: identities,
		consortium: ConsortiumConfig { miners, voters },
		grandpa: GrandpaConfig { authorities },
		node_authorization: NodeAuthorizationConfig { nodes },
	})
}

/// A founding member of a new consortium: an organization and its node's keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundingMember {
	/// Provider, payer or auditor.
	pub kind: OrgKind,
	/// The account that manages the organization (and votes for it in governance).
	pub admin: AccountId,
	/// What the admin starts with: zero, or at least the existential deposit.
	pub endowment: Balance,
	/// The organization's mining key and the account its blocks' fees go to, if it mines.
	pub mining: Option<(MiningKey, AccountId)>,
	/// The organization's finality key, if it votes in GRANDPA.
	pub finality: Option<GrandpaId>,
	/// The peer id of the organization's node, if it has one at genesis: a well-known node,
	/// owned by the admin. The council adds the nodes of the others (`add_well_known_node`).
	pub node: Option<OpaquePeerId>,
}

/// The genesis of a new consortium: the founding members are admitted as organizations 0, 1, …
/// in order; their admins are endowed; their mining keys are admitted as miners and their
/// finality keys as the voters (in order); their nodes are the well-known nodes, each owned by
/// its organization's admin. Nothing else: no sudo key, no patient, no development account.
pub fn founding_genesis(members: &[FoundingMember], initial_difficulty: u64) -> Value {
	let orgs = || (0..=OrgId::MAX).zip(members);
	genesis(
		members
			.iter()
			.filter(|member| member.endowment > 0)
			.map(|member| (member.admin.clone(), member.endowment))
			.collect(),
		PatientsConfig {
			organizations: members
				.iter()
				.map(|member| (member.admin.clone(), member.kind, vec![]))
				.collect(),
			patients: vec![],
		},
		orgs()
			.filter_map(|(org, member)| {
				member.mining.clone().map(|(key, payout)| (key, org, payout))
			})
			.collect(),
		orgs().filter_map(|(org, member)| member.finality.clone().map(|key| (key, org))).collect(),
		members
			.iter()
			.filter_map(|member| member.node.clone().map(|node| (node, member.admin.clone())))
			.collect(),
		None,
		initial_difficulty,
	)
}

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

/// A preset's genesis: the well-known development accounts are endowed, `nodes` mine and vote,
/// and `well_known_nodes` (`(peer id, owner)`) peer with each other.
fn development_genesis(
	identities: PatientsConfig,
	nodes: &[NodeKeys],
	well_known_nodes: Vec<(OpaquePeerId, AccountId)>,
	sudo: Option<AccountId>,
	initial_difficulty: u64,
) -> Value {
	genesis(
		Sr25519Keyring::well_known().map(|k| (k.to_account_id(), ENDOWMENT)).collect(),
		identities,
		nodes
			.iter()
			.map(|n| (MiningKey::from(n.miner.public()), n.org, n.payout.clone()))
			.collect(),
		nodes.iter().map(|n| (GrandpaId::from(n.voter.public()), n.org)).collect(),
		well_known_nodes,
		sudo,
		initial_difficulty,
	)
}

/// The development chain: Alice is sudo, and her keys mine and vote for organization 0 (the
/// provider whose admin is Charlie; the fees of her blocks go to Charlie); the well-known
/// development accounts are endowed. It has no well-known node: its nodes peer as their command
/// lines say.
pub fn development_config_genesis() -> Value {
	development_genesis(
		demo_identities(&[]),
		&[NodeKeys {
			miner: Sr25519Keyring::Alice,
			voter: Ed25519Keyring::Alice,
			org: 0,
			payout: Sr25519Keyring::Charlie.to_account_id(),
		}],
		vec![],
		Some(Sr25519Keyring::Alice.to_account_id()),
		DEV_INITIAL_DIFFICULTY,
	)
}

/// The local consortium testnet: four organizations (provider Charlie, payer Eve, provider
/// Ferdie, auditor Alice), each running a node that mines and votes with the development keys
/// of `--alice`, `--bob`, `--charlie` and `--dave` respectively; the fees of each node's blocks go
/// to its organization's admin. The four nodes (`LOCAL_NODE_PEER_IDS`, in that order) are the
/// well-known nodes, each owned by its organization's admin. There is no sudo key; the
/// well-known development accounts are endowed.
pub fn local_config_genesis() -> Value {
	use Sr25519Keyring::*;
	// The admins of organizations 0 to 3, the owners of node1 to node4.
	let admins = [Charlie, Eve, Ferdie, Alice];
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
	let well_known_nodes = LOCAL_NODE_PEER_IDS
		.iter()
		.zip(admins)
		.map(|(peer_id, admin)| (OpaquePeerId::new(peer_id.to_vec()), admin.to_account_id()))
		.collect();
	development_genesis(
		demo_identities(&[(Ferdie, OrgKind::Provider), (Alice, OrgKind::Auditor)]),
		&nodes,
		well_known_nodes,
		None,
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
