//! `medchain-node`: the Medchain node binary.

// `sc_cli::Error` and `sc_service::Error` are large upstream types, returned everywhere.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod dev_keys;
mod founding;
mod peers;
mod pow;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
