//! `medchain-node`: the Medchain node binary.

mod chain_spec;
mod cli;
mod command;
mod pow;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
