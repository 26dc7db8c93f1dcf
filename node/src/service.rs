//! The node's services: client, import pipeline (Proof-of-Work verification over GRANDPA's
//! block import), networking, RPC, the GRANDPA voter, and (with `--mine`) the mining worker and
//! its CPU threads.

use crate::peers::ChainAuthorizedPeers;
use crate::pow::{spawn_miners, MedchainPow};
use futures::FutureExt;
use medchain_primitives::{mining, MiningKey};
use medchain_runtime::{
	apis::{ConsortiumApi, RuntimeApi},
	opaque::Block,
};
use sc_client_api::{Backend, BlockBackend};
use sc_consensus::BoxBlockImport;
use sc_consensus_grandpa::SharedVoterState;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager};
use sc_telemetry::{Telemetry, TelemetryWorker};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{Encode, H256};
use std::{sync::Arc, time::Duration};

pub(crate) type FullClient = sc_service::TFullClient<
	Block,
	RuntimeApi,
	sc_executor::WasmExecutor<sp_io::SubstrateHostFunctions>,
>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
type Pow = MedchainPow<Block, FullClient>;
type GrandpaLink = sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>;

/// Blocks between two GRANDPA justifications kept for light clients and warp sync (every
/// change of the voter set has one too).
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// How long the mining worker waits for a block import before it checks for a new best block
/// anyway (it also builds the first proposal after this long).
const PROPOSAL_TIMEOUT: Duration = Duration::from_secs(1);
/// How long the proposer may spend filling a block with transactions.
const BUILD_TIME: Duration = Duration::from_millis(1_500);

pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	sc_transaction_pool::TransactionPoolHandle<Block, FullClient>,
	(BoxBlockImport<Block>, Pow, GrandpaLink, Option<Telemetry>),
>;

/// The inherent data each block carries: its timestamp.
async fn timestamp_inherent(
	_parent: H256,
	_: (),
) -> Result<sp_timestamp::InherentDataProvider, Box<dyn std::error::Error + Send + Sync>> {
	Ok(sp_timestamp::InherentDataProvider::from_system_time())
}

/// The parts of a node, for the node itself and its subcommands. Without `enforce_admission`
/// (`--unsafe-ignore-miner-admission`, tests only), blocks of unadmitted miners are imported.
pub fn new_partial(
	config: &Configuration,
	enforce_admission: bool,
) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<sp_io::SubstrateHostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			Vec::new(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	// GRANDPA's import sits under PoW's: PoW checks the seal and the author, GRANDPA tracks
	// voter set changes and justifications, then the client imports.
	let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&client,
		select_chain.clone(),
		telemetry.as_ref().map(|x| x.handle()),
	)?;

	let algorithm =
		MedchainPow::new(client.clone(), config.prometheus_registry(), enforce_admission)
			.map_err(|e| ServiceError::Other(format!("Registering the PoW metrics: {e}")))?;
	let pow_block_import = sc_consensus_pow::PowBlockImport::new(
		grandpa_block_import.clone(),
		client.clone(),
		algorithm.clone(),
		0,
		select_chain.clone(),
		timestamp_inherent,
	);

	// The queue checks each block's authorship and work in full before it imports it, so a
	// peer that sends a forged block is dropped (see `pow::MedchainVerifier`).
	let import_queue = sc_consensus::BasicQueue::new(
		crate::pow::MedchainVerifier::new(algorithm.clone()),
		Box::new(pow_block_import.clone()),
		Some(Box::new(grandpa_block_import)),
		&task_manager.spawn_essential_handle(),
		config.prometheus_registry(),
	);

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (Box::new(pow_block_import), algorithm, grandpa_link, telemetry),
	})
}

/// Consensus settings from the command line.
pub struct ConsensusOptions {
	/// Whether this node mines.
	pub mine: bool,
	/// How many CPU threads mine.
	pub threads: usize,
	/// Whether only the runtime's admitted miners may author (always, but in tests).
	pub enforce_admission: bool,
}

/// Whether the runtime lets `key` author on top of block `at`.
fn may_author(client: &FullClient, at: H256, key: sp_core::sr25519::Public) -> bool {
	client.runtime_api().can_author(at, MiningKey::from(key)).unwrap_or(false)
}

/// The mining key this node signs seals with: of the `mine` keys in the keystore, the first one
/// the runtime admits at the best block, else the first one (the miner idles, and says so,
/// until governance admits it).
fn mining_key(
	keystore: &sp_keystore::KeystorePtr,
	client: &FullClient,
) -> Result<sp_core::sr25519::Public, ServiceError> {
	let keys = keystore.sr25519_public_keys(mining::KEY_TYPE);
	let best = client.info().best_hash;
	keys.iter().find(|key| may_author(client, best, **key)).or(keys.first()).copied().ok_or_else(
		|| {
			ServiceError::Other(
				"--mine needs a mining key in the keystore: insert one with `medchain-node key \
				 insert --chain <chain> --base-path <path> --key-type mine --scheme sr25519` (the \
				 node reads the secret phrase from standard input), and have governance admit its \
				 public key"
					.into(),
			)
		},
	)
}

/// Builds a new service for a full client.
pub fn new_full<
	N: sc_network::NetworkBackend<Block, <Block as sp_runtime::traits::Block>::Hash>,
>(
	config: Configuration,
	consensus: ConsensusOptions,
) -> Result<TaskManager, ServiceError> {
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (block_import, algorithm, grandpa_link, mut telemetry),
	} = new_partial(&config, consensus.enforce_admission)?;

	if !matches!(config.network.sync_mode, sc_network::config::SyncMode::Full) {
		return Err(ServiceError::Other(
			"Medchain nodes sync in full (--sync full): checking a block's Proof-of-Work seal \
			 needs its parent's state, which warp and fast sync skip"
				.into(),
		));
	}

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as sp_runtime::traits::Block>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());

	let genesis_hash = client
		.block_hash(0)
		.ok()
		.flatten()
		.ok_or_else(|| ServiceError::Other("The genesis block is missing".into()))?;
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			net_config.peer_store_handle(),
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			// Warp and state sync cannot work here: checking a block's seal needs its parent's
			// state (difficulty, admitted miners). Nodes sync in full (see `new_full`).
			warp_sync_config: None,
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	if config.offchain_worker.enabled {
		let offchain_workers =
			sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
				runtime_api_provider: client.clone(),
				is_validator: config.role.is_authority(),
				keystore: Some(keystore_container.keystore()),
				offchain_db: backend.offchain_storage(),
				transaction_pool: Some(OffchainTransactionPoolFactory::new(
					transaction_pool.clone(),
				)),
				// Reserved peers from the chain (pallet-node-authorization), see `peers`.
				network_provider: Arc::new(ChainAuthorizedPeers::new(network.clone())),
				enable_http_requests: true,
				custom_extensions: |_| vec![],
			})?;
		task_manager.spawn_handle().spawn(
			"offchain-workers-runner",
			"offchain-worker",
			offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
		);
	}

	let prometheus_registry = config.prometheus_registry().cloned();
	let role = config.role;
	let node_name = config.network.node_name.clone();
	let shared_voter_state = SharedVoterState::empty();

	let rpc_extensions_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		let grandpa = crate::rpc::GrandpaDeps {
			shared_voter_state: shared_voter_state.clone(),
			shared_authority_set: grandpa_link.shared_authority_set().clone(),
			justification_stream: grandpa_link.justification_stream(),
			finality_provider: sc_consensus_grandpa::FinalityProofProvider::new_for_service(
				backend.clone(),
				Some(grandpa_link.shared_authority_set().clone()),
			),
		};

		Box::new(move |subscription_executor| {
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				grandpa: grandpa.clone(),
				subscription_executor,
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	let _rpc_handlers = sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: network.clone(),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder: rpc_extensions_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	let keystore = keystore_container.keystore();
	if consensus.mine {
		let key = mining_key(&keystore, &client)?;
		let proposer_factory = sc_basic_authorship::ProposerFactory::new(
			task_manager.spawn_handle(),
			client.clone(),
			transaction_pool.clone(),
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|x| x.handle()),
		);

		let (worker, worker_task) = sc_consensus_pow::start_mining_worker(
			block_import,
			client.clone(),
			select_chain.clone(),
			algorithm,
			proposer_factory,
			sync_service.clone(),
			sync_service.clone(),
			Some(MiningKey::from(key).encode()),
			timestamp_inherent,
			PROPOSAL_TIMEOUT,
			BUILD_TIME,
		);
		task_manager.spawn_essential_handle().spawn_blocking(
			"pow-mining-worker",
			Some("block-authoring"),
			worker_task,
		);
		// The threads end with the process.
		let admitted = {
			let client = client.clone();
			let enforce = consensus.enforce_admission;
			move |best: H256| !enforce || may_author(&client, best, key)
		};
		spawn_miners(worker, consensus.threads, keystore.clone(), key, admitted)?;
		log::info!("⛏️  Mining with {} thread(s), sealing with key {key}", consensus.threads);
	}

	// Every node runs GRANDPA: a voter when its keystore holds a key of the current voter set
	// (authorities only), otherwise it follows the votes and imports justifications.
	let grandpa_config = sc_consensus_grandpa::Config {
		gossip_duration: Duration::from_millis(333),
		justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
		name: Some(node_name),
		observer_enabled: false,
		// A node that ignores miner admission (tests) never votes: it may follow blocks that
		// every honest node refuses.
		keystore: (role.is_authority() && consensus.enforce_admission).then_some(keystore),
		local_role: role,
		telemetry: telemetry.as_ref().map(|x| x.handle()),
		protocol_name: grandpa_protocol_name,
	};
	let grandpa_voter =
		sc_consensus_grandpa::run_grandpa_voter(sc_consensus_grandpa::GrandpaParams {
			config: grandpa_config,
			link: grandpa_link,
			network,
			sync: Arc::new(sync_service),
			notification_service: grandpa_notification_service,
			voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
			prometheus_registry,
			shared_voter_state,
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
		})?;
	// Finality is essential: if the voter fails, the node stops.
	task_manager.spawn_essential_handle().spawn_blocking("grandpa-voter", None, grandpa_voter);

	Ok(task_manager)
}
