//! The gateway's HTTP API.
//!
//! - `POST /v1/records?patient=0x..&category=LabResult` (the custodian's own systems,
//!   `Authorization: Bearer` the upload credential; the body is the record): keep the record
//!   sealed, anchor its salted hash, answer `201` with the record id once the anchor is in a
//!   block as configured.
//! - `GET /v1/records/{id}?purpose=treatment` (signed by the accessor's chain key): check the
//!   signature and its freshness; at the finalized block, that the accessor acts for an active
//!   organization, the record is this custodian's and not retracted, and the patient's consent
//!   covers it; that the nonce is new; that the stored record opens and matches the anchor; log
//!   the release on chain, in a finalized block; only then answer `200` with the bytes and the
//!   salt.
//!   If the accessor is the patient's own key, the release is not a disclosure and is not logged
//!   on chain; a delegate is not exempt.
//! - `GET /v1/patients/{patient}/disclosures` (signed by the patient or such a delegate): the
//!   accounting of disclosures, the patient's whole access trail as indexed from finalized
//!   blocks, as a FHIR `Bundle` of `AuditEvent`s (see `trail`).
//! - `GET /health`, `GET /metrics` (Prometheus).
//!
//! A refusal is a status and a stable code in a JSON body `{"error": code, "message": ...}`.
//! Every refusal but one comes before the release is logged, and logs nothing: the exception
//! is a log that got into a block that did not finalize in time (`chain-unavailable`), which
//! stays in the trail; the client asks again with a new request.

use crate::{
	chain::{self, Access, AnchorState, Chain, ChainError, Denial},
	metrics::Metrics,
	request::{self, hex0x, DisclosuresRequest, Purpose, ReleaseRequest},
	store::{Anchor, NewRecord, Release, Store, StoredRecord},
	trail,
	vault::{self, MasterKey},
};
use axum::{
	body::Bytes,
	extract::{Path, Query, State},
	http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode},
	response::{IntoResponse, Response},
	routing::{get, post},
	Json, Router,
};
use serde::Deserialize;
use std::{
	sync::Arc,
	time::{Instant, SystemTime, UNIX_EPOCH},
};
use zeroize::Zeroizing;

/// What the handlers share.
pub struct Gateway {
	pub store: Store,
	pub chain: Chain,
	pub master: MasterKey,
	pub upload_token: Zeroizing<String>,
	/// How far, in ms, a signed request's time may be from the gateway's clock.
	pub freshness_ms: u64,
	pub metrics: Metrics,
}

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> u64 {
	SystemTime::now()
		.duration_since(UNIX_EPOCH)
		.map_or(0, |elapsed| u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX))
}

/// A refusal: the HTTP status and the stable code clients match on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
	/// No credential, or no (or a malformed) signature.
	Unsigned,
	/// The signature is not the named accessor's.
	BadSignature,
	/// The request was signed too long ago, or in the future.
	Stale,
	/// The request was seen before.
	Replayed,
	/// The accessor acts for no active organization.
	UnknownAccount,
	/// The accessor is not the patient, nor a delegate who may see their records.
	NotPatient,
	/// No current grant covers the record for this purpose.
	NoConsent,
	/// The custodian retracted the record.
	Retracted,
	/// This gateway holds no such record.
	UnknownRecord,
	/// The stored record does not match what was anchored: it is not served.
	Tampered,
	/// A query parameter is missing or malformed.
	BadRequest,
	/// The chain refused the anchor (e.g. no consent to hold records of the patient).
	AnchorRefused,
	/// The node is unreachable or the transaction did not get into a block in time.
	ChainUnavailable,
	/// The database failed.
	Storage,
}

impl Refusal {
	pub fn code(self) -> &'static str {
		match self {
			Self::Unsigned => "unsigned",
			Self::BadSignature => "bad-signature",
			Self::Stale => "stale",
			Self::Replayed => "replayed",
			Self::UnknownAccount => "unknown-account",
			Self::NotPatient => "not-patient",
			Self::NoConsent => "no-consent",
			Self::Retracted => "retracted",
			Self::UnknownRecord => "unknown-record",
			Self::Tampered => "tampered",
			Self::BadRequest => "bad-request",
			Self::AnchorRefused => "anchor-refused",
			Self::ChainUnavailable => "chain-unavailable",
			Self::Storage => "storage",
		}
	}

	fn status(self) -> StatusCode {
		match self {
			Self::Unsigned | Self::BadSignature | Self::Stale => StatusCode::UNAUTHORIZED,
			Self::Replayed => StatusCode::CONFLICT,
			Self::UnknownAccount | Self::NotPatient | Self::NoConsent => StatusCode::FORBIDDEN,
			Self::Retracted => StatusCode::GONE,
			Self::UnknownRecord => StatusCode::NOT_FOUND,
			Self::BadRequest => StatusCode::BAD_REQUEST,
			Self::AnchorRefused => StatusCode::UNPROCESSABLE_ENTITY,
			Self::Tampered | Self::Storage => StatusCode::INTERNAL_SERVER_ERROR,
			Self::ChainUnavailable => StatusCode::SERVICE_UNAVAILABLE,
		}
	}

	/// Every refusal, for the metrics.
	pub const ALL: [Refusal; 14] = [
		Self::Unsigned,
		Self::BadSignature,
		Self::Stale,
		Self::Replayed,
		Self::UnknownAccount,
		Self::NotPatient,
		Self::NoConsent,
		Self::Retracted,
		Self::UnknownRecord,
		Self::Tampered,
		Self::BadRequest,
		Self::AnchorRefused,
		Self::ChainUnavailable,
		Self::Storage,
	];
}

/// A refusal with what to tell the client.
struct Refused(Refusal, String);

impl Refused {
	fn new(refusal: Refusal, message: impl Into<String>) -> Self {
		Self(refusal, message.into())
	}
}

impl From<crate::store::StoreError> for Refused {
	fn from(error: crate::store::StoreError) -> Self {
		tracing::error!(%error, "database error");
		Self::new(Refusal::Storage, "the gateway's database failed")
	}
}

impl From<ChainError> for Refused {
	fn from(error: ChainError) -> Self {
		tracing::warn!(%error, "chain error");
		let refusal = match &error {
			ChainError::Refused { pallet, error } if pallet == "Consent" => match error.as_str() {
				"NoConsent" | "PatientNotActive" => Refusal::NoConsent,
				"StaleRequest" => Refusal::Stale,
				"ReplayedRequest" => Refusal::Replayed,
				"BadSignature" | "WrongChain" => Refusal::BadSignature,
				"AccessorNotMember" => Refusal::UnknownAccount,
				"RecordRetracted" => Refusal::Retracted,
				_ => Refusal::ChainUnavailable,
			},
			ChainError::Refused { .. } => Refusal::AnchorRefused,
			_ => Refusal::ChainUnavailable,
		};
		Self::new(refusal, error.to_string())
	}
}

/// The response to a refused request; counted by reason.
fn refuse(metrics: &Metrics, Refused(refusal, message): Refused) -> Response {
	metrics.refusal(refusal);
	tracing::info!(code = refusal.code(), %message, "refused");
	(refusal.status(), Json(serde_json::json!({ "error": refusal.code(), "message": message })))
		.into_response()
}

/// The routes, on `gateway`.
pub fn router(gateway: Arc<Gateway>) -> Router {
	Router::new()
		.route("/v1/records", post(upload))
		.route("/v1/records/:record", get(release))
		.route("/v1/patients/:patient/disclosures", get(disclosures))
		.route("/health", get(health))
		.route("/metrics", get(metrics))
		.with_state(gateway)
}

/// What binds a sealed record to its row: its patient, category, salt and content hash.
pub fn binding(record: &NewRecord) -> Vec<u8> {
	let mut bound = b"medchain-gateway/record/v1".to_vec();
	bound.extend_from_slice(&record.patient);
	bound.extend_from_slice(record.category.as_bytes());
	bound.extend_from_slice(&record.salt);
	bound.extend_from_slice(&record.content_hash);
	bound
}

/// Whether two secrets are equal, in time that depends on their lengths only.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
	a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[derive(Deserialize)]
struct UploadQuery {
	patient: String,
	category: String,
}

async fn upload(
	State(gateway): State<Arc<Gateway>>,
	headers: HeaderMap,
	Query(query): Query<UploadQuery>,
	body: Bytes,
) -> Response {
	gateway.metrics.request("upload");
	match do_upload(&gateway, &headers, &query, &body).await {
		Ok(response) => response,
		Err(refused) => refuse(&gateway.metrics, refused),
	}
}

async fn do_upload(
	gateway: &Gateway,
	headers: &HeaderMap,
	query: &UploadQuery,
	body: &[u8],
) -> Result<Response, Refused> {
	let credential = headers
		.get(header::AUTHORIZATION)
		.and_then(|value| value.to_str().ok())
		.and_then(|value| value.strip_prefix("Bearer "))
		.unwrap_or_default();
	if !same_secret(credential.as_bytes(), gateway.upload_token.as_bytes()) {
		return Err(Refused::new(Refusal::Unsigned, "the upload credential is missing or wrong"));
	}
	let patient = request::parse_hex::<32>(&query.patient)
		.ok_or_else(|| Refused::new(Refusal::BadRequest, "patient: 0x and 64 hex digits"))?;
	let category = chain::category(&query.category)
		.ok_or_else(|| Refused::new(Refusal::BadRequest, "category: a RecordCategory name"))?;
	let salt = vault::new_salt();
	let mut record = NewRecord {
		upload: hex::encode(&vault::new_salt()[..16]),
		patient,
		category: query.category.clone(),
		salt,
		content_hash: vault::salted_hash(&salt, body),
		sealed: vault::Sealed {
			nonce: Vec::new(),
			ciphertext: Vec::new(),
			key_nonce: Vec::new(),
			wrapped_key: Vec::new(),
		},
		uploaded_at: i64::try_from(now_ms()).unwrap_or(i64::MAX),
	};
	record.sealed = vault::seal(&gateway.master, body, &binding(&record))
		.map_err(|error| Refused::new(Refusal::BadRequest, error.to_string()))?;
	gateway.store.insert_record(&record).await?;
	let started = Instant::now();
	let anchored = match gateway.chain.anchor(patient, record.content_hash, category).await {
		Ok(anchored) => anchored,
		Err(error @ ChainError::Refused { .. }) => {
			// Nothing was anchored, and nothing will be: keep no record for a restart to retry.
			gateway.store.delete_upload(&record.upload).await?;
			return Err(error.into());
		}
		// Kept: anchored by the recovery at the next start.
		Err(error) => return Err(error.into()),
	};
	gateway.metrics.anchored(started.elapsed());
	let anchor = Anchor {
		record_id: anchored.record_id,
		block_hash: anchored.inclusion.block_hash,
		block_number: anchored.inclusion.block_number,
	};
	gateway.store.set_anchor(&record.upload, &anchor).await?;
	tracing::info!(record = anchor.record_id, block = anchor.block_number, "record anchored");
	Ok((
		StatusCode::CREATED,
		Json(serde_json::json!({
			"record": anchor.record_id,
			"upload": record.upload,
			"contentHash": hex0x(&record.content_hash),
			"block": hex0x(&anchor.block_hash),
			"blockNumber": anchor.block_number,
			"status": if anchored.inclusion.finalized { "finalized" } else { "in-best-block" },
		})),
	)
		.into_response())
}

#[derive(Deserialize)]
struct ReleaseQuery {
	purpose: Option<String>,
}

/// The signed request's fields from its headers.
struct Signed {
	accessor: [u8; 32],
	issued_at: u64,
	nonce: [u8; 32],
	signature: [u8; 64],
}

fn signed(headers: &HeaderMap) -> Result<Signed, Refused> {
	let text = |name: &str| {
		headers.get(name).and_then(|value| value.to_str().ok()).ok_or_else(|| {
			Refused::new(Refusal::Unsigned, format!("the request has no valid {name} header"))
		})
	};
	let malformed = |name: &str| Refused::new(Refusal::Unsigned, format!("{name} is malformed"));
	Ok(Signed {
		accessor: request::parse_hex(text(request::ACCESSOR)?)
			.ok_or_else(|| malformed(request::ACCESSOR))?,
		issued_at: text(request::ISSUED_AT)?.parse().map_err(|_| malformed(request::ISSUED_AT))?,
		nonce: request::parse_hex(text(request::NONCE)?)
			.ok_or_else(|| malformed(request::NONCE))?,
		signature: request::parse_hex(text(request::SIGNATURE)?)
			.ok_or_else(|| malformed(request::SIGNATURE))?,
	})
}

async fn release(
	State(gateway): State<Arc<Gateway>>,
	Path(record): Path<u64>,
	Query(query): Query<ReleaseQuery>,
	headers: HeaderMap,
) -> Response {
	gateway.metrics.request("release");
	let started = Instant::now();
	match do_release(&gateway, record, &query, &headers).await {
		Ok(response) => {
			gateway.metrics.released(started.elapsed());
			response
		}
		Err(refused) => refuse(&gateway.metrics, refused),
	}
}

async fn do_release(
	gateway: &Gateway,
	record: u64,
	query: &ReleaseQuery,
	headers: &HeaderMap,
) -> Result<Response, Refused> {
	let signed = signed(headers)?;
	let purpose = query.purpose.as_deref().and_then(Purpose::parse).ok_or_else(|| {
		Refused::new(Refusal::BadRequest, "purpose: treatment, payment, research or operations")
	})?;
	let request = ReleaseRequest {
		genesis: gateway.chain.genesis(),
		accessor: signed.accessor,
		custodian: gateway.chain.custodian(),
		record,
		purpose,
		issued_at: signed.issued_at,
		nonce: signed.nonce,
	};
	check_signature(&signed, &request::payload(request::RELEASE_TAG, &request))?;
	check_fresh(gateway, &signed)?;
	let (anchored, access) = match gateway.chain.may_release(&request).await? {
		Ok(allowed) => allowed,
		Err(denial) => {
			let (refusal, message) = match denial {
				Denial::UnknownAccount => {
					(Refusal::UnknownAccount, "the accessor acts for no active organization")
				}
				Denial::UnknownRecord => {
					(Refusal::UnknownRecord, "the chain knows no such record of this custodian")
				}
				Denial::Retracted => (Refusal::Retracted, "the custodian retracted the record"),
				Denial::NoConsent => {
					(Refusal::NoConsent, "no current consent covers the record for this purpose")
				}
			};
			return Err(Refused::new(refusal, message));
		}
	};
	first_sight(gateway, &signed).await?;
	let stored =
		gateway.store.record(record).await?.ok_or_else(|| {
			Refused::new(Refusal::UnknownRecord, "this gateway holds no such record")
		})?;
	let content = open_intact(gateway, &stored)?;
	// The row must be the record the chain numbered so, not another one.
	if stored.record.content_hash != anchored.content_hash
		|| stored.record.patient != anchored.patient
	{
		tracing::error!(record, upload = %stored.record.upload, "a stored record is not the anchored one; not served");
		return Err(Refused::new(
			Refusal::Tampered,
			"the stored record does not match its anchor: not served",
		));
	}
	let patient = anchored.patient;
	let mut answer = vec![
		("x-medchain-record", record.to_string()),
		("x-medchain-patient", hex0x(&patient)),
		("x-medchain-salt", hex0x(&stored.record.salt)),
		("x-medchain-content-hash", hex0x(&stored.record.content_hash)),
	];
	match access {
		Access::Own => {
			// Not a disclosure: the patient's own record, to the patient's own key. Nothing to
			// log on chain, and no entry in the patient's trail.
			tracing::info!(record, "record released to the patient");
			answer.push(("x-medchain-access", "patient".to_string()));
		}
		Access::Consented => {
			let logged = log_release(gateway, &request, &signed, patient).await?;
			answer.extend([
				("x-medchain-access", "consent".to_string()),
				("x-medchain-logged-in", hex0x(&logged.inclusion.block_hash)),
				("x-medchain-trail-index", logged.trail_index.to_string()),
				("x-medchain-evidence", hex0x(&logged.evidence)),
			]);
		}
	}
	let mut response = (StatusCode::OK, content.to_vec()).into_response();
	let headers = response.headers_mut();
	for (name, value) in answer {
		if let Ok(value) = HeaderValue::from_str(&value) {
			headers.insert(HeaderName::from_static(name), value);
		}
	}
	headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
	Ok(response)
}

/// Note the request's nonce as seen; a replay is refused.
async fn first_sight(gateway: &Gateway, signed: &Signed) -> Result<(), Refused> {
	let issued_at = i64::try_from(signed.issued_at).unwrap_or(i64::MAX);
	if gateway.store.first_sight(&signed.accessor, &signed.nonce, issued_at).await? {
		Ok(())
	} else {
		Err(Refused::new(Refusal::Replayed, "this request was seen before"))
	}
}

/// Refuse a request whose signature is not the accessor's of `payload`.
fn check_signature(signed: &Signed, payload: &[u8]) -> Result<(), Refused> {
	if request::verify(&signed.accessor, payload, &signed.signature) {
		Ok(())
	} else {
		Err(Refused::new(
			Refusal::BadSignature,
			"the signature is not the accessor's for this request",
		))
	}
}

/// Refuse a request signed too long ago, or in the future.
fn check_fresh(gateway: &Gateway, signed: &Signed) -> Result<(), Refused> {
	if now_ms().abs_diff(signed.issued_at) > gateway.freshness_ms {
		return Err(Refused::new(
			Refusal::Stale,
			"the request was not signed within the freshness window",
		));
	}
	Ok(())
}

/// Log the release on chain, in a finalized block, and keep it.
async fn log_release(
	gateway: &Gateway,
	request: &ReleaseRequest,
	signed: &Signed,
	patient: [u8; 32],
) -> Result<chain::Logged, Refused> {
	let record = request.record;
	let logged = gateway.chain.log_release(request, signed.signature).await?;
	if logged.evidence != request::evidence(request, &signed.signature) {
		// The chain hashed another request than this one: a bug, or a node not to trust.
		tracing::error!(record, "the release logged on chain names other evidence");
		return Err(Refused::new(Refusal::ChainUnavailable, "the chain logged other evidence"));
	}
	gateway
		.store
		.insert_release(&Release {
			record_id: record,
			patient,
			accessor: signed.accessor,
			request: codec::Encode::encode(&request),
			signature: signed.signature.to_vec(),
			evidence: logged.evidence,
			block_hash: logged.inclusion.block_hash,
			block_number: logged.inclusion.block_number,
			trail_index: logged.trail_index,
			released_at: i64::try_from(now_ms()).unwrap_or(i64::MAX),
		})
		.await?;
	tracing::info!(record, trail_index = logged.trail_index, "record released");
	Ok(logged)
}

/// How far, in blocks, the trail index may be behind the finalized block for the gateway to
/// answer: further, and the state the client checks against may be pruned on its node.
pub const INDEX_LAG_BLOCKS: u32 = 64;

async fn disclosures(
	State(gateway): State<Arc<Gateway>>,
	Path(patient): Path<String>,
	headers: HeaderMap,
) -> Response {
	gateway.metrics.request("disclosures");
	match do_disclosures(&gateway, &patient, &headers).await {
		Ok(response) => response,
		Err(refused) => refuse(&gateway.metrics, refused),
	}
}

async fn do_disclosures(
	gateway: &Gateway,
	patient: &str,
	headers: &HeaderMap,
) -> Result<Response, Refused> {
	let signed = signed(headers)?;
	let patient = request::parse_hex::<32>(patient)
		.ok_or_else(|| Refused::new(Refusal::BadRequest, "patient: 0x and 64 hex digits"))?;
	let request = DisclosuresRequest {
		genesis: gateway.chain.genesis(),
		accessor: signed.accessor,
		custodian: gateway.chain.custodian(),
		patient,
		issued_at: signed.issued_at,
		nonce: signed.nonce,
	};
	check_signature(&signed, &request::payload(request::DISCLOSURES_TAG, &request))?;
	check_fresh(gateway, &signed)?;
	if gateway.chain.reader().own_access(patient, signed.accessor).await?.is_none() {
		return Err(Refused::new(
			Refusal::NotPatient,
			"only the patient, or a delegate who may see their records, gets their accounting",
		));
	}
	first_sight(gateway, &signed).await?;
	let finalized = gateway.chain.reader().finalized().await?;
	let through = gateway
		.store
		.indexed_through()
		.await?
		.filter(|through| finalized.number.saturating_sub(through.number) <= INDEX_LAG_BLOCKS);
	let Some(through) = through else {
		return Err(Refused::new(
			Refusal::ChainUnavailable,
			"the gateway is still indexing the chain's access trails; ask again shortly",
		));
	};
	if gateway.chain.reader().block_hash(through.number).await? != Some(through.hash) {
		tracing::error!(block = through.number, "the trail index is of another chain");
		return Err(Refused::new(
			Refusal::Storage,
			"the gateway's trail index is of another chain",
		));
	}
	// The index moves on meanwhile: keep what it held at `through`, as the client checks it.
	let mut entries = gateway.store.trail_of(&patient).await?;
	entries.retain(|indexed| indexed.entry.block <= through.number);
	if let Err(error) = trail::verify(&patient, &entries) {
		tracing::error!(%error, "an indexed access trail does not verify; not served");
		return Err(Refused::new(Refusal::Storage, "the gateway's index of the trail is damaged"));
	}
	tracing::info!(entries = entries.len(), through = through.number, "accounting of disclosures");
	let bundle = trail::bundle(&patient, &entries, through, now_ms());
	Ok((
		StatusCode::OK,
		[(header::CONTENT_TYPE, HeaderValue::from_static("application/fhir+json"))],
		Json(bundle),
	)
		.into_response())
}

/// Index the access-trail entries of every finalized block not indexed yet, a batch of blocks
/// per transaction. Returns the block indexed up to.
pub async fn index_trails(gateway: &Gateway) -> anyhow::Result<u32> {
	const BATCH: u32 = 100;
	let reader = gateway.chain.reader();
	let finalized = reader.finalized().await?;
	let indexed = gateway.store.indexed_through().await?;
	if let Some(indexed) = indexed {
		if reader.block_hash(indexed.number).await? != Some(indexed.hash) {
			anyhow::bail!(
				"the database indexes another chain (block #{} is not 0x{} here)",
				indexed.number,
				hex::encode(indexed.hash)
			);
		}
	}
	let mut next = indexed.map_or(1, |t| t.number.saturating_add(1));
	let mut through = finalized.number;
	while next <= finalized.number {
		let last = next.saturating_add(BATCH - 1).min(finalized.number);
		let mut entries = Vec::new();
		let mut reached = None;
		for number in next..=last {
			let (block, found) = gateway.chain.trail_entries_in(number).await?;
			entries.extend(found);
			reached = Some(block);
		}
		if let Some(reached) = reached {
			gateway.store.add_trail(&entries, reached).await?;
			through = reached.number;
			gateway.metrics.indexed(through);
		}
		next = last.saturating_add(1);
	}
	gateway.metrics.indexed(through);
	Ok(through)
}

/// The stored record's bytes, if they open and still hash to what was anchored.
fn open_intact(gateway: &Gateway, stored: &StoredRecord) -> Result<Zeroizing<Vec<u8>>, Refused> {
	let tampered = || {
		tracing::error!(upload = %stored.record.upload, "a stored record was altered; not served");
		Refused::new(Refusal::Tampered, "the stored record does not match its anchor: not served")
	};
	let content = vault::open(&gateway.master, &stored.record.sealed, &binding(&stored.record))
		.map_err(|_| tampered())?;
	if vault::salted_hash(&stored.record.salt, &content) != stored.record.content_hash {
		return Err(tampered());
	}
	Ok(content)
}

async fn health(State(gateway): State<Arc<Gateway>>) -> Response {
	let database = gateway.store.healthy().await;
	let node = gateway.chain.healthy().await;
	let status = if database && node { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
	let answer = serde_json::json!({
		"database": database,
		"node": node,
		"custodian": gateway.chain.custodian(),
	});
	(status, Json(answer)).into_response()
}

async fn metrics(State(gateway): State<Arc<Gateway>>) -> Response {
	([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], gateway.metrics.render())
		.into_response()
}

/// Anchor what was kept but not acknowledged (a crash, or a chain that did not include it in
/// time): an upload whose anchor is finalized is noted; one whose anchor is in the best chain,
/// or whose new anchor the chain reports already anchored, waits for the next round; any other
/// is anchored now. Run at start and then every minute. Returns how many were finished.
pub async fn recover(gateway: &Gateway) -> anyhow::Result<usize> {
	let pending = gateway.store.unanchored().await?;
	let mut done = 0usize;
	for stored in pending {
		let record = &stored.record;
		let anchored = match gateway.chain.anchored(record.content_hash).await? {
			AnchorState::Finalized(anchored) => anchored,
			AnchorState::NotFinalized => continue,
			AnchorState::Absent => {
				let Some(category) = chain::category(&record.category) else { continue };
				match gateway.chain.anchor(record.patient, record.content_hash, category).await {
					Ok(anchored) => anchored,
					// An earlier transaction got there first: found finalized next round.
					Err(ChainError::Refused { error, .. }) if error == "AlreadyAnchored" => {
						continue
					}
					Err(error @ ChainError::Refused { .. }) => {
						tracing::warn!(upload = %record.upload, %error, "an unacknowledged upload is refused by the chain; dropped");
						gateway.store.delete_upload(&record.upload).await?;
						continue;
					}
					Err(error) => return Err(error.into()),
				}
			}
		};
		gateway
			.store
			.set_anchor(
				&record.upload,
				&Anchor {
					record_id: anchored.record_id,
					block_hash: anchored.inclusion.block_hash,
					block_number: anchored.inclusion.block_number,
				},
			)
			.await?;
		tracing::info!(upload = %record.upload, record = anchored.record_id, "recovered an upload");
		done = done.saturating_add(1);
	}
	Ok(done)
}
