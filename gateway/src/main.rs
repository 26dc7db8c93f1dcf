//! `medchain-gateway`: a custodian's record vault that releases a record to another organization
//! only under consent on the Medchain chain, and logs every such release there (the patient's
//! own key gets their records unlogged); and the client that fetches a record from
//! another custodian's gateway and checks it against its anchor, or fetches a patient's
//! accounting of disclosures and checks it against the access trail on chain.

mod chain;
mod config;
mod keys;
mod metrics;
mod request;
mod server;
mod store;
mod trail;
mod vault;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use rand::RngCore;
use std::{path::PathBuf, sync::Arc, time::Duration};

#[derive(Parser)]
#[command(name = "medchain-gateway", version, about)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

/// How a client reaches a gateway and the chain, and with what key it signs.
#[derive(clap::Args)]
struct ClientArgs {
	/// The custodian's gateway, e.g. http://127.0.0.1:8700.
	#[arg(long)]
	gateway: String,
	/// A Medchain node's WebSocket RPC.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	node_url: String,
	/// The file holding your chain key's secret (owner-only).
	#[arg(long, value_name = "FILE")]
	key: PathBuf,
}

#[derive(Subcommand)]
enum Command {
	/// Run the gateway with the configuration in FILE.
	Serve {
		#[arg(long, value_name = "FILE")]
		config: PathBuf,
	},
	/// Make a new gateway folder: a master key, an upload credential and a configuration file
	/// (the member's chain key goes in DIR/member.key, owner-only, by hand).
	Init {
		/// The folder to make; it must not exist.
		dir: PathBuf,
		/// Where the gateway is to listen.
		#[arg(long, default_value = "127.0.0.1:8700")]
		listen: String,
		/// The node's WebSocket RPC.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		node_url: String,
		/// The database (default: a SQLite file in DIR).
		#[arg(long)]
		database_url: Option<String>,
	},
	/// Fetch a record from the gateway of its custodian, signed with your chain key, and check
	/// it against its anchor on chain; exits non-zero on any refusal or mismatch.
	Fetch {
		#[command(flatten)]
		client: ClientArgs,
		/// The record's id on chain.
		#[arg(long)]
		record: u64,
		/// treatment, payment, research or operations.
		#[arg(long, default_value = "treatment")]
		purpose: String,
		/// Where to write the record.
		#[arg(long, value_name = "FILE")]
		out: PathBuf,
	},
	/// Fetch a patient's accounting of disclosures (a FHIR Bundle of AuditEvents) from a
	/// custodian's gateway, signed with the key of the patient or of a delegate who may see
	/// their records, and check it against the patient's access trail on chain; exits non-zero
	/// on any refusal or mismatch.
	Disclosures {
		#[command(flatten)]
		client: ClientArgs,
		/// The patient's id, 0x and 64 hex digits.
		#[arg(long)]
		patient: String,
		/// Where to write the Bundle, once checked.
		#[arg(long, value_name = "FILE")]
		out: PathBuf,
	},
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
	tracing_subscriber::fmt()
		.json()
		.with_writer(std::io::stderr)
		.with_env_filter(
			tracing_subscriber::EnvFilter::try_from_default_env()
				.unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
		)
		.init();
	match Cli::parse().command {
		Command::Serve { config } => serve(config).await,
		Command::Init { dir, listen, node_url, database_url } => {
			init(dir, listen, node_url, database_url)
		}
		Command::Fetch { client, record, purpose, out } => {
			fetch(client, record, purpose, out).await
		}
		Command::Disclosures { client, patient, out } => disclosures(client, patient, out).await,
	}
}

async fn serve(path: PathBuf) -> anyhow::Result<()> {
	let config = config::Config::from_file(&path)?;
	let master = vault::MasterKey::from_file(&config.master_key_file)?;
	let signer = keys::keypair(&config.member_key_file)?;
	let upload_token = keys::token(&config.upload_token_file)?;
	let store = store::Store::open(&config.database_url).await?;
	let chain = chain::Chain::connect(
		&config.node_url,
		signer,
		config.acknowledge,
		Duration::from_secs(config.chain_timeout_seconds),
	)
	.await?;
	tracing::info!(custodian = chain.custodian(), backend = ?store.backend(), "connected");
	let gateway = Arc::new(server::Gateway {
		store: store.clone(),
		chain,
		master,
		upload_token,
		freshness_ms: config.freshness_seconds.saturating_mul(1_000),
		metrics: metrics::Metrics::new()?,
	});
	recover(&gateway).await;
	let housekeeping = tokio::spawn({
		let gateway = gateway.clone();
		async move {
			loop {
				tokio::time::sleep(Duration::from_secs(60)).await;
				recover(&gateway).await;
				// A request older than twice the window is stale anyway.
				let before =
					server::now_ms().saturating_sub(gateway.freshness_ms.saturating_mul(2));
				if let Err(error) =
					gateway.store.forget_requests(i64::try_from(before).unwrap_or(0)).await
				{
					tracing::warn!(%error, "could not forget stale nonces");
				}
			}
		}
	});
	let indexer = tokio::spawn({
		let gateway = gateway.clone();
		async move {
			loop {
				if let Err(error) = server::index_trails(&gateway).await {
					tracing::warn!(%error, "could not index the access trails yet");
				}
				tokio::time::sleep(Duration::from_secs(3)).await;
			}
		}
	});
	let listener = tokio::net::TcpListener::bind(config.listen)
		.await
		.with_context(|| format!("listening on {}", config.listen))?;
	tracing::info!(listen = %config.listen, "serving");
	axum::serve(listener, server::router(gateway))
		.with_graceful_shutdown(shutdown())
		.await
		.context("serving")?;
	housekeeping.abort();
	indexer.abort();
	store.close().await;
	tracing::info!("stopped: every accepted request was answered");
	Ok(())
}

/// Finish the uploads kept but not acknowledged as anchored; a failure waits for the next round.
async fn recover(gateway: &server::Gateway) {
	match server::recover(gateway).await {
		Ok(0) => {}
		Ok(recovered) => tracing::info!(recovered, "anchored uploads left unacknowledged"),
		Err(error) => tracing::warn!(%error, "could not finish unacknowledged uploads yet"),
	}
}

/// Resolves on SIGINT or SIGTERM: the server then stops accepting and finishes what it has.
async fn shutdown() {
	let interrupt = tokio::signal::ctrl_c();
	#[cfg(unix)]
	let terminate = async {
		match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
			Ok(mut signal) => {
				signal.recv().await;
			}
			Err(_) => std::future::pending().await,
		}
	};
	#[cfg(not(unix))]
	let terminate = std::future::pending::<()>();
	tokio::select! {
		_ = interrupt => {},
		_ = terminate => {},
	}
	tracing::info!("shutting down");
}

fn init(
	dir: PathBuf,
	listen: String,
	node_url: String,
	database_url: Option<String>,
) -> anyhow::Result<()> {
	let mut folder = std::fs::DirBuilder::new();
	#[cfg(unix)]
	std::os::unix::fs::DirBuilderExt::mode(&mut folder, 0o700);
	folder.create(&dir).with_context(|| format!("making {}", dir.display()))?;
	vault::MasterKey::generate(&dir.join("master.key"))?;
	let mut token = [0u8; 32];
	rand::thread_rng().fill_bytes(&mut token);
	keys::write_secret(&dir.join("upload.token"), hex::encode(token).as_bytes())?;
	let database_url =
		database_url.unwrap_or_else(|| format!("sqlite://{}", dir.join("gateway.db").display()));
	let config = format!(
		"# medchain-gateway configuration\n\
		 listen = \"{listen}\"\n\
		 node_url = \"{node_url}\"\n\
		 database_url = \"{database_url}\"\n\
		 master_key_file = \"master.key\"\n\
		 member_key_file = \"member.key\"\n\
		 upload_token_file = \"upload.token\"\n\
		 # freshness_seconds = 60\n\
		 # acknowledge = \"finalized\"  # or \"best\"\n\
		 # chain_timeout_seconds = 120\n"
	);
	std::fs::write(dir.join("gateway.toml"), config)?;
	println!(
		"made {dir}: put the secret of a member key of your provider in {dir}/member.key \
		 (chmod 600), then run: medchain-gateway serve --config {dir}/gateway.toml",
		dir = dir.display()
	);
	Ok(())
}

async fn fetch(
	ClientArgs { gateway, node_url, key }: ClientArgs,
	record: u64,
	purpose: String,
	out: PathBuf,
) -> anyhow::Result<()> {
	let signer = keys::keypair(&key)?;
	secure_gateway(&gateway)?;
	let purpose = request::Purpose::parse(&purpose)
		.context("purpose: treatment, payment, research or operations")?;
	let reader = chain::connect(&node_url).await?;
	let Some(anchored) = reader.record(record).await? else {
		bail!("record {record} is not anchored on chain (at the latest finalized block)");
	};
	let mut nonce = [0u8; 32];
	rand::thread_rng().fill_bytes(&mut nonce);
	let request = request::ReleaseRequest {
		genesis: reader.genesis(),
		accessor: signer.public_key().0,
		custodian: anchored.custodian,
		record,
		purpose,
		issued_at: server::now_ms(),
		nonce,
	};
	let payload = request::payload(request::RELEASE_TAG, &request);
	let mut call = reqwest::Client::new().get(format!(
		"{}/v1/records/{record}?purpose={}",
		gateway.trim_end_matches('/'),
		purpose.name()
	));
	let signature = signer.sign(&payload).0;
	for (name, value) in request::headers(&request.accessor, request.issued_at, &nonce, &signature)
	{
		call = call.header(name, value);
	}
	let (headers, body) = answer(call).await?;
	let header =
		|name: &str| headers.get(name).and_then(|value| value.to_str().ok()).unwrap_or_default();
	let salt =
		request::parse_hex::<32>(header("x-medchain-salt")).context("the gateway sent no salt")?;
	let hash = vault::salted_hash(&salt, &body);
	if hash != anchored.content_hash {
		bail!(
			"MISMATCH: the record the gateway sent hashes to 0x{}, but record {record} was anchored as 0x{}; not written",
			hex::encode(hash),
			hex::encode(anchored.content_hash)
		);
	}
	if anchored.retracted {
		bail!("record {record} was retracted by its custodian; not written");
	}
	let access = header("x-medchain-access").to_string();
	let trail_index = if access == "consent" {
		// The custodian says it logged the release: check that the chain says so, finalized.
		let logged_in = request::parse_hex::<32>(header("x-medchain-logged-in"))
			.context("the gateway did not say where it logged the release")?;
		let evidence = request::evidence(&request, &signature);
		let Some(trail_index) =
			reader.logged_release(logged_in, evidence, record, request.accessor).await?
		else {
			bail!("the gateway sent the record but the chain has no finalized log of this release in the block it named; not written");
		};
		Some(trail_index)
	} else if access == "patient" {
		// Not logged: only right if the key is the patient's own.
		if reader.own_access(anchored.patient, request.accessor).await? != Some(chain::Own::Patient)
		{
			bail!("the gateway released the record as to the patient without logging it, but the chain does not say this key is the patient's; not written");
		}
		None
	} else {
		bail!("the gateway did not say on what footing it released the record ({access:?}); not written");
	};
	std::fs::write(&out, &body).with_context(|| format!("writing {}", out.display()))?;
	println!(
		"{}",
		serde_json::json!({
			"record": record,
			"custodian": anchored.custodian,
			"patient": request::hex0x(&anchored.patient),
			"contentHash": request::hex0x(&hash),
			"salt": request::hex0x(&salt),
			"bytes": body.len(),
			"access": access,
			"loggedIn": trail_index.map(|_| header("x-medchain-logged-in")),
			"trailIndex": trail_index,
			"verified": true,
		})
	);
	Ok(())
}

/// Refuse a gateway reached in clear over the network: records and trails are secret on the way.
fn secure_gateway(gateway: &str) -> anyhow::Result<()> {
	let url = reqwest::Url::parse(gateway).context("the gateway's URL")?;
	let loopback = matches!(url.host(), Some(url::Host::Ipv4(ip)) if ip.is_loopback())
		|| matches!(url.host(), Some(url::Host::Ipv6(ip)) if ip.is_loopback())
		|| url.host_str() == Some("localhost");
	if url.scheme() != "https" && !loopback {
		bail!("the gateway is reached over https:// only (or http:// on this machine): what it sends is secret on the way");
	}
	Ok(())
}

/// Send a signed request; the headers and body of a success, or the refusal as an error.
async fn answer(
	call: reqwest::RequestBuilder,
) -> anyhow::Result<(reqwest::header::HeaderMap, Vec<u8>)> {
	let response = call.send().await.context("asking the gateway")?;
	let status = response.status();
	let headers = response.headers().clone();
	let body = response.bytes().await.context("reading the gateway's answer")?.to_vec();
	if !status.is_success() {
		let answer: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
		bail!(
			"refused: {} {} ({})",
			status.as_u16(),
			answer.get("error").and_then(|v| v.as_str()).unwrap_or("unknown"),
			answer.get("message").and_then(|v| v.as_str()).unwrap_or_default()
		);
	}
	Ok((headers, body))
}

/// The custodian a gateway acts for, as its health answer says.
async fn gateway_custodian(gateway: &str) -> anyhow::Result<u32> {
	let answer = reqwest::get(format!("{}/health", gateway.trim_end_matches('/')))
		.await
		.context("asking the gateway")?
		.bytes()
		.await
		.context("reading the gateway's answer")?;
	let health: serde_json::Value =
		serde_json::from_slice(&answer).context("the gateway's health answer is not JSON")?;
	health
		.get("custodian")
		.and_then(serde_json::Value::as_u64)
		.and_then(|custodian| u32::try_from(custodian).ok())
		.context("the gateway did not say which custodian it acts for")
}

/// How far behind the finalized head a gateway may have read a patient's trail: twice what a
/// gateway serves (`server::INDEX_LAG_BLOCKS`), for the blocks finalized on the way.
const MAX_INDEX_LAG_BLOCKS: u32 = server::INDEX_LAG_BLOCKS.saturating_mul(2);

async fn disclosures(
	ClientArgs { gateway, node_url, key }: ClientArgs,
	patient: String,
	out: PathBuf,
) -> anyhow::Result<()> {
	let signer = keys::keypair(&key)?;
	secure_gateway(&gateway)?;
	let patient = request::parse_hex::<32>(&patient).context("patient: 0x and 64 hex digits")?;
	let reader = chain::connect(&node_url).await?;
	let mut nonce = [0u8; 32];
	rand::thread_rng().fill_bytes(&mut nonce);
	// The request names the custodian, so that no other custodian's gateway takes it.
	let custodian = gateway_custodian(&gateway).await?;
	let request = request::DisclosuresRequest {
		genesis: reader.genesis(),
		accessor: signer.public_key().0,
		custodian,
		patient,
		issued_at: server::now_ms(),
		nonce,
	};
	let signature = signer.sign(&request::payload(request::DISCLOSURES_TAG, &request)).0;
	let mut call = reqwest::Client::new().get(format!(
		"{}/v1/patients/0x{}/disclosures",
		gateway.trim_end_matches('/'),
		hex::encode(patient)
	));
	for (name, value) in request::headers(&request.accessor, request.issued_at, &nonce, &signature)
	{
		call = call.header(name, value);
	}
	let (_, body) = answer(call).await?;
	let bundle: serde_json::Value =
		serde_json::from_slice(&body).context("the gateway's answer is not JSON")?;
	let read = trail::read(&bundle).map_err(|error| anyhow::anyhow!("MISMATCH: {error}"))?;
	let head = trail::verify(&patient, &read.entries)
		.map_err(|error| anyhow::anyhow!("MISMATCH: {error}"))?;
	if read.patient != patient || read.head != head {
		bail!("MISMATCH: the bundle names another patient, or a head other than its entries make");
	}
	// Every entry is in the block it says, on the chain this node follows.
	for indexed in &read.entries {
		if reader.block_hash(indexed.entry.block).await? != Some(indexed.block_hash) {
			bail!(
				"MISMATCH: entry {} names block #{} 0x{}, which is not that block of this chain",
				indexed.entry.index,
				indexed.entry.block,
				hex::encode(indexed.block_hash)
			);
		}
	}
	// The gateway may be a little behind, not far: a list read up to an old block would hide
	// what came after.
	let finalized = reader.finalized().await?;
	let behind = finalized.number.saturating_sub(read.through.number);
	if behind > MAX_INDEX_LAG_BLOCKS {
		bail!(
			"MISMATCH: the gateway read the trail up to block #{}, {behind} blocks behind the finalized head",
			read.through.number
		);
	}
	let Some((count, on_chain)) = reader.trail_at(patient, read.through).await? else {
		bail!(
			"MISMATCH: the gateway read the trail up to block #{} 0x{}, which is not a finalized block of this chain",
			read.through.number,
			hex::encode(read.through.hash)
		);
	};
	let listed = u64::try_from(read.entries.len()).unwrap_or(u64::MAX);
	if count != listed || on_chain != head {
		bail!(
			"MISMATCH: at block #{} the chain's trail has {count} entries with head 0x{}; the gateway listed {listed} with head 0x{}",
			read.through.number,
			hex::encode(on_chain),
			hex::encode(head)
		);
	}
	let (now, _) = reader.trail_at(patient, finalized).await?.unwrap_or((count, on_chain));
	std::fs::write(&out, &body).with_context(|| format!("writing {}", out.display()))?;
	let count_of = |kind: fn(&trail::AccessAction) -> bool| {
		read.entries.iter().filter(|indexed| kind(&indexed.entry.action)).count()
	};
	println!(
		"{}",
		serde_json::json!({
			"patient": request::hex0x(&patient),
			"entries": listed,
			"releases": count_of(|a| matches!(a, trail::AccessAction::Released { .. })),
			"accesses": count_of(|a| matches!(a, trail::AccessAction::Accessed { .. })),
			"breakGlass": count_of(|a| matches!(a, trail::AccessAction::BreakGlassOpened { .. })),
			"throughBlock": read.through.number,
			"laterEntries": now.saturating_sub(count),
			"head": request::hex0x(&head),
			"verified": true,
		})
	);
	Ok(())
}
