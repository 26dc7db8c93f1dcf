//! Runs the command line: the node itself or one of its subcommands.

use crate::{
	chain_spec,
	cli::{Cli, MedchainRunCmd, NewConsortiumCmd, Subcommand},
	dev_keys,
	founding::Founding,
	service::{self, ConsensusOptions},
};
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use medchain_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::{ChainSpec, PartialComponents};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Medchain Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://example.invalid/medchain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			}
		})
	}
}

/// Whether this node mines: with `--mine`, or on a development chain unless `--no-mine`.
fn mines(run: &MedchainRunCmd, chain: &dyn ChainSpec) -> bool {
	let is_dev = chain.chain_type() == sc_service::ChainType::Development;
	!run.no_mine && (run.mine || is_dev)
}

/// `new-consortium`: writes the raw chain spec of the founding file's consortium.
fn new_consortium(cmd: &NewConsortiumCmd) -> sc_cli::Result<()> {
	let founding = Founding::from_file(&cmd.founding)?;
	// The genesis patch goes to the runtime's genesis builder, which reads accounts in the
	// generic Substrate address format only (the founding file may use any format).
	sp_core::crypto::set_default_ss58_version(
		sp_core::crypto::Ss58AddressFormatRegistry::SubstrateAccount.into(),
	);
	let spec = chain_spec::founding_chain_spec(&founding)?.as_json(true)?;
	match &cmd.output {
		Some(path) => std::fs::write(path, spec)
			.map_err(|e| format!("Writing the chain spec to {}: {e}", path.display()))?,
		None => println!("{spec}"),
	}
	Ok(())
}

/// Parse and run command line arguments
pub fn run() -> sc_cli::Result<()> {
	// Addresses in Medchain's own format parse everywhere (RPC parameters such as
	// `system_accountNextIndex`), as well as generic Substrate ones.
	sp_core::crypto::set_default_ss58_version(sp_core::crypto::Ss58AddressFormat::custom(
		medchain_primitives::token::SS58_PREFIX,
	));
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::NewConsortium(cmd)) => new_consortium(cmd),
		#[allow(deprecated)]
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		}
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		}
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config, true)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } =
					service::new_partial(&config, true)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		}
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } =
					service::new_partial(&config, true)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		}
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config, true)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		}
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config, true)?;
				// Reverting never goes below the finalized block; GRANDPA's voter set changes of
				// the reverted blocks are reverted with them.
				let grandpa_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(grandpa_revert)), task_manager))
			})
		}
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => {
					if !cfg!(feature = "runtime-benchmarks") {
						return Err("Runtime benchmarking wasn't enabled when building the node. \
						            Build with `--features runtime-benchmarks`."
							.into());
					}
					cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(
						config.chain_spec,
					))
				}
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config, true)?;
					cmd.run(client)
				}
				#[cfg(not(feature = "runtime-benchmarks"))]
				BenchmarkCmd::Storage(_) => Err("Storage benchmarking needs a node built with `--features \
					     runtime-benchmarks`."
					.into()),
				#[cfg(feature = "runtime-benchmarks")]
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } =
						service::new_partial(&config, true)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_cache)
				}
				// Builds blocks of `System::remark` on the chain spec's genesis, in the runtime alone.
				BenchmarkCmd::Overhead(cmd) => {
					cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec))
				}
				BenchmarkCmd::Extrinsic(_) => {
					Err("`benchmark extrinsic` is not available in this node; use `benchmark \
					     pallet`."
						.into())
				}
				BenchmarkCmd::Machine(cmd) => {
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
				}
			})
		}
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		}
		None => {
			let runner = cli.create_runner(&cli.run.base)?;
			if cli.run.unsafe_ignore_miner_admission
				&& runner.config().chain_spec.chain_type() == sc_service::ChainType::Live
			{
				return Err("--unsafe-ignore-miner-admission is for test networks only".into());
			}
			// Before the database and the network: a chain that development keys can act on
			// does not start, but on a development or test network.
			if !cli.run.allow_development_keys {
				let shared = &cli.run.base.shared_params;
				let builtin_dev = shared.dev || shared.chain.as_deref() == Some("dev");
				dev_keys::check(runner.config().chain_spec.as_ref(), builtin_dev)?;
			}
			let consensus = ConsensusOptions {
				mine: mines(&cli.run, runner.config().chain_spec.as_ref()),
				threads: usize::from(cli.run.mining_threads),
				enforce_admission: !cli.run.unsafe_ignore_miner_admission,
			};
			let storage_monitor = cli.run.storage_monitor.clone();
			runner.run_node_until_exit(|config| async move {
				// The database's folder, or the nearest one above it that exists (with
				// `--database auto`, the path named may be the one not in use).
				let database = config.database.path().and_then(|path| {
					path.ancestors()
						.find(|folder| folder.exists())
						.map(|folder| folder.to_path_buf())
				});
				let task_manager = match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<Block, sp_core::H256>,
					>(config, consensus)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config, consensus)
							.map_err(sc_cli::Error::Service)
					}
				}?;
				// Stop, with an error naming the free space, before the disk under the database
				// fills up (`--db-storage-threshold`): a node that runs out of space in the
				// middle of a write would leave it to the database to recover.
				if let Some(database) = database {
					sc_storage_monitor::StorageMonitorService::try_spawn(
						storage_monitor,
						database,
						&task_manager.spawn_essential_handle(),
					)
					.map_err(|error| sc_cli::Error::Application(error.into()))?;
				}
				Ok(task_manager)
			})
		}
	}
}
