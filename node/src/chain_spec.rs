//! Chain specifications: `dev` (one miner) and `local` (the three-node consortium testnet).

use medchain_primitives::token;
use medchain_runtime::WASM_BINARY;
use sc_service::{ChainType, Properties};

/// Specialized `ChainSpec`: the runtime's genesis config is built from its named presets.
pub type ChainSpec = sc_service::GenericChainSpec;

/// What wallets and polkadot.js apps read to show balances and addresses.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), token::SYMBOL.into());
	properties.insert("tokenDecimals".into(), token::DECIMALS.into());
	properties.insert("ss58Format".into(), token::SS58_PREFIX.into());
	properties
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "Development wasm not available".to_string())
}

/// A single-node development chain that mines at once.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Medchain Development")
		.with_id("medchain_dev")
		.with_protocol_id("medchain-dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The local consortium testnet: several nodes on one machine.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Medchain Local Testnet")
		.with_id("medchain_local_testnet")
		.with_protocol_id("medchain-local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
