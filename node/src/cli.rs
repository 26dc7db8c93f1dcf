//! The command line: every standard Substrate node option and subcommand, plus mining.

use sc_cli::RunCmd;
use std::path::PathBuf;

/// Options of a running node.
#[derive(Debug, clap::Parser)]
pub struct MedchainRunCmd {
	#[allow(missing_docs)]
	#[clap(flatten)]
	pub base: RunCmd,

	/// Mine blocks with this node (Proof-of-Work), sealing them with the mining key in the
	/// node's keystore (key type `mine`, sr25519), which governance must have admitted. On by
	/// default with `--dev`, which puts Alice's mining key in the keystore. Fees of mined blocks
	/// go to the payout account governance bound to the key.
	#[arg(long)]
	pub mine: bool,

	/// Do not mine, even with `--dev`.
	#[arg(long, conflicts_with = "mine")]
	pub no_mine: bool,

	/// Testing only, refused on a live chain: this node also accepts blocks sealed by keys the
	/// runtime has not admitted, as an outside or dishonest node would (the work and the
	/// signature are still checked), and it does not vote in GRANDPA. It leaves the consortium's
	/// trust model: every other node refuses such blocks.
	#[arg(long, hide = true)]
	pub unsafe_ignore_miner_admission: bool,

	/// How many CPU threads mine.
	#[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
	pub mining_threads: u16,

	/// Test networks only: run a chain whose genesis gives development keys (`//Alice`…, which
	/// are public) a role, such as the `local` chain. Without it the node refuses to start such a
	/// chain, unless it is a development chain (`--dev`).
	#[arg(long)]
	pub allow_development_keys: bool,

	#[allow(missing_docs)]
	#[clap(flatten)]
	pub storage_monitor: sc_storage_monitor::StorageMonitorParams,
}

/// Write the chain spec of a new consortium.
#[derive(Debug, clap::Parser)]
pub struct NewConsortiumCmd {
	/// The founding file (JSON): the chain's name and id, and each founding organization's
	/// kind, admin account, endowment and node keys; see
	/// `scripts/consortium/founding.example.json`.
	#[arg(long, value_name = "FILE")]
	pub founding: PathBuf,

	/// Where to write the chain spec; standard output by default.
	#[arg(long, value_name = "SPEC.json")]
	pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Parser)]
#[command(
	propagate_version = true,
	args_conflicts_with_subcommands = true,
	subcommand_negates_reqs = true
)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: MedchainRunCmd,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management cli utilities
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Write the chain spec of a new consortium from its founding file: a raw spec of a live
	/// chain with the founding organizations and their nodes' keys, and no development key, no
	/// demo consortium and no sudo key.
	NewConsortium(NewConsortiumCmd),

	/// Build a chain specification.
	/// DEPRECATED: `build-spec` command will be removed after 1/04/2026. Use `export-chain-spec`
	/// command instead.
	#[deprecated(
		note = "build-spec command will be removed after 1/04/2026. Use export-chain-spec command instead"
	)]
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Sub-commands concerned with benchmarking.
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Db meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}
