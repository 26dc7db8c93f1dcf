//! Development keys (`//Alice`, `//Bob//stash`, …) are public: whoever reads the Substrate
//! sources can sign with them. A chain whose genesis gives one of them a role (sudo, miner,
//! GRANDPA voter, organization admin or member, council member, payout account) can be governed,
//! written, finalized or paid out by anyone. The node refuses to start such a chain, unless it
//! is a development chain or the operator passes `--allow-development-keys` (a test network).

use codec::Decode;
use medchain_primitives::{AccountId, MiningKey, OrgId};
use medchain_runtime::{Consortium, Grandpa, Runtime};
use sc_service::{ChainSpec, ChainType};
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{storage::Storage, ByteArray};
use sp_io::hashing::twox_128;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// The public keys of the development seeds, sr25519 and ed25519, with their names.
pub struct DevelopmentKeys(Vec<([u8; 32], String)>);

impl DevelopmentKeys {
	/// Every key of `sp_keyring`'s seeds: `//Alice` … `//Ferdie`, their `//stash` derivations,
	/// `//One` and `//Two`.
	pub fn all() -> Self {
		let name = |seed: &'static str| format!("//{seed}");
		let sr25519 = Sr25519Keyring::iter().map(|k| (k.to_raw_public(), name(k.into())));
		let ed25519 = Ed25519Keyring::iter().map(|k| (k.to_raw_public(), name(k.into())));
		Self(sr25519.chain(ed25519).collect())
	}

	/// The name of the development key `key` (a public key or account), if it is one.
	pub fn name(&self, key: &[u8]) -> Option<&str> {
		self.0.iter().find(|(public, _)| public.as_slice() == key).map(|(_, name)| name.as_str())
	}
}

/// A role the genesis gives a key, in the order the refusal names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
	/// The sudo key.
	Sudo,
	/// A mining key of an admitted miner.
	Miner,
	/// A GRANDPA voter (the consortium's voter set, or GRANDPA's authorities).
	Voter,
	/// The admin of an organization.
	Admin(OrgId),
	/// A member of the council.
	Council,
	/// A member of an organization.
	Member(OrgId),
	/// The account the fees of a miner's blocks go to.
	Payout,
}

impl std::fmt::Display for Role {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		match self {
			Role::Sudo => write!(f, "the sudo key"),
			Role::Miner => write!(f, "a miner"),
			Role::Voter => write!(f, "a GRANDPA voter"),
			Role::Admin(org) => write!(f, "the admin of organization {org}"),
			Role::Council => write!(f, "a council member"),
			Role::Member(org) => write!(f, "a member of organization {org}"),
			Role::Payout => write!(f, "a miner's payout account"),
		}
	}
}

/// Who holds a role in a chain's genesis state.
#[derive(Debug, Default)]
pub struct GenesisRoles {
	/// The sudo key, if any.
	pub sudo: Option<AccountId>,
	/// The organizations: `(id, admin, members)`.
	pub organizations: Vec<(OrgId, AccountId, Vec<AccountId>)>,
	/// The council's members.
	pub council: Vec<AccountId>,
	/// The council's prime member (whose vote an abstention follows), if any.
	pub prime: Option<AccountId>,
	/// The admins of the active organizations, sorted: who the council must be.
	pub active_admins: Vec<AccountId>,
	/// The admitted miners: `(mining key, payout account)`.
	pub miners: Vec<(MiningKey, AccountId)>,
	/// The finality voters: the consortium's voter set and GRANDPA's authorities.
	pub voters: Vec<GrandpaId>,
	/// Storage a consortium's genesis never holds, by name, if present: open council motions
	/// or their votes (which anyone could close), an authorized upgrade (which anyone could
	/// apply), or additional connections of a node.
	pub planted: Vec<&'static str>,
}

/// The storage items a consortium's genesis never holds, by name and key prefix: the council's
/// other items than its members and prime, an authorized upgrade, additional connections.
fn planted_items() -> Vec<(&'static str, Vec<u8>)> {
	let item = |pallet: &[u8], item: &[u8]| [twox_128(pallet), twox_128(item)].concat();
	vec![
		("Council.Proposals", item(b"Council", b"Proposals")),
		("Council.ProposalOf", item(b"Council", b"ProposalOf")),
		("Council.CostOf", item(b"Council", b"CostOf")),
		("Council.Voting", item(b"Council", b"Voting")),
		("System.AuthorizedUpgrade", item(b"System", b"AuthorizedUpgrade")),
		(
			"NodeAuthorization.AdditionalConnections",
			item(b"NodeAuthorization", b"AdditionalConnections"),
		),
	]
}

/// `twox_128(b"Council") ++ twox_128(b"Members")`: the council's members (`Vec<AccountId>`),
/// absent on a runtime without a council.
fn council_members_key() -> Vec<u8> {
	[twox_128(b"Council"), twox_128(b"Members")].concat()
}

/// `twox_128(b"Council") ++ twox_128(b"Prime")`: the council's prime member (`AccountId`).
fn council_prime_key() -> Vec<u8> {
	[twox_128(b"Council"), twox_128(b"Prime")].concat()
}

impl GenesisRoles {
	/// The roles the genesis state `storage` gives, read with the runtime's own storage types.
	pub fn of(storage: Storage) -> Result<Self, String> {
		let council = match storage.top.get(&council_members_key()) {
			Some(value) => Vec::<AccountId>::decode(&mut value.as_slice())
				.map_err(|e| format!("Council.Members in the genesis state: {e}"))?,
			None => Vec::new(),
		};
		let prime = match storage.top.get(&council_prime_key()) {
			Some(value) => Some(
				AccountId::decode(&mut value.as_slice())
					.map_err(|e| format!("Council.Prime in the genesis state: {e}"))?,
			),
			None => None,
		};
		let planted = planted_items()
			.into_iter()
			.filter(|(_, prefix)| storage.top.keys().any(|key| key.starts_with(prefix)))
			.map(|(name, _)| name)
			.collect();
		let mut state = sp_state_machine::BasicExternalities::new(storage);
		Ok(state.execute_with(|| Self {
			sudo: pallet_sudo::Key::<Runtime>::get(),
			organizations: pallet_patients::Organizations::<Runtime>::iter()
				.map(|(id, org)| (id, org.admin, org.members.into_inner()))
				.collect(),
			council,
			prime,
			active_admins: {
				let mut admins: Vec<AccountId> = pallet_patients::Organizations::<Runtime>::iter()
					.filter(|(_, org)| org.status == pallet_patients::OrgStatus::Active)
					.map(|(_, org)| org.admin)
					.collect();
				admins.sort();
				admins
			},
			miners: Consortium::miners()
				.into_iter()
				.map(|(key, info)| (key, info.payout))
				.collect(),
			voters: Consortium::voters()
				.into_iter()
				.map(|(key, _)| key)
				.chain(Grandpa::grandpa_authorities().into_iter().map(|(key, _)| key))
				.collect(),
			planted,
		}))
	}

	/// Every role with the key that holds it, in the order of [`Role`].
	fn holders(&self) -> Vec<(Role, &[u8])> {
		let mut holders: Vec<(Role, &[u8])> = Vec::new();
		holders.extend(self.sudo.iter().map(|key| (Role::Sudo, key.as_slice())));
		holders.extend(self.miners.iter().map(|(key, _)| (Role::Miner, key.as_slice())));
		holders.extend(self.voters.iter().map(|key| (Role::Voter, key.as_slice())));
		holders.extend(
			self.organizations.iter().map(|(org, admin, _)| (Role::Admin(*org), admin.as_slice())),
		);
		holders.extend(self.council.iter().map(|key| (Role::Council, key.as_slice())));
		for (org, _, members) in &self.organizations {
			holders.extend(members.iter().map(|key| (Role::Member(*org), key.as_slice())));
		}
		holders.extend(self.miners.iter().map(|(_, payout)| (Role::Payout, payout.as_slice())));
		holders
	}

	/// Why the node refuses a chain with these genesis roles: the development keys that hold a
	/// role, if any do.
	pub fn refusal(&self) -> Option<String> {
		let development = DevelopmentKeys::all();
		let mut found: Vec<(&str, Role)> = Vec::new();
		for (role, key) in self.holders() {
			if let Some(name) = development.name(key) {
				if !found.contains(&(name, role)) {
					found.push((name, role));
				}
			}
		}
		let ((name, role), more) = found.split_first()?;
		let mut names: Vec<&str> = Vec::new();
		for (holder, _) in &found {
			if !names.contains(holder) {
				names.push(holder);
			}
		}
		let others = match more.len() {
			0 => String::new(),
			1 => format!(" (and 1 more role, held by {})", names.join(", ")),
			n => format!(" (and {n} more roles, held by {})", names.join(", ")),
		};
		let roles = if more.is_empty() { "that role" } else { "those roles" };
		Some(format!(
			"this chain's genesis makes the development key {name} {role}{others}; development \
			 keys are public, so anyone could act in {roles}. Use a chain spec from \
			 `medchain-node new-consortium`, or pass --allow-development-keys for a test network."
		))
	}
}

impl GenesisRoles {
	/// Why the node refuses a consortium chain with these genesis roles whatever keys hold
	/// them: a sudo key (one key could change anything), a council prime (abstentions would
	/// follow one member), or a council that is not exactly the active organizations' admins.
	pub fn governance_refusal(&self) -> Option<String> {
		let fix = "only a development chain may have one. Use a chain spec from `medchain-node \
		           new-consortium`, or pass --allow-development-keys for a test network.";
		if self.sudo.is_some() {
			return Some(format!(
				"this chain's genesis has a sudo key, which alone could change anything; {fix}"
			));
		}
		if let Some(item) = self.planted.first() {
			return Some(format!(
				"this chain's genesis holds {item}: open motions, an authorized upgrade or a \
				 node's additional connections would let one member act without the council; {fix}"
			));
		}
		if self.prime.is_some() {
			return Some(format!(
				"this chain's genesis gives the council a prime member, whose vote abstentions \
				 would follow; {fix}"
			));
		}
		let mut council = self.council.clone();
		council.sort();
		(council != self.active_admins).then(|| {
			"this chain's genesis seats a council that is not the admins of its active \
			 organizations (the runtime keeps the two equal from genesis on). Use a chain spec \
			 from `medchain-node new-consortium`, or pass --allow-development-keys for a test \
			 network."
				.to_string()
		})
	}
}

/// Refuses to run `chain` unless it is the built-in development chain (`builtin_dev`: `--dev`
/// or `--chain dev`; a spec file that only calls itself a development chain is checked like any
/// other), if its genesis gives a development key a role (see [`GenesisRoles::refusal`]) or
/// governs otherwise than by its council (see [`GenesisRoles::governance_refusal`]).
pub fn check(chain: &dyn ChainSpec, builtin_dev: bool) -> Result<(), String> {
	if builtin_dev && chain.chain_type() == ChainType::Development {
		return Ok(());
	}
	let genesis = chain.as_storage_builder().build_storage()?;
	let roles = GenesisRoles::of(genesis)?;
	match roles.refusal().or_else(|| roles.governance_refusal()) {
		Some(refusal) => Err(refusal),
		None => Ok(()),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{
		chain_spec,
		founding::{Founding, FoundingOrganization, Kind},
	};
	use sp_core::{crypto::Ss58Codec, ed25519, sr25519, storage::well_known_keys, Pair};
	use sp_runtime::BuildStorage;
	use std::str::FromStr;

	fn fresh_sr25519() -> sr25519::Public {
		sr25519::Pair::generate().0.public()
	}

	fn fresh_ed25519() -> ed25519::Public {
		ed25519::Pair::generate().0.public()
	}

	fn fresh_account() -> AccountId {
		fresh_sr25519().into()
	}

	/// Roles of a consortium of two organizations with fresh keys.
	fn fresh_roles() -> GenesisRoles {
		GenesisRoles {
			sudo: None,
			organizations: vec![
				(0, fresh_account(), vec![fresh_account()]),
				(1, fresh_account(), vec![]),
			],
			council: vec![fresh_account()],
			miners: vec![(fresh_sr25519().into(), fresh_account())],
			voters: vec![fresh_ed25519().into(), fresh_ed25519().into()],
			..Default::default()
		}
	}

	#[test]
	fn fresh_keys_are_accepted() {
		assert_eq!(fresh_roles().refusal(), None);
		assert_eq!(GenesisRoles::default().refusal(), None);
	}

	#[test]
	fn a_development_key_in_any_role_is_refused_and_named() {
		type Case = (&'static str, fn(&mut GenesisRoles));
		let cases: [Case; 7] = [
			("//Alice the sudo key", |roles: &mut GenesisRoles| {
				roles.sudo = Some(Sr25519Keyring::Alice.to_account_id())
			}),
			("//Alice a miner", |roles: &mut GenesisRoles| {
				roles.miners.push((Sr25519Keyring::Alice.public().into(), fresh_account()))
			}),
			("//Alice a GRANDPA voter", |roles: &mut GenesisRoles| {
				roles.voters.push(Ed25519Keyring::Alice.public().into())
			}),
			("//Alice the admin of organization 2", |roles: &mut GenesisRoles| {
				roles.organizations.push((2, Sr25519Keyring::Alice.to_account_id(), vec![]))
			}),
			("//Alice a council member", |roles: &mut GenesisRoles| {
				roles.council.push(Sr25519Keyring::Alice.to_account_id())
			}),
			("//Alice//stash a member of organization 0", |roles: &mut GenesisRoles| {
				if let Some((_, _, members)) = roles.organizations.first_mut() {
					members.push(Sr25519Keyring::AliceStash.to_account_id());
				}
			}),
			("//Alice a miner's payout account", |roles: &mut GenesisRoles| {
				roles.miners.push((fresh_sr25519().into(), Sr25519Keyring::Alice.to_account_id()))
			}),
		];
		for (expected, give) in cases {
			let mut roles = fresh_roles();
			give(&mut roles);
			let refusal = roles.refusal().expect("refused");
			assert_eq!(
				refusal,
				format!(
					"this chain's genesis makes the development key {expected}; development keys \
					 are public, so anyone could act in that role. Use a chain spec from \
					 `medchain-node new-consortium`, or pass --allow-development-keys for a test \
					 network."
				)
			);
		}
		// An account is a development key whatever the scheme of its key.
		let mut roles = fresh_roles();
		roles.sudo = Some(Ed25519Keyring::Ferdie.to_account_id());
		let refusal = roles.refusal().expect("refused");
		assert!(refusal.contains("development key //Ferdie the sudo key;"), "{refusal}");
	}

	#[test]
	fn the_refusal_counts_the_other_roles_once_each() {
		let mut roles = fresh_roles();
		let bob = GrandpaId::from(Ed25519Keyring::Bob.public());
		// Bob is in the consortium's voter set and among GRANDPA's authorities: one role.
		roles.voters.extend([bob.clone(), bob]);
		roles
			.miners
			.push((Sr25519Keyring::Alice.public().into(), Sr25519Keyring::Eve.to_account_id()));
		let refusal = roles.refusal().expect("refused");
		assert!(
			refusal.starts_with(
				"this chain's genesis makes the development key //Alice a miner (and 2 more \
				 roles, held by //Alice, //Bob, //Eve); development keys are public, so anyone \
				 could act in those roles."
			),
			"{refusal}"
		);
	}

	#[test]
	fn the_local_chain_is_refused_and_the_development_chain_has_a_sudo_key() {
		let local = chain_spec::local_chain_spec().expect("the local spec");
		let roles = GenesisRoles::of(local.build_storage().expect("local genesis"))
			.expect("readable roles");
		assert_eq!(roles.miners.len(), 4);
		assert_eq!(roles.voters.len(), 8, "four voters, each in both sets");
		assert_eq!(roles.organizations.len(), 4);
		let refusal = roles.refusal().expect("the local chain is refused");
		assert!(
			refusal.starts_with("this chain's genesis makes the development key //"),
			"{refusal}"
		);
		assert_eq!(check(&local, false), Err(refusal));
		// Governed by its council: the local chain has no sudo key and no prime.
		assert_eq!(roles.governance_refusal(), None);

		let dev = chain_spec::development_chain_spec().expect("the dev spec");
		let roles =
			GenesisRoles::of(dev.build_storage().expect("dev genesis")).expect("readable roles");
		assert_eq!(roles.sudo, Some(Sr25519Keyring::Alice.to_account_id()));
		assert!(roles.refusal().is_some());
		// The built-in development chain may hold development keys and a sudo key; the same
		// spec loaded from a file is checked like any other.
		assert_eq!(check(&dev, true), Ok(()));
		assert!(check(&dev, false).is_err());
	}

	#[test]
	fn a_consortium_chain_has_no_sudo_key_no_prime_and_the_admins_as_its_council() {
		let admin = |seed: u8| AccountId::from([seed; 32]);
		let roles = || GenesisRoles {
			organizations: vec![(0, admin(1), vec![]), (1, admin(2), vec![])],
			council: vec![admin(2), admin(1)],
			active_admins: vec![admin(1), admin(2)],
			..Default::default()
		};
		assert_eq!(roles().governance_refusal(), None);
		let sudo = GenesisRoles { sudo: Some(admin(9)), ..roles() };
		assert!(sudo.governance_refusal().expect("refused").contains("sudo key"));
		let prime = GenesisRoles { prime: Some(admin(1)), ..roles() };
		assert!(prime.governance_refusal().expect("refused").contains("prime"));
		let planted = GenesisRoles { planted: vec!["Council.Voting"], ..roles() };
		assert!(planted
			.governance_refusal()
			.expect("refused")
			.starts_with("this chain's genesis holds Council.Voting:"));
		let extra = GenesisRoles { council: vec![admin(1), admin(2), admin(9)], ..roles() };
		assert!(extra.governance_refusal().expect("refused").contains("not the admins"));
		let missing = GenesisRoles { council: vec![admin(1)], ..roles() };
		assert!(missing.governance_refusal().is_some());
	}

	/// Whether `bytes` contains `key`.
	fn holds(bytes: &[u8], key: &[u8]) -> bool {
		bytes.windows(key.len()).any(|window| window == key)
	}

	/// Whether any development key is anywhere in the genesis state `storage`, keys or values,
	/// but the runtime's code (which embeds `sp_keyring` for its development presets).
	fn holds_development_key(storage: &Storage) -> bool {
		let development = DevelopmentKeys::all();
		storage.top.iter().filter(|(key, _)| key.as_slice() != well_known_keys::CODE).any(
			|(key, value)| {
				development.0.iter().any(|(public, _)| holds(key, public) || holds(value, public))
			},
		)
	}

	#[test]
	fn a_new_consortium_holds_no_development_key_where_the_local_chain_does() {
		let organization =
			|kind: Kind, mines: bool, boot_node: Option<&str>| FoundingOrganization {
				kind,
				admin: fresh_sr25519().to_ss58check(),
				endowment: 1_000,
				mining_key: mines.then(|| fresh_sr25519().to_ss58check()),
				payout: None,
				finality_key: Some(fresh_ed25519().to_ss58check()),
				boot_node: boot_node.map(String::from),
			};
		let founding = Founding {
			name: "Test Consortium".into(),
			id: "test_consortium".into(),
			protocol_id: None,
			initial_difficulty: 1_000_000,
			organizations: vec![
				organization(
					Kind::Provider,
					true,
					Some(
						"/dns/node.example.org/tcp/30333/p2p/\
						 12D3KooWCC4EajASkKaTjoJ2wJExp1v8i1XLdnzN8DHbZPtRNiKF",
					),
				),
				organization(Kind::Payer, false, None),
				organization(Kind::Auditor, true, None),
			],
		};
		let spec = chain_spec::founding_chain_spec(&founding).expect("the founding spec");
		assert_eq!(ChainSpec::chain_type(&spec), ChainType::Live);
		assert_eq!(spec.protocol_id(), Some("test-consortium"));
		assert_eq!(spec.boot_nodes().len(), 1);
		let genesis = spec.build_storage().expect("its genesis builds");

		// Read back through the runtime: the founders in order, no development key in a role.
		let roles = GenesisRoles::of(genesis.clone()).expect("readable roles");
		assert_eq!(roles.refusal(), None);
		assert_eq!(roles.sudo, None);
		let mut admins: Vec<(OrgId, AccountId)> =
			roles.organizations.iter().map(|(id, admin, _)| (*id, admin.clone())).collect();
		// Storage holds them in the order of their hashed keys.
		admins.sort();
		let founders: Vec<(OrgId, AccountId)> = (0..)
			.zip(&founding.organizations)
			.map(|(id, org)| (id, AccountId::from_ss58check(&org.admin).expect("an address")))
			.collect();
		assert_eq!(admins, founders);
		// The founder with a boot node has it as the one well-known node, owned by its admin.
		let node =
			sc_network::PeerId::from_str("12D3KooWCC4EajASkKaTjoJ2wJExp1v8i1XLdnzN8DHbZPtRNiKF")
				.expect("a peer id");
		let node = sp_core::OpaquePeerId::new(node.to_bytes());
		sp_state_machine::BasicExternalities::new(genesis.clone()).execute_with(|| {
			assert_eq!(
				pallet_node_authorization::WellKnownNodes::<Runtime>::get(),
				std::collections::BTreeSet::from([node.clone()])
			);
			let admin = founders.first().map(|(_, admin)| admin.clone());
			assert_eq!(pallet_node_authorization::Owners::<Runtime>::get(&node), admin);
		});
		assert_eq!(roles.miners.len(), 2);
		assert_eq!(roles.voters.len(), 6, "three voters, each in both sets");
		assert_eq!(check(&spec, false), Ok(()));
		assert!(roles.planted.is_empty());

		// A founder who writes the spec cannot plant an open motion or an upgrade in it.
		for (item, name) in [
			((&b"Council"[..], &b"Voting"[..]), "Council.Voting"),
			((&b"System"[..], &b"AuthorizedUpgrade"[..]), "System.AuthorizedUpgrade"),
		] {
			let mut planted = genesis.clone();
			let key = [&twox_128(item.0)[..], &twox_128(item.1)[..], &[0; 32][..]].concat();
			planted.top.insert(key, vec![0]);
			let roles = GenesisRoles::of(planted).expect("readable roles");
			assert_eq!(roles.planted, vec![name]);
			assert!(roles.governance_refusal().is_some());
		}

		// No development key anywhere in its genesis state; the local chain's has them.
		assert!(!holds_development_key(&genesis));
		let local = chain_spec::local_chain_spec().expect("the local spec");
		assert!(holds_development_key(&local.build_storage().expect("local genesis")));

		// The spec is raw: what the institutions share is the genesis state itself.
		let json: serde_json::Value =
			serde_json::from_str(&spec.as_json(true).expect("a raw spec")).expect("JSON");
		assert!(json.pointer("/genesis/raw/top").is_some_and(|top| top.is_object()));
		assert_eq!(json.pointer("/chainType"), Some(&serde_json::json!("Live")));
	}
}
