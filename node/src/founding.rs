//! The founding file of a new consortium, what `medchain-node new-consortium --founding FILE`
//! reads: the chain's name and id, and for each founding organization its kind, its admin
//! account and its node's keys and address (see `scripts/consortium/founding.example.json` and
//! the README). Nothing in it names an institution: the chain only learns kinds, keys and peer
//! ids.

use crate::dev_keys::DevelopmentKeys;
use medchain_primitives::{token::MED, AccountId, Balance, MiningKey, OrgKind};
use medchain_runtime::{genesis_config_presets::FoundingMember, Runtime};
use sc_network::config::MultiaddrWithPeerId;
use serde::Deserialize;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{crypto::Ss58Codec, ed25519, sr25519, Get, OpaquePeerId};
use std::{collections::BTreeMap, path::Path};

/// The founding file (JSON, camelCase; unknown fields are refused).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Founding {
	/// The chain's name, as nodes and wallets show it.
	pub name: String,
	/// The chain's id (letters, digits, `_` and `-`): nodes keep its data under
	/// `BASE_PATH/chains/ID`.
	pub id: String,
	/// The peer-to-peer protocol id; by default the id with `_` replaced by `-`.
	pub protocol_id: Option<String>,
	/// The difficulty of block 1 (the runtime keeps it within its bounds).
	pub initial_difficulty: u64,
	/// The founding organizations: they get the ids 0, 1, … in this order.
	pub organizations: Vec<FoundingOrganization>,
}

/// A founding organization and its node.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FoundingOrganization {
	/// `provider`, `payer` or `auditor`.
	pub kind: Kind,
	/// The account that manages the organization (SS58).
	pub admin: String,
	/// The MED the admin starts with, in whole MED (0 for none).
	pub endowment: u64,
	/// The node's mining key (sr25519 public key, SS58), if the organization mines.
	pub mining_key: Option<String>,
	/// The account the fees of its blocks go to (SS58); by default the admin. Only for a miner.
	pub payout: Option<String>,
	/// The node's finality key (ed25519 public key, SS58), if the organization votes in GRANDPA.
	pub finality_key: Option<String>,
	/// The node's public address with its peer id: one of the chain spec's boot nodes, and (its
	/// peer id) a well-known node at genesis, owned by the admin. Without it the organization
	/// has no well-known node: the council must add its node
	/// (`nodeAuthorization.addWellKnownNode`) before the consortium's nodes accept it.
	pub boot_node: Option<String>,
}

/// What an organization is, as the founding file writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
	/// A hospital, clinic, practice or laboratory.
	Provider,
	/// An insurer.
	Payer,
	/// An auditor.
	Auditor,
}

impl From<Kind> for OrgKind {
	fn from(kind: Kind) -> Self {
		match kind {
			Kind::Provider => OrgKind::Provider,
			Kind::Payer => OrgKind::Payer,
			Kind::Auditor => OrgKind::Auditor,
		}
	}
}

/// Organization `index`'s `bootNode`, parsed: an address ending with the node's peer id.
fn boot_node(index: usize, addr: &str) -> Result<MultiaddrWithPeerId, String> {
	addr.parse().map_err(|e| {
		format!(
			"organization {index}: `bootNode`: {e} (expected e.g. \
			 /dns/node.example.org/tcp/30333/p2p/12D3KooW...)"
		)
	})
}

/// Whether `id` is a usable chain or protocol id: not empty, letters, digits, `_` and `-` only.
fn valid_id(id: &str) -> bool {
	!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Reads the founding organization `index`'s fields, refusing development keys (they are
/// public).
struct Fields<'a> {
	index: usize,
	development: &'a DevelopmentKeys,
}

impl Fields<'_> {
	fn error(&self, field: &str, problem: impl std::fmt::Display) -> String {
		format!("organization {}: `{field}`: {problem}", self.index)
	}

	/// Refuses `key` if it is a development key.
	fn not_development(&self, field: &str, key: &[u8]) -> Result<(), String> {
		match self.development.name(key) {
			Some(name) => Err(self.error(
				field,
				format_args!(
					"the development key {name}: development keys are public, generate a key \
					 with `medchain-node key generate`"
				),
			)),
			None => Ok(()),
		}
	}

	/// The key or account `ss58` encodes, in any SS58 format (Medchain's, 4747, or the generic
	/// 42 of other tools): the format only changes how the same key is written.
	fn ss58<T: Ss58Codec>(&self, field: &str, ss58: &str) -> Result<T, String> {
		let (key, _format) = T::from_ss58check_with_version(ss58)
			.map_err(|e| self.error(field, format_args!("not an SS58 address ({e})")))?;
		self.not_development(field, key.as_slice())?;
		Ok(key)
	}

	fn account(&self, field: &str, ss58: &str) -> Result<AccountId, String> {
		self.ss58(field, ss58)
	}

	fn mining_key(&self, field: &str, ss58: &str) -> Result<MiningKey, String> {
		self.ss58::<sr25519::Public>(field, ss58).map(MiningKey::from)
	}

	fn finality_key(&self, field: &str, ss58: &str) -> Result<GrandpaId, String> {
		self.ss58::<ed25519::Public>(field, ss58).map(GrandpaId::from)
	}
}

/// Records that organization `index` holds `key` in `field`; refuses a key another
/// organization already holds there.
fn distinct<K: Ord>(
	seen: &mut BTreeMap<K, usize>,
	key: K,
	index: usize,
	field: &str,
) -> Result<(), String> {
	match seen.insert(key, index) {
		Some(other) => Err(format!(
			"organization {index}: `{field}`: the same as organization {other}'s; each \
			 organization needs its own"
		)),
		None => Ok(()),
	}
}

impl Founding {
	/// Reads and parses the founding file at `path`.
	pub fn from_file(path: &Path) -> Result<Self, String> {
		let text = std::fs::read_to_string(path)
			.map_err(|e| format!("Reading the founding file {}: {e}", path.display()))?;
		serde_json::from_str(&text)
			.map_err(|e| format!("The founding file {}: {e}", path.display()))
	}

	/// The peer-to-peer protocol id: `protocolId`, or the id with `_` replaced by `-`.
	pub fn protocol_id(&self) -> String {
		self.protocol_id.clone().unwrap_or_else(|| self.id.replace('_', "-"))
	}

	/// The founding members, checked: valid keys and addresses, none of them a development
	/// key; distinct admins, mining keys, finality keys and nodes; at least one miner, one voter
	/// and one endowed organization; within the runtime's limits. A member's node is its boot
	/// node's peer id.
	pub fn members(&self) -> Result<Vec<FoundingMember>, String> {
		if self.name.trim().is_empty() {
			return Err("`name` is empty".into());
		}
		if !valid_id(&self.id) {
			return Err(format!("`id` {:?}: use letters, digits, `_` and `-` only", self.id));
		}
		if !valid_id(&self.protocol_id()) {
			return Err(format!(
				"`protocolId` {:?}: use letters, digits, `_` and `-` only",
				self.protocol_id()
			));
		}
		let development = DevelopmentKeys::all();
		let (mut admins, mut miners, mut voters, mut nodes) =
			(BTreeMap::new(), BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
		let mut members = Vec::with_capacity(self.organizations.len());
		for (index, org) in self.organizations.iter().enumerate() {
			let fields = Fields { index, development: &development };
			let admin = fields.account("admin", &org.admin)?;
			distinct(&mut admins, admin.clone(), index, "admin")?;
			let endowment = Balance::from(org.endowment)
				.checked_mul(MED)
				.ok_or_else(|| fields.error("endowment", "too large"))?;
			let mining = match (&org.mining_key, &org.payout) {
				(Some(key), payout) => {
					let key = fields.mining_key("miningKey", key)?;
					distinct(&mut miners, key.clone(), index, "miningKey")?;
					let payout = match payout {
						Some(payout) => fields.account("payout", payout)?,
						None => admin.clone(),
					};
					Some((key, payout))
				}
				(None, Some(_)) => {
					return Err(fields.error(
						"payout",
						"only a miner has a payout account: add `miningKey` or remove `payout`",
					))
				}
				(None, None) => None,
			};
			let finality = match &org.finality_key {
				Some(key) => {
					let key = fields.finality_key("finalityKey", key)?;
					distinct(&mut voters, key.clone(), index, "finalityKey")?;
					Some(key)
				}
				None => None,
			};
			let node = match &org.boot_node {
				Some(addr) => {
					let node = OpaquePeerId::new(boot_node(index, addr)?.peer_id.to_bytes());
					distinct(&mut nodes, node.clone(), index, "bootNode")?;
					Some(node)
				}
				None => None,
			};
			members.push(FoundingMember {
				kind: org.kind.into(),
				admin,
				endowment,
				mining,
				finality,
				node,
			});
		}
		if miners.is_empty() {
			return Err("no organization has a `miningKey`: nobody could make blocks".into());
		}
		if voters.is_empty() {
			return Err("no organization has a `finalityKey`: nothing would be finalized".into());
		}
		if members.iter().all(|member| member.endowment == 0) {
			return Err("every `endowment` is 0: nobody could pay a transaction fee".into());
		}
		let max_miners: u32 = <Runtime as pallet_consortium::Config>::MaxMiners::get();
		if miners.len() > usize::try_from(max_miners).unwrap_or(usize::MAX) {
			return Err(format!(
				"{} miners: the runtime admits at most {max_miners}",
				miners.len()
			));
		}
		let max_voters: u32 = <Runtime as pallet_consortium::Config>::MaxVoters::get();
		if voters.len() > usize::try_from(max_voters).unwrap_or(usize::MAX) {
			return Err(format!(
				"{} voters: the runtime admits at most {max_voters}",
				voters.len()
			));
		}
		let max_seats = medchain_runtime::configs::MAX_COUNCIL_SEATS;
		if members.len() > usize::try_from(max_seats).unwrap_or(usize::MAX) {
			return Err(format!(
				"{} organizations: each admin takes a council seat, and the council has at most \
				 {max_seats}",
				members.len()
			));
		}
		let max_nodes: u32 =
			<Runtime as pallet_node_authorization::Config>::MaxWellKnownNodes::get();
		if nodes.len() > usize::try_from(max_nodes).unwrap_or(usize::MAX) {
			return Err(format!(
				"{} boot nodes: the runtime holds at most {max_nodes} well-known nodes",
				nodes.len()
			));
		}
		Ok(members)
	}

	/// The founding organizations' nodes, for the chain spec's boot nodes.
	pub fn boot_nodes(&self) -> Result<Vec<MultiaddrWithPeerId>, String> {
		self.organizations
			.iter()
			.enumerate()
			.filter_map(|(index, org)| org.boot_node.as_ref().map(|addr| boot_node(index, addr)))
			.collect()
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use medchain_runtime::genesis_config_presets::LOCAL_NODE_PEER_IDS;
	use sp_core::Pair;
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

	/// node1's peer id on the local testnet (see `LOCAL_NODE_PEER_IDS`).
	const NODE1: &str = "12D3KooWCC4EajASkKaTjoJ2wJExp1v8i1XLdnzN8DHbZPtRNiKF";

	fn sr25519_key() -> String {
		sr25519::Pair::generate().0.public().to_ss58check()
	}

	fn ed25519_key() -> String {
		ed25519::Pair::generate().0.public().to_ss58check()
	}

	/// An organization that mines and votes, with fresh keys.
	fn node(kind: Kind) -> FoundingOrganization {
		FoundingOrganization {
			kind,
			admin: sr25519_key(),
			endowment: 1_000,
			mining_key: Some(sr25519_key()),
			payout: None,
			finality_key: Some(ed25519_key()),
			boot_node: None,
		}
	}

	/// An organization without a node.
	fn member(kind: Kind) -> FoundingOrganization {
		FoundingOrganization { mining_key: None, finality_key: None, ..node(kind) }
	}

	fn founding(organizations: Vec<FoundingOrganization>) -> Founding {
		Founding {
			name: "Test Consortium".into(),
			id: "test_consortium".into(),
			protocol_id: None,
			initial_difficulty: 1_000_000,
			organizations,
		}
	}

	fn error_of(founding: &Founding) -> String {
		founding.members().expect_err("the founding file is refused")
	}

	#[test]
	fn members_are_in_file_order_with_their_keys() {
		let mut provider = node(Kind::Provider);
		provider.boot_node = Some(format!("/dns/node.example.org/tcp/30333/p2p/{NODE1}"));
		let mut payer = node(Kind::Payer);
		let payout = sr25519_key();
		payer.payout = Some(payout.clone());
		let file = founding(vec![provider, payer, member(Kind::Auditor)]);
		let members = file.members().expect("a valid founding file");
		assert_eq!(members.len(), 3);
		let kinds: Vec<_> = members.iter().map(|m| m.kind).collect();
		assert_eq!(kinds, [OrgKind::Provider, OrgKind::Payer, OrgKind::Auditor]);
		let account = |ss58: &str| AccountId::from_ss58check(ss58).expect("an address");
		for (member, org) in members.iter().zip(&file.organizations) {
			assert_eq!(member.admin, account(&org.admin));
			assert_eq!(member.endowment, 1_000 * MED);
		}
		// The payout defaults to the admin.
		let provider = members.first().expect("a provider");
		let (_, provider_payout) = provider.mining.clone().expect("the provider mines");
		assert_eq!(provider_payout, provider.admin);
		let payer = members.get(1).expect("a payer");
		let (_, payer_payout) = payer.mining.clone().expect("the payer mines");
		assert_eq!(payer_payout, account(&payout));
		let auditor = members.get(2).expect("an auditor");
		assert!(auditor.mining.is_none() && auditor.finality.is_none());
		assert_eq!(file.protocol_id(), "test-consortium");
		// A founder's node is its boot node's peer id, in libp2p's bytes; without a boot node,
		// no node.
		let node1 = LOCAL_NODE_PEER_IDS.first().expect("node1's peer id");
		assert_eq!(provider.node, Some(OpaquePeerId::new(node1.to_vec())));
		assert_eq!(payer.node, None);
		assert_eq!(auditor.node, None);
	}

	#[test]
	fn the_example_file_is_valid() {
		let file: Founding =
			serde_json::from_str(include_str!("../../scripts/consortium/founding.example.json"))
				.expect("the example parses");
		let members = file.members().expect("the example is valid");
		assert!(members.iter().any(|m| m.mining.is_some()));
		assert_eq!(
			file.boot_nodes().expect("valid boot nodes").len(),
			file.organizations.iter().filter(|org| org.boot_node.is_some()).count()
		);
	}

	#[test]
	fn unknown_fields_and_kinds_are_refused() {
		let with_name = r#"{ "name": "C", "id": "c", "initialDifficulty": 1000,
			"organizations": [ { "kind": "provider", "admin": "x", "endowment": 1,
			"name": "St. Elsewhere" } ] }"#;
		let error = serde_json::from_str::<Founding>(with_name).expect_err("refused");
		assert!(error.to_string().contains("unknown field `name`"), "{error}");
		let hospital = r#"{ "name": "C", "id": "c", "initialDifficulty": 1000,
			"organizations": [ { "kind": "hospital", "admin": "x", "endowment": 1 } ] }"#;
		let error = serde_json::from_str::<Founding>(hospital).expect_err("refused");
		assert!(error.to_string().contains("unknown variant `hospital`"), "{error}");
	}

	#[test]
	fn invalid_keys_are_refused_by_organization_and_field() {
		let mut bad = node(Kind::Payer);
		bad.mining_key = Some("not-an-address".into());
		let error = error_of(&founding(vec![node(Kind::Provider), bad]));
		assert!(error.starts_with("organization 1: `miningKey`: not an SS58 address"), "{error}");

		let mut bad = node(Kind::Payer);
		bad.boot_node = Some("/ip4/127.0.0.1/tcp/30333".into());
		let file = founding(vec![node(Kind::Provider), bad]);
		let error = file.boot_nodes().expect_err("no peer id");
		assert!(error.starts_with("organization 1: `bootNode`:"), "{error}");
	}

	#[test]
	fn development_keys_are_refused() {
		let mut alice = node(Kind::Provider);
		alice.admin = Sr25519Keyring::Alice.to_account_id().to_ss58check();
		let error = error_of(&founding(vec![alice]));
		assert!(
			error.starts_with("organization 0: `admin`: the development key //Alice:"),
			"{error}"
		);

		let mut bob = node(Kind::Provider);
		bob.finality_key = Some(Ed25519Keyring::Bob.public().to_ss58check());
		let error = error_of(&founding(vec![node(Kind::Payer), bob]));
		assert!(error.starts_with("organization 1: `finalityKey`: the development key //Bob:"));
	}

	#[test]
	fn shared_keys_are_refused() {
		let first = node(Kind::Provider);
		let mut second = node(Kind::Payer);
		second.mining_key = first.mining_key.clone();
		let error = error_of(&founding(vec![first, second]));
		assert!(error.starts_with("organization 1: `miningKey`: the same as organization 0's"));

		let first = node(Kind::Provider);
		let mut second = member(Kind::Payer);
		second.admin = first.admin.clone();
		let error = error_of(&founding(vec![first, second]));
		assert!(error.starts_with("organization 1: `admin`: the same as organization 0's"));

		// The same node at another address is the same node.
		let mut first = node(Kind::Provider);
		first.boot_node = Some(format!("/dns/a.example.org/tcp/30333/p2p/{NODE1}"));
		let mut second = node(Kind::Payer);
		second.boot_node = Some(format!("/ip4/192.0.2.1/tcp/30333/p2p/{NODE1}"));
		let error = error_of(&founding(vec![first, second]));
		assert!(error.starts_with("organization 1: `bootNode`: the same as organization 0's"));
	}

	#[test]
	fn a_consortium_needs_a_miner_a_voter_and_funds() {
		let mut voter = node(Kind::Provider);
		voter.mining_key = None;
		assert!(error_of(&founding(vec![voter])).contains("nobody could make blocks"));
		let mut miner = node(Kind::Provider);
		miner.finality_key = None;
		assert!(error_of(&founding(vec![miner])).contains("nothing would be finalized"));
		let mut poor = node(Kind::Provider);
		poor.endowment = 0;
		assert!(error_of(&founding(vec![poor])).contains("nobody could pay"));
		let mut payout_only = member(Kind::Payer);
		payout_only.payout = Some(sr25519_key());
		let error = error_of(&founding(vec![node(Kind::Provider), payout_only]));
		assert!(error.starts_with("organization 1: `payout`: only a miner"), "{error}");
		let mut bad_id = founding(vec![node(Kind::Provider)]);
		bad_id.id = "my chain".into();
		assert!(error_of(&bad_id).starts_with("`id`"));
	}

	#[test]
	fn at_most_one_organization_per_council_seat() {
		let seats = medchain_runtime::configs::MAX_COUNCIL_SEATS as usize;
		let organizations = |count: usize| {
			let mut organizations: Vec<_> = (1..count).map(|_| member(Kind::Provider)).collect();
			organizations.push(node(Kind::Provider));
			organizations
		};
		let error = error_of(&founding(organizations(seats + 1)));
		assert!(error.starts_with("65 organizations: each admin takes a council seat"), "{error}");
		assert_eq!(
			founding(organizations(seats)).members().map(|members| members.len()),
			Ok(seats)
		);
	}
}
