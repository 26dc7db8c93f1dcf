//! Chain specifications: `dev` (one miner and voter), `local` (the four-organization
//! consortium testnet), and a new consortium's, from its founding file.

use crate::founding::Founding;
use medchain_primitives::token;
use medchain_runtime::{genesis_config_presets::founding_genesis, WASM_BINARY};
use sc_service::{ChainType, Properties};

/// Specialized `ChainSpec`: the runtime's genesis config is built from one of its named presets,
/// or from a patch.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets and polkadot.js apps read to show balances and addresses.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), token::SYMBOL.into());
	properties.insert("tokenDecimals".into(), token::DECIMALS.into());
	properties.insert("ss58Format".into(), token::SS58_PREFIX.into());
	properties
}

/// The runtime's code, as chain specs carry it.
fn runtime_code() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "Development wasm not available".to_string())
}

fn chain_spec(
	name: &str,
	id: &str,
	protocol_id: &str,
	chain_type: ChainType,
	preset: &str,
	boot_nodes: &[&str],
) -> Result<ChainSpec, String> {
	let wasm = runtime_code()?;
	let boot_nodes = boot_nodes
		.iter()
		.map(|addr| addr.parse().map_err(|e| format!("boot node {addr}: {e}")))
		.collect::<Result<Vec<_>, _>>()?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_protocol_id(protocol_id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.with_boot_nodes(boot_nodes)
		.build())
}

/// A single-node development chain that mines at once.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	chain_spec(
		"Medchain Development",
		"medchain_dev",
		"medchain-dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
		&[],
	)
}

/// The stable identities of the local consortium's four nodes (their keys are
/// `scripts/consortium/node{1,2,3,4}.key`), at the ports `scripts/consortium.sh` gives them.
/// The local chain's genesis holds their peer ids as its well-known nodes
/// (`LOCAL_NODE_PEER_IDS` of the runtime's genesis presets).
const LOCAL_BOOT_NODES: [&str; 4] = [
	"/ip4/127.0.0.1/tcp/30331/p2p/12D3KooWCC4EajASkKaTjoJ2wJExp1v8i1XLdnzN8DHbZPtRNiKF",
	"/ip4/127.0.0.1/tcp/30332/p2p/12D3KooWFpk9kpgeNoRNhs7jn2yH7bce7udwDEnh13QYBEjmx8M2",
	"/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWLY9m6mtmxZEoNCJsk9vyUJ5r624vSWwga2cciSFQMJet",
	"/ip4/127.0.0.1/tcp/30334/p2p/12D3KooWEZuv8QJrmWHuv5zMFHpVPo7tDhfpbuvr2a6R8WT2kGo7",
];

/// The local consortium testnet: four organizations' nodes on one machine (see
/// `scripts/consortium.sh`).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	chain_spec(
		"Medchain Local Testnet",
		"medchain_local_testnet",
		"medchain-local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
		&LOCAL_BOOT_NODES,
	)
}

/// A new consortium's chain spec, from its founding file (checked, see [`Founding::members`]): a
/// live chain whose genesis holds the founding organizations, their admins' endowments and their
/// nodes' keys, and nothing else (no sudo key, no development account; see
/// [`founding_genesis`]). Its boot nodes are the founders' nodes, and their peer ids its
/// well-known nodes.
pub fn founding_chain_spec(founding: &Founding) -> Result<ChainSpec, String> {
	let members = founding.members()?;
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name(&founding.name)
		.with_id(&founding.id)
		.with_protocol_id(&founding.protocol_id())
		.with_chain_type(ChainType::Live)
		.with_genesis_config_patch(founding_genesis(&members, founding.initial_difficulty))
		.with_properties(properties())
		.with_boot_nodes(founding.boot_nodes()?)
		.build())
}

#[cfg(test)]
mod tests {
	use super::*;
	use medchain_runtime::Runtime;
	use sc_network::PeerId;
	use sp_core::OpaquePeerId;
	use sp_keyring::Sr25519Keyring::{Alice, Charlie, Eve, Ferdie};
	use sp_runtime::BuildStorage;
	use std::{collections::BTreeSet, str::FromStr};

	#[test]
	fn the_local_chains_well_known_nodes_are_its_boot_nodes_owned_by_their_admins() {
		let boot_nodes: Vec<OpaquePeerId> = LOCAL_BOOT_NODES
			.iter()
			.map(|addr| {
				let (_, peer_id) = addr.rsplit_once("/p2p/").expect("a peer id");
				OpaquePeerId::new(PeerId::from_str(peer_id).expect("a valid peer id").to_bytes())
			})
			.collect();
		let genesis = local_chain_spec().expect("the local spec").build_storage();
		let mut state = sp_state_machine::BasicExternalities::new(genesis.expect("its genesis"));
		state.execute_with(|| {
			assert_eq!(
				pallet_node_authorization::WellKnownNodes::<Runtime>::get(),
				boot_nodes.iter().cloned().collect::<BTreeSet<_>>()
			);
			// node1…node4 run the keys of organizations 0…3: their admins own them.
			let owners: Vec<_> =
				boot_nodes.iter().map(pallet_node_authorization::Owners::<Runtime>::get).collect();
			assert_eq!(owners, [Charlie, Eve, Ferdie, Alice].map(|k| Some(k.to_account_id())));
		});
	}
}
