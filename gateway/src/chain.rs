//! The gateway's side of the chain, over a node's RPC with subxt. The types come from the
//! runtime's metadata in `metadata/medchain.scale` (kept current by scripts/gateway-metadata.sh;
//! the Rust tests fail while it is stale).
//!
//! Every check before a release reads the latest finalized block, and a release is logged in a
//! finalized block before the gateway answers; an anchor is acknowledged once finalized, or once
//! in a best block if the configuration says so. The node is reached over `wss://`, or `ws://`
//! on this machine only: the gateway believes what it answers.

use crate::{
	config::Acknowledge,
	request::{Purpose, ReleaseRequest},
	trail::{self, AccessAction, AccessEntry, IndexedEntry, Through},
};
use std::time::Duration;
use subxt::{
	config::{DefaultExtrinsicParamsBuilder, RpcConfigFor},
	error::{DispatchError, TransactionEventsError},
	rpcs::{LegacyRpcMethods, RpcClient},
	transactions::{Payload, TransactionStatus},
	utils::{AccountId32, H256},
	OnlineClient, SubstrateConfig,
};
use subxt_signer::sr25519::Keypair;

#[subxt::subxt(runtime_metadata_path = "metadata/medchain.scale")]
pub mod medchain {}

// Rebuild when the metadata changes: the macro reads the file but does not tell cargo.
const _METADATA: &[u8] = include_bytes!("../metadata/medchain.scale");

use medchain::runtime_types::{
	medchain_primitives::ids as primitives, pallet_consent::types as consent,
	pallet_patients::types as patients, pallet_records::types as records,
};

type Client = OnlineClient<SubstrateConfig>;

/// What went wrong on the chain's side.
#[derive(Debug, thiserror::Error)]
pub enum ChainError {
	/// The node could not be reached, or answered with something unexpected.
	#[error("node: {0}")]
	Node(String),
	/// The chain refused the transaction: `pallet::Error` by name.
	#[error("the chain refused the transaction: {pallet}::{error}")]
	Refused { pallet: String, error: String },
	/// The transaction did not get into a block in time.
	#[error("the transaction was not included within {0:?}")]
	Timeout(Duration),
	/// The member key acts for no active provider.
	#[error("the member key {0} acts for no active provider")]
	NotAProvider(String),
}

fn node(error: impl std::fmt::Display) -> ChainError {
	ChainError::Node(error.to_string())
}

/// A transaction of the gateway's in a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inclusion {
	pub block_hash: [u8; 32],
	pub block_number: u32,
	/// Whether the block was finalized when the gateway acknowledged it.
	pub finalized: bool,
}

/// Where an anchor is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchored {
	pub record_id: u64,
	pub inclusion: Inclusion,
}

/// Where an upload's anchor is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnchorState {
	/// In a finalized block.
	Finalized(Anchored),
	/// In the best chain, not finalized yet: look again later.
	NotFinalized,
	/// Not in the best chain.
	Absent,
}

/// A release logged on chain: its entry in the patient's access trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
	pub inclusion: Inclusion,
	pub trail_index: u64,
	pub evidence: [u8; 32],
}

/// A record as the chain knows it, for the release check and the client's verification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordOnChain {
	pub patient: [u8; 32],
	pub custodian: u32,
	pub content_hash: [u8; 32],
	pub retracted: bool,
}

/// Why the chain does not let an account see a record now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denial {
	/// The account acts for no active organization.
	UnknownAccount,
	/// The record is not anchored, or not by this custodian.
	UnknownRecord,
	/// The custodian retracted it.
	Retracted,
	/// No current grant (or break-glass window) covers it.
	NoConsent,
}

/// Who may see a patient's own records and access trail: the patient's own key, or a delegate
/// whose role lets them see records (a guardian or next of kin), current at the finalized block.
/// The gateway releases records unlogged to the patient's own key only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Own {
	Patient,
	Delegate,
}

/// On what footing a record may be released.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
	/// To the patient's own key: not a disclosure, not logged on chain.
	Own,
	/// Under the patient's consent (or break-glass): logged on chain first.
	Consented,
}

/// A connection to a node, signing as a member of the custodian.
pub struct Chain {
	reader: Reader,
	signer: Keypair,
	account: AccountId32,
	custodian: u32,
	acknowledge: Acknowledge,
	timeout: Duration,
	/// One transaction is signed and submitted at a time, so nonces follow each other: the next
	/// nonce after the last one submitted. The node's count can lag a submission still being
	/// imported into its pool, so the higher of the two is used.
	submitting: tokio::sync::Mutex<Option<u64>>,
}

/// A record category by the name the chain gives it.
pub fn category(name: &str) -> Option<primitives::RecordCategory> {
	use primitives::RecordCategory::*;
	Some(match name {
		"Encounter" => Encounter,
		"LabResult" => LabResult,
		"Imaging" => Imaging,
		"Prescription" => Prescription,
		"DischargeSummary" => DischargeSummary,
		"Procedure" => Procedure,
		"Immunization" => Immunization,
		"ClaimAttachment" => ClaimAttachment,
		"Document" => Document,
		_ => return None,
	})
}

fn purpose_of(purpose: primitives::Purpose) -> Purpose {
	match purpose {
		primitives::Purpose::Treatment => Purpose::Treatment,
		primitives::Purpose::Payment => Purpose::Payment,
		primitives::Purpose::Research => Purpose::Research,
		primitives::Purpose::Operations => Purpose::Operations,
	}
}

fn basis_of(basis: consent::AccessBasis) -> trail::AccessBasis {
	match basis {
		consent::AccessBasis::Grant(grant) => trail::AccessBasis::Grant(grant),
		consent::AccessBasis::BreakGlass => trail::AccessBasis::BreakGlass,
	}
}

fn reason_of(reason: consent::EmergencyReason) -> trail::EmergencyReason {
	match reason {
		consent::EmergencyReason::LifeThreatening => trail::EmergencyReason::LifeThreatening,
		consent::EmergencyReason::UnableToConsent => trail::EmergencyReason::UnableToConsent,
		consent::EmergencyReason::UrgentCare => trail::EmergencyReason::UrgentCare,
	}
}

fn finding_of(finding: consent::ReviewFinding) -> trail::ReviewFinding {
	match finding {
		consent::ReviewFinding::Justified => trail::ReviewFinding::Justified,
		consent::ReviewFinding::Unjustified => trail::ReviewFinding::Unjustified,
	}
}

/// The consent events that each append an entry to a patient's access trail.
const TRAIL_EVENTS: [&str; 5] = [
	"AccessLogged",
	"ReleaseLogged",
	"BreakGlassOpened",
	"BreakGlassExtended",
	"BreakGlassReviewed",
];

/// The access-trail entry a consent event stands for, rebuilt from the event and its block's
/// number (`pallet_consent::AccessTrail`: every trail event carries all of its entry but the
/// block); `None` for other events.
fn entry_of(event: medchain::consent::Event, block: u32) -> Option<(AccessEntry, [u8; 32])> {
	use medchain::consent::Event as E;
	let entry = |index, patient: H256, accessor: AccountId32, org, action| AccessEntry {
		index,
		patient: patient.0,
		accessor: accessor.0,
		org,
		block,
		action,
	};
	Some(match event {
		E::AccessLogged { patient, record, accessor, org, purpose, basis, index, head } => (
			entry(
				index,
				patient,
				accessor,
				org,
				AccessAction::Accessed {
					record,
					purpose: purpose_of(purpose),
					basis: basis_of(basis),
				},
			),
			head.0,
		),
		E::ReleaseLogged {
			patient,
			record,
			accessor,
			org,
			custodian,
			purpose,
			basis,
			evidence,
			index,
			head,
		} => (
			entry(
				index,
				patient,
				accessor,
				org,
				AccessAction::Released {
					record,
					purpose: purpose_of(purpose),
					basis: basis_of(basis),
					custodian,
					evidence: evidence.0,
				},
			),
			head.0,
		),
		E::BreakGlassOpened { patient, org, opened_by, reason, closes_at, index, head } => (
			entry(
				index,
				patient,
				opened_by,
				org,
				AccessAction::BreakGlassOpened { reason: reason_of(reason), closes_at },
			),
			head.0,
		),
		E::BreakGlassExtended { patient, org, extended_by, closes_at, index, head } => (
			entry(
				index,
				patient,
				extended_by,
				org,
				AccessAction::BreakGlassExtended { org, closes_at },
			),
			head.0,
		),
		E::BreakGlassReviewed { patient, opened, auditor, org, finding, index, head } => (
			entry(
				index,
				patient,
				auditor,
				org,
				AccessAction::BreakGlassReviewed { opened, finding: finding_of(finding) },
			),
			head.0,
		),
		_ => return None,
	})
}

/// Whether `who` is `patient`'s own key, or a delegate who may see records, at the block `at`.
async fn own_access(
	at: &subxt::OnlineClientAtBlock<SubstrateConfig>,
	patient: [u8; 32],
	who: [u8; 32],
) -> Result<Option<Own>, ChainError> {
	let Some(info) = at
		.runtime_apis()
		.call(medchain::runtime_apis().patients_api().patient(H256(patient)))
		.await
		.map_err(node)?
	else {
		return Ok(None);
	};
	if !matches!(info.status, patients::PatientStatus::Active) {
		return Ok(None);
	}
	if matches!(info.control, patients::Control::Own(key) if key.0 == who) {
		return Ok(Some(Own::Patient));
	}
	let now = u32::try_from(at.block_number()).unwrap_or(u32::MAX);
	// `DelegateRole::allows(ViewRecords)`: a guardian or next of kin, not a proxy.
	let sees_records = info.delegates.0.iter().any(|delegate| {
		delegate.who.0 == who
			&& delegate.expires_at.is_none_or(|end| now < end)
			&& matches!(
				delegate.role,
				primitives::DelegateRole::Guardian | primitives::DelegateRole::NextOfKin
			)
	});
	Ok(sees_records.then_some(Own::Delegate))
}

/// The finalized block `block`, if it is one (finalized, and in the chain this node follows).
async fn finalized_block(
	api: &Client,
	legacy: &LegacyRpcMethods<RpcConfigFor<SubstrateConfig>>,
	block: [u8; 32],
) -> Result<Option<subxt::OnlineClientAtBlock<SubstrateConfig>>, ChainError> {
	let at = api.at_block(H256(block)).await.map_err(node)?;
	let number = at.block_number();
	let finalized = api.at_current_block().await.map_err(node)?.block_number();
	let canonical = legacy.chain_get_block_hash(Some(number.into())).await.map_err(node)?;
	Ok((number <= finalized && canonical == Some(H256(block))).then_some(at))
}

fn purpose(purpose: Purpose) -> primitives::Purpose {
	match purpose {
		Purpose::Treatment => primitives::Purpose::Treatment,
		Purpose::Payment => primitives::Purpose::Payment,
		Purpose::Research => primitives::Purpose::Research,
		Purpose::Operations => primitives::Purpose::Operations,
	}
}

/// Connect to the node at `url` without a key: what the fetching client needs.
pub async fn connect(url: &str) -> Result<Reader, ChainError> {
	let rpc = RpcClient::from_url(url).await.map_err(node)?;
	let api = Client::from_rpc_client(rpc.clone()).await.map_err(node)?;
	Ok(Reader { api, legacy: LegacyRpcMethods::new(rpc) })
}

/// A connection to a node that only reads, at the latest finalized block.
pub struct Reader {
	api: Client,
	legacy: LegacyRpcMethods<RpcConfigFor<SubstrateConfig>>,
}

impl Reader {
	/// The chain's genesis hash.
	pub fn genesis(&self) -> [u8; 32] {
		self.api.genesis_hash().0
	}

	/// The record `id` at the latest finalized block.
	pub async fn record(&self, id: u64) -> Result<Option<RecordOnChain>, ChainError> {
		record(&self.api, id).await
	}

	/// The entry of the access trail that the finalized block `block` logged for the release
	/// with `evidence` of record `record` to `accessor`, if it did.
	pub async fn logged_release(
		&self,
		block: [u8; 32],
		evidence: [u8; 32],
		record: u64,
		accessor: [u8; 32],
	) -> Result<Option<u64>, ChainError> {
		let Some(at) = finalized_block(&self.api, &self.legacy, block).await? else {
			return Ok(None);
		};
		let events = at.events().fetch().await.map_err(node)?;
		for logged in events.find::<medchain::consent::events::ReleaseLogged>() {
			let logged = logged.map_err(node)?;
			if logged.evidence.0 == evidence
				&& logged.record == record
				&& logged.accessor.0 == accessor
			{
				return Ok(Some(logged.index));
			}
		}
		Ok(None)
	}
}

impl Reader {
	/// The latest finalized block.
	pub async fn finalized(&self) -> Result<Through, ChainError> {
		let hash = self.legacy.chain_get_finalized_head().await.map_err(node)?;
		let at = self.api.at_block(hash).await.map_err(node)?;
		Ok(Through { number: u32::try_from(at.block_number()).map_err(node)?, hash: hash.0 })
	}

	/// The hash of block `number` of the chain this node follows, if it has one.
	pub async fn block_hash(&self, number: u32) -> Result<Option<[u8; 32]>, ChainError> {
		let hash = self.legacy.chain_get_block_hash(Some(number.into())).await.map_err(node)?;
		Ok(hash.map(|hash| hash.0))
	}

	/// Whether `who` may see `patient`'s own records, at the latest finalized block.
	pub async fn own_access(
		&self,
		patient: [u8; 32],
		who: [u8; 32],
	) -> Result<Option<Own>, ChainError> {
		let at = self.api.at_current_block().await.map_err(node)?;
		own_access(&at, patient, who).await
	}

	/// The count and head of `patient`'s access trail at block `through`, if it is finalized.
	pub async fn trail_at(
		&self,
		patient: [u8; 32],
		through: Through,
	) -> Result<Option<(u64, [u8; 32])>, ChainError> {
		let Some(at) = finalized_block(&self.api, &self.legacy, through.hash).await? else {
			return Ok(None);
		};
		if at.block_number() != u64::from(through.number) {
			return Ok(None);
		}
		let trail = at
			.storage()
			.fetch(medchain::storage().consent().access_trails(), (H256(patient),))
			.await
			.map_err(node)?
			.decode()
			.map_err(node)?;
		Ok(Some((trail.count, trail.head.0)))
	}
}

async fn record(api: &Client, id: u64) -> Result<Option<RecordOnChain>, ChainError> {
	let at = api.at_current_block().await.map_err(node)?;
	let info = at
		.runtime_apis()
		.call(medchain::runtime_apis().records_api().record(id))
		.await
		.map_err(node)?;
	Ok(info.map(|info| RecordOnChain {
		patient: info.anchor.patient.0,
		custodian: info.anchor.custodian,
		content_hash: info.anchor.content_hash.0,
		retracted: matches!(info.anchor.status, records::RecordStatus::Retracted { .. }),
	}))
}

impl Chain {
	/// Connect to the node at `url`, signing with `signer`, which must act for an active
	/// provider: the custodian.
	pub async fn connect(
		url: &str,
		signer: Keypair,
		acknowledge: Acknowledge,
		timeout: Duration,
	) -> Result<Self, ChainError> {
		let rpc = RpcClient::from_url(url).await.map_err(node)?;
		let api = Client::from_rpc_client(rpc.clone()).await.map_err(node)?;
		let legacy = LegacyRpcMethods::new(rpc);
		let account: AccountId32 = signer.public_key().to_account_id();
		let at = api.at_current_block().await.map_err(node)?;
		let apis = at.runtime_apis();
		let not_a_provider = || ChainError::NotAProvider(account.to_string());
		let custodian = apis
			.call(medchain::runtime_apis().patients_api().organization_of(account))
			.await
			.map_err(node)?
			.ok_or_else(not_a_provider)?;
		let organization = apis
			.call(medchain::runtime_apis().patients_api().organization(custodian))
			.await
			.map_err(node)?
			.ok_or_else(not_a_provider)?;
		if !matches!(organization.kind, primitives::OrgKind::Provider)
			|| !matches!(organization.status, patients::OrgStatus::Active)
		{
			return Err(not_a_provider());
		}
		Ok(Self {
			reader: Reader { api, legacy },
			signer,
			account,
			custodian,
			acknowledge,
			timeout,
			submitting: tokio::sync::Mutex::new(None),
		})
	}

	/// Whether the node answers.
	pub async fn healthy(&self) -> bool {
		self.reader.legacy.chain_get_finalized_head().await.is_ok()
	}

	/// The custodian the gateway acts for.
	pub fn custodian(&self) -> u32 {
		self.custodian
	}

	/// The chain's genesis hash.
	pub fn genesis(&self) -> [u8; 32] {
		self.reader.genesis()
	}

	/// The same connection, to read.
	pub fn reader(&self) -> &Reader {
		&self.reader
	}

	/// The finalized block `number`, and the access-trail entries its events made.
	pub async fn trail_entries_in(
		&self,
		number: u32,
	) -> Result<(Through, Vec<IndexedEntry>), ChainError> {
		let hash = self
			.reader
			.block_hash(number)
			.await?
			.map(H256)
			.ok_or_else(|| node(format!("no block {number}")))?;
		let at = self.reader.api.at_block(hash).await.map_err(node)?;
		let events = at.events().fetch().await.map_err(node)?;
		let mut entries = Vec::new();
		for event in events.iter() {
			let event = event.map_err(node)?;
			if event.pallet_name() != "Consent" || !TRAIL_EVENTS.contains(&event.event_name()) {
				continue;
			}
			// A trail event that does not decode (one of a runtime newer than the gateway's
			// metadata, or a `BreakGlassReviewed` of spec 106 or before, which did not name the
			// auditor's organization) stops the indexer at this block: skipping it would leave a
			// gap in the patient's trail for good.
			let medchain::Event::Consent(consent) =
				event.decode_as::<medchain::Event>().map_err(|error| {
					node(format!(
						"block {number}: the trail event {} cannot be rebuilt into its entry: {error}",
						event.event_name()
					))
				})?
			else {
				continue;
			};
			if let Some((entry, head)) = entry_of(consent, number) {
				entries.push(IndexedEntry {
					entry,
					head,
					block_hash: hash.0,
					event_index: event.index(),
					recorded_at: 0,
				});
			}
		}
		if !entries.is_empty() {
			let extrinsics = at.extrinsics().fetch().await.map_err(node)?;
			let now = extrinsics
				.find_first::<medchain::timestamp::calls::Set>()
				.ok_or_else(|| node(format!("block {number} has no timestamp")))?
				.map_err(node)?
				.now;
			for entry in &mut entries {
				entry.recorded_at = now;
			}
		}
		Ok((Through { number, hash: hash.0 }, entries))
	}

	/// Where this custodian's anchor of `content_hash` is: what a restart checks before it
	/// anchors an upload again.
	pub async fn anchored(&self, content_hash: [u8; 32]) -> Result<AnchorState, ChainError> {
		let finalized = self.reader.legacy.chain_get_finalized_head().await.map_err(node)?;
		if let Some(anchored) = self.anchored_at(finalized, content_hash).await? {
			return Ok(AnchorState::Finalized(anchored));
		}
		let best = self.reader.legacy.chain_get_block_hash(None).await.map_err(node)?;
		let pending = match best {
			Some(best) => self.anchored_at(best, content_hash).await?.is_some(),
			None => false,
		};
		Ok(if pending { AnchorState::NotFinalized } else { AnchorState::Absent })
	}

	async fn anchored_at(
		&self,
		block: H256,
		content_hash: [u8; 32],
	) -> Result<Option<Anchored>, ChainError> {
		let at = self.reader.api.at_block(block).await.map_err(node)?;
		let info = at
			.runtime_apis()
			.call(
				medchain::runtime_apis()
					.records_api()
					.anchored_by(self.custodian, H256(content_hash)),
			)
			.await
			.map_err(node)?;
		let Some(info) = info else { return Ok(None) };
		let number = info.anchor.anchored_at;
		let hash =
			self.reader.legacy.chain_get_block_hash(Some(number.into())).await.map_err(node)?;
		Ok(Some(Anchored {
			record_id: info.id,
			inclusion: Inclusion {
				block_hash: hash.map(|hash| hash.0).unwrap_or_default(),
				block_number: number,
				finalized: true,
			},
		}))
	}

	/// Whether the chain, at its latest finalized block, lets `request`'s accessor see the
	/// record it asks for: the record as anchored, and on what footing, if so.
	pub async fn may_release(
		&self,
		request: &ReleaseRequest,
	) -> Result<Result<(RecordOnChain, Access), Denial>, ChainError> {
		let at = self.reader.api.at_current_block().await.map_err(node)?;
		let apis = at.runtime_apis();
		let Some(info) = apis
			.call(medchain::runtime_apis().records_api().record(request.record))
			.await
			.map_err(node)?
		else {
			return Ok(Err(Denial::UnknownRecord));
		};
		if info.anchor.custodian != self.custodian {
			return Ok(Err(Denial::UnknownRecord));
		}
		if matches!(info.anchor.status, records::RecordStatus::Retracted { .. }) {
			return Ok(Err(Denial::Retracted));
		}
		let patient = info.anchor.patient;
		let anchored = RecordOnChain {
			patient: patient.0,
			custodian: info.anchor.custodian,
			content_hash: info.anchor.content_hash.0,
			retracted: false,
		};
		// The patient's own key: not a disclosure. A delegate is not exempt: the chain logs
		// releases to organizations only, so a delegate goes the way of everyone else.
		if own_access(&at, patient.0, request.accessor).await? == Some(Own::Patient) {
			return Ok(Ok((anchored, Access::Own)));
		}
		let accessor = AccountId32(request.accessor);
		let Some(org) = apis
			.call(medchain::runtime_apis().patients_api().organization_of(accessor))
			.await
			.map_err(node)?
		else {
			return Ok(Err(Denial::UnknownAccount));
		};
		let active = apis
			.call(medchain::runtime_apis().patients_api().organization(org))
			.await
			.map_err(node)?
			.is_some_and(|info| matches!(info.status, patients::OrgStatus::Active));
		if !active {
			return Ok(Err(Denial::UnknownAccount));
		}
		for grantee in [consent::Grantee::Member(accessor), consent::Grantee::Organization(org)] {
			let basis = apis
				.call(medchain::runtime_apis().consent_api().access(
					patient,
					grantee,
					request.record,
					purpose(request.purpose),
				))
				.await
				.map_err(node)?;
			if basis.is_some() {
				return Ok(Ok((anchored, Access::Consented)));
			}
		}
		Ok(Err(Denial::NoConsent))
	}

	/// Anchor a record of `patient` with `content_hash` (HMAC-SHA-256, salted) of `category`.
	pub async fn anchor(
		&self,
		patient: [u8; 32],
		content_hash: [u8; 32],
		category: primitives::RecordCategory,
	) -> Result<Anchored, ChainError> {
		let call = medchain::tx().records().anchor_record(
			H256(patient),
			H256(content_hash),
			records::HashAlgorithm::HmacSha2_256,
			category,
			None,
		);
		let (events, inclusion) = self.submit(&call, self.acknowledge).await?;
		let anchored = events
			.find_first::<medchain::records::events::RecordAnchored>()
			.ok_or_else(|| node("no RecordAnchored event"))?
			.map_err(node)?;
		Ok(Anchored { record_id: anchored.record, inclusion })
	}

	/// Log the release `request`, signed by its accessor with `signature`.
	pub async fn log_release(
		&self,
		request: &ReleaseRequest,
		signature: [u8; 64],
	) -> Result<Logged, ChainError> {
		let call = medchain::tx().consent().log_release(
			consent::ReleaseRequest {
				genesis: H256(request.genesis),
				accessor: AccountId32(request.accessor),
				custodian: request.custodian,
				record: request.record,
				purpose: purpose(request.purpose),
				issued_at: request.issued_at,
				nonce: request.nonce,
			},
			medchain::runtime_types::sp_runtime::MultiSignature::Sr25519(signature),
		);
		// Never answer before the log is final: a best block may still be reverted, and the
		// release with it, while the bytes are gone.
		let (events, inclusion) = self.submit(&call, Acknowledge::Finalized).await?;
		let logged = events
			.find_first::<medchain::consent::events::ReleaseLogged>()
			.ok_or_else(|| node("no ReleaseLogged event"))?
			.map_err(node)?;
		Ok(Logged { inclusion, trail_index: logged.index, evidence: logged.evidence.0 })
	}

	/// Sign and submit `call`, and wait until it is in a block as `acknowledge` says; its events,
	/// or the chain's error by name.
	async fn submit<Call: Payload>(
		&self,
		call: &Call,
		acknowledge: Acknowledge,
	) -> Result<(subxt::extrinsics::ExtrinsicEvents<SubstrateConfig>, Inclusion), ChainError> {
		let mut progress = {
			let mut next = self.submitting.lock().await;
			let counted =
				self.reader.legacy.system_account_next_index(&self.account).await.map_err(node)?;
			let nonce = next.map_or(counted, |next| next.max(counted));
			let params =
				DefaultExtrinsicParamsBuilder::<SubstrateConfig>::new().nonce(nonce).build();
			let mut transactions = self.reader.api.tx().await.map_err(node)?;
			match transactions.sign_and_submit_then_watch(call, &self.signer, params).await {
				Ok(progress) => {
					*next = nonce.checked_add(1);
					progress
				}
				Err(error) => {
					// Ask the node again next time.
					*next = None;
					return Err(node(error));
				}
			}
		};
		let wait = async {
			loop {
				let status = match progress.next().await {
					Some(status) => status.map_err(node)?,
					None => return Err(node("the node stopped reporting the transaction")),
				};
				let (in_block, finalized) = match status {
					TransactionStatus::InFinalizedBlock(in_block) => (in_block, true),
					TransactionStatus::InBestBlock(in_block)
						if acknowledge == Acknowledge::Best =>
					{
						(in_block, false)
					}
					TransactionStatus::Error { message }
					| TransactionStatus::Invalid { message }
					| TransactionStatus::Dropped { message } => {
						// Its nonce is free again: ask the node next time.
						*self.submitting.lock().await = None;
						return Err(node(format!("transaction not included: {message}")));
					}
					_ => continue,
				};
				let block_hash = in_block.block_hash();
				let events = in_block.wait_for_success().await.map_err(refusal)?;
				let at = self.reader.api.at_block(block_hash).await.map_err(node)?;
				let block_number = u32::try_from(at.block_number()).map_err(node)?;
				return Ok((
					events,
					Inclusion { block_hash: block_hash.0, block_number, finalized },
				));
			}
		};
		tokio::time::timeout(self.timeout, wait)
			.await
			.map_err(|_| ChainError::Timeout(self.timeout))?
	}
}

/// The chain's refusal of a transaction, by pallet and error name.
fn refusal(error: TransactionEventsError) -> ChainError {
	match error {
		TransactionEventsError::ExtrinsicFailed(DispatchError::Module(module)) => {
			match module.details() {
				Ok(details) => ChainError::Refused {
					pallet: details.pallet.name().to_string(),
					error: details.variant.name.to_string(),
				},
				Err(error) => node(error),
			}
		}
		other => node(other),
	}
}
