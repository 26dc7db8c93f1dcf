//! A patient's access trail as the gateway indexes it, and the accounting of disclosures made of
//! it: a FHIR R4 `Bundle` of `AuditEvent`s, one per trail entry, each carrying the entry's SCALE
//! encoding and where the chain emitted it, so that the patient's client can rebuild the trail's
//! hash chain and compare its head with the chain's `Consent::AccessTrails` at a finalized block.
//!
//! The whole trail of the patient is returned, not only this custodian's releases: the hash chain
//! runs over every entry, and a list with gaps cannot be checked. Each event names who reported it
//! (`source.observer`): the custodian for a release it logged, the accessor's organization for an
//! access it logged itself, the provider or auditor that opened or reviewed a break-glass window,
//! and the account that extended one (its entry does not say for whom it acted).

use crate::request::{blake2_256, hex0x, Purpose};
use base64::Engine;
use codec::{Decode, Encode};
use serde_json::{json, Value};

/// `pallet_consent::AccessBasis`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum AccessBasis {
	Grant(u64),
	BreakGlass,
}

/// `pallet_consent::EmergencyReason`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum EmergencyReason {
	LifeThreatening,
	UnableToConsent,
	UrgentCare,
}

/// `pallet_consent::ReviewFinding`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum ReviewFinding {
	Justified,
	Unjustified,
}

/// `pallet_consent::AccessAction<u32>`, variant for variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum AccessAction {
	Accessed {
		record: u64,
		purpose: Purpose,
		basis: AccessBasis,
	},
	BreakGlassOpened {
		reason: EmergencyReason,
		closes_at: u32,
	},
	BreakGlassExtended {
		org: u32,
		closes_at: u32,
	},
	Released {
		record: u64,
		purpose: Purpose,
		basis: AccessBasis,
		custodian: u32,
		evidence: [u8; 32],
	},
	BreakGlassReviewed {
		opened: u64,
		finding: ReviewFinding,
	},
}

/// `pallet_consent::AccessEntry<AccountId32, u32>`, field for field: its SCALE encoding is what
/// the trail's hash chain hashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub struct AccessEntry {
	pub index: u64,
	pub patient: [u8; 32],
	pub accessor: [u8; 32],
	pub org: u32,
	pub block: u32,
	pub action: AccessAction,
}

impl AccessEntry {
	/// The head of the hash chain after this entry: `blake2-256(previous ‖ SCALE(entry))`.
	pub fn chain(&self, previous: &[u8; 32]) -> [u8; 32] {
		let mut preimage = previous.to_vec();
		self.encode_to(&mut preimage);
		blake2_256(&preimage)
	}
}

/// A trail entry with where the chain emitted it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexedEntry {
	pub entry: AccessEntry,
	/// The head of the chain after it, as the event said.
	pub head: [u8; 32],
	pub block_hash: [u8; 32],
	/// The event's position among its block's events.
	pub event_index: u32,
	/// The block's time (its timestamp inherent), in ms since the Unix epoch.
	pub recorded_at: u64,
}

/// The finalized block a trail was read up to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Through {
	pub number: u32,
	pub hash: [u8; 32],
}

/// Why a list of entries is not a whole, unaltered trail.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TrailError {
	#[error("entry {position} has index {index}: the trail has a gap or is out of order")]
	Gap { position: usize, index: u64 },
	#[error("entry {0} is of another patient")]
	OtherPatient(u64),
	#[error("entry {0} does not chain onto the one before it")]
	Broken(u64),
	#[error("the bundle is malformed: {0}")]
	Malformed(String),
}

/// Check that `entries` are the trail of `patient` from its first entry, each chaining onto the
/// one before with the head its event gave; the head after the last.
pub fn verify(patient: &[u8; 32], entries: &[IndexedEntry]) -> Result<[u8; 32], TrailError> {
	let mut head = [0u8; 32];
	for (position, indexed) in entries.iter().enumerate() {
		let entry = &indexed.entry;
		if u64::try_from(position).ok().and_then(|p| p.checked_add(1)) != Some(entry.index) {
			return Err(TrailError::Gap { position, index: entry.index });
		}
		if entry.patient != *patient {
			return Err(TrailError::OtherPatient(entry.index));
		}
		head = entry.chain(&head);
		if head != indexed.head {
			return Err(TrailError::Broken(entry.index));
		}
	}
	Ok(head)
}

/// An instant in FHIR's format, from ms since the Unix epoch.
fn instant(ms: u64) -> String {
	i64::try_from(ms)
		.ok()
		.and_then(chrono::DateTime::from_timestamp_millis)
		.unwrap_or_default()
		.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

const DCM: &str = "http://dicom.nema.org/resources/ontology/DCM";
const ACT_REASON: &str = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
const ACCOUNT: &str = "urn:medchain:account";
const ORGANIZATION: &str = "urn:medchain:organization";
const PATIENT: &str = "urn:medchain:patient";
const RECORD: &str = "urn:medchain:record";
const TRAIL: &str = "urn:medchain:access-trail";
const ACTION: &str = "urn:medchain:access-action";

fn identifier(system: &str, value: String) -> Value {
	json!({ "identifier": { "system": system, "value": value } })
}

fn purpose_code(purpose: Purpose) -> (&'static str, &'static str) {
	match purpose {
		Purpose::Treatment => ("TREAT", "treatment"),
		Purpose::Payment => ("HPAYMT", "healthcare payment"),
		Purpose::Research => ("HRESCH", "healthcare research"),
		Purpose::Operations => ("HOPERAT", "healthcare operations"),
	}
}

fn basis_text(basis: AccessBasis) -> String {
	match basis {
		AccessBasis::Grant(grant) => format!("grant {grant}"),
		AccessBasis::BreakGlass => "break-glass".to_string(),
	}
}

/// One trail entry as an `AuditEvent`.
pub fn audit_event(indexed: &IndexedEntry) -> Value {
	let entry = &indexed.entry;
	let (code, display, action, subtype, observer, purpose, record, mut details) =
		match entry.action {
			AccessAction::Accessed { record, purpose, basis } => (
				"110110",
				"Patient Record",
				"R",
				"accessed",
				identifier(ORGANIZATION, entry.org.to_string()),
				Some(purpose),
				Some(record),
				vec![("basis", basis_text(basis))],
			),
			AccessAction::Released { record, purpose, basis, custodian, evidence } => (
				"110106",
				"Export",
				"R",
				"released",
				identifier(ORGANIZATION, custodian.to_string()),
				Some(purpose),
				Some(record),
				vec![
					("basis", basis_text(basis)),
					("custodian", custodian.to_string()),
					("evidence", hex0x(&evidence)),
				],
			),
			AccessAction::BreakGlassOpened { reason, closes_at } => (
				"110113",
				"Security Alert",
				"E",
				"break-glass-opened",
				identifier(ORGANIZATION, entry.org.to_string()),
				None,
				None,
				vec![("reason", format!("{reason:?}")), ("closes-at-block", closes_at.to_string())],
			),
			AccessAction::BreakGlassExtended { org, closes_at } => (
				"110113",
				"Security Alert",
				"E",
				"break-glass-extended",
				identifier(ACCOUNT, hex0x(&entry.accessor)),
				None,
				None,
				vec![("window-of", org.to_string()), ("closes-at-block", closes_at.to_string())],
			),
			AccessAction::BreakGlassReviewed { opened, finding } => (
				"110101",
				"Audit Log Used",
				"E",
				"break-glass-reviewed",
				identifier(ORGANIZATION, entry.org.to_string()),
				None,
				None,
				vec![("opened-entry", opened.to_string()), ("finding", format!("{finding:?}"))],
			),
		};
	let break_glass = matches!(
		entry.action,
		AccessAction::BreakGlassOpened { .. }
			| AccessAction::BreakGlassExtended { .. }
			| AccessAction::Accessed { basis: AccessBasis::BreakGlass, .. }
			| AccessAction::Released { basis: AccessBasis::BreakGlass, .. }
	);
	let purpose_of_event = match (purpose, break_glass) {
		(_, true) => vec![
			json!({ "coding": [{ "system": ACT_REASON, "code": "ETREAT", "display": "emergency treatment" }] }),
		],
		(Some(purpose), false) => {
			let (code, display) = purpose_code(purpose);
			vec![json!({ "coding": [{ "system": ACT_REASON, "code": code, "display": display }] })]
		}
		(None, false) => Vec::new(),
	};
	let base64 = base64::engine::general_purpose::STANDARD.encode(entry.encode());
	details.extend([
		("block-number", entry.block.to_string()),
		("block-hash", hex0x(&indexed.block_hash)),
		("event-index", indexed.event_index.to_string()),
		("head", hex0x(&indexed.head)),
	]);
	let mut detail: Vec<Value> = vec![json!({ "type": "scale", "valueBase64Binary": base64 })];
	detail.extend(
		details.into_iter().map(|(kind, value)| json!({ "type": kind, "valueString": value })),
	);
	let mut entities = vec![json!({
		"what": identifier(PATIENT, hex0x(&entry.patient)),
		"role": { "system": "http://terminology.hl7.org/CodeSystem/object-role", "code": "1", "display": "Patient" },
	})];
	if let Some(record) = record {
		entities.push(json!({
			"what": identifier(RECORD, record.to_string()),
			"role": { "system": "http://terminology.hl7.org/CodeSystem/object-role", "code": "4", "display": "Domain Resource" },
		}));
	}
	entities.push(json!({
		"what": identifier(TRAIL, format!("{}/{}", hex0x(&entry.patient), entry.index)),
		"detail": detail,
	}));
	let mut agents =
		vec![json!({ "who": identifier(ACCOUNT, hex0x(&entry.accessor)), "requestor": true })];
	// An extension's entry names the provider whose window it is, not whom the extender acted
	// for (another member, or an auditor): that is in its `window-of` detail instead.
	if !matches!(entry.action, AccessAction::BreakGlassExtended { .. }) {
		agents.push(
			json!({ "who": identifier(ORGANIZATION, entry.org.to_string()), "requestor": false }),
		);
	}
	let mut event = json!({
		"resourceType": "AuditEvent",
		"id": entry.index.to_string(),
		"type": { "system": DCM, "code": code, "display": display },
		"subtype": [{ "system": ACTION, "code": subtype }],
		"action": action,
		"recorded": instant(indexed.recorded_at),
		"outcome": "0",
		"agent": agents,
		"source": { "observer": observer },
		"entity": entities,
	});
	if let (false, Some(fields)) = (purpose_of_event.is_empty(), event.as_object_mut()) {
		fields.insert("purposeOfEvent".to_string(), Value::Array(purpose_of_event));
	}
	event
}

const THROUGH_NUMBER: &str = "urn:medchain:trail-through-block-number";
const THROUGH_HASH: &str = "urn:medchain:trail-through-block-hash";
const TRAIL_HEAD: &str = "urn:medchain:trail-head";

/// The accounting of disclosures of `patient`: their whole trail up to the finalized block
/// `through`, as a FHIR `Bundle` of type `collection`, newest last.
pub fn bundle(
	patient: &[u8; 32],
	entries: &[IndexedEntry],
	through: Through,
	now_ms: u64,
) -> Value {
	let head = entries.last().map_or([0u8; 32], |last| last.head);
	let mut bundle = json!({
		"resourceType": "Bundle",
		"type": "collection",
		"timestamp": instant(now_ms),
		"identifier": { "system": PATIENT, "value": hex0x(patient) },
		"meta": { "extension": [
			{ "url": THROUGH_NUMBER, "valueUnsignedInt": through.number },
			{ "url": THROUGH_HASH, "valueString": hex0x(&through.hash) },
			{ "url": TRAIL_HEAD, "valueString": hex0x(&head) },
		] },
	});
	// FHIR has no empty arrays: a trail with no entries has no `entry`.
	if let (false, Some(fields)) = (entries.is_empty(), bundle.as_object_mut()) {
		let listed = entries.iter().map(|indexed| {
			json!({
				"fullUrl": full_url(&indexed.entry),
				"resource": audit_event(indexed),
			})
		});
		fields.insert("entry".to_string(), Value::Array(listed.collect()));
	}
	bundle
}

/// A bundle entry's `fullUrl`: a UUID (version 8) from the patient and the entry's index, the same
/// for the same entry in every bundle.
fn full_url(entry: &AccessEntry) -> String {
	let mut bytes = entry.patient.to_vec();
	bytes.extend_from_slice(&entry.index.to_le_bytes());
	let mut id = [0u8; 16];
	for (to, from) in id.iter_mut().zip(blake2_256(&bytes)) {
		*to = from;
	}
	if let Some(version) = id.get_mut(6) {
		*version = (*version & 0x0f) | 0x80;
	}
	if let Some(variant) = id.get_mut(8) {
		*variant = (*variant & 0x3f) | 0x80;
	}
	let hex = hex::encode(id);
	let part = |range: core::ops::Range<usize>| hex.get(range).unwrap_or_default();
	format!(
		"urn:uuid:{}-{}-{}-{}-{}",
		part(0..8),
		part(8..12),
		part(12..16),
		part(16..20),
		part(20..32)
	)
}

/// What a client reads back from a bundle: the entries, decoded from their SCALE encodings and
/// checked against what each `AuditEvent` says of them, and the block they were read up to.
pub struct ReadBundle {
	pub entries: Vec<IndexedEntry>,
	pub through: Through,
	/// The patient and the trail head the bundle names.
	pub patient: [u8; 32],
	pub head: [u8; 32],
}

fn malformed(what: impl Into<String>) -> TrailError {
	TrailError::Malformed(what.into())
}

fn hex32(text: Option<&str>, what: &str) -> Result<[u8; 32], TrailError> {
	text.and_then(crate::request::parse_hex::<32>).ok_or_else(|| malformed(what.to_string()))
}

fn extension<'a>(bundle: &'a Value, url: &str) -> Option<&'a Value> {
	let extensions = bundle.get("meta")?.get("extension")?.as_array()?;
	extensions.iter().find(|ext| ext.get("url").and_then(Value::as_str) == Some(url))
}

/// Read `bundle`: every entry's SCALE encoding and the details the client checks, and a check that
/// each `AuditEvent` is, field for field, the one the entry it carries makes (all but `recorded`,
/// the block's time as the gateway read it), so that a reader of the FHIR reads what was checked.
pub fn read(bundle: &Value) -> Result<ReadBundle, TrailError> {
	if bundle.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
		return Err(malformed("not a Bundle"));
	}
	let number = extension(bundle, THROUGH_NUMBER)
		.and_then(|ext| ext.get("valueUnsignedInt"))
		.and_then(Value::as_u64)
		.and_then(|n| u32::try_from(n).ok())
		.ok_or_else(|| malformed("no block number"))?;
	let hash = hex32(
		extension(bundle, THROUGH_HASH)
			.and_then(|ext| ext.get("valueString"))
			.and_then(Value::as_str),
		"no block hash",
	)?;
	let items =
		bundle.get("entry").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
	let mut entries = Vec::new();
	for item in items {
		let event = item.get("resource").ok_or_else(|| malformed("an entry without a resource"))?;
		let trail = event
			.get("entity")
			.and_then(Value::as_array)
			.and_then(|all| {
				all.iter().find(|entity| {
					entity.pointer("/what/identifier/system").and_then(Value::as_str) == Some(TRAIL)
				})
			})
			.ok_or_else(|| malformed("an AuditEvent without its trail entry"))?;
		let details = trail.get("detail").and_then(Value::as_array).map(Vec::as_slice);
		let detail = |kind: &str, value: &str| {
			details
				.unwrap_or_default()
				.iter()
				.find(|detail| detail.get("type").and_then(Value::as_str) == Some(kind))
				.and_then(|detail| detail.get(value))
				.and_then(Value::as_str)
		};
		let scale = detail("scale", "valueBase64Binary")
			.and_then(|text| base64::engine::general_purpose::STANDARD.decode(text).ok())
			.ok_or_else(|| malformed("an entry without its SCALE encoding"))?;
		let entry = AccessEntry::decode(&mut scale.as_slice())
			.map_err(|_| malformed("an entry that does not decode"))?;
		let recorded_at = event
			.get("recorded")
			.and_then(Value::as_str)
			.and_then(|text| chrono::DateTime::parse_from_rfc3339(text).ok())
			.and_then(|time| u64::try_from(time.timestamp_millis()).ok())
			.ok_or_else(|| malformed("an AuditEvent without its time"))?;
		let indexed = IndexedEntry {
			entry,
			head: hex32(detail("head", "valueString"), "an entry without its head")?,
			block_hash: hex32(detail("block-hash", "valueString"), "an entry without its block")?,
			event_index: detail("event-index", "valueString")
				.and_then(|text| text.parse().ok())
				.ok_or_else(|| malformed("an entry without its event index"))?,
			recorded_at,
		};
		// Every field of the event, not some: what a reader of the FHIR sees is what was checked.
		let full_url_agrees =
			item.get("fullUrl").and_then(Value::as_str) == Some(&full_url(&entry));
		if audit_event(&indexed) != *event || !full_url_agrees {
			return Err(malformed(format!(
				"AuditEvent {} says other than the entry it carries",
				entry.index
			)));
		}
		entries.push(indexed);
	}
	let patient = hex32(bundle.pointer("/identifier/value").and_then(Value::as_str), "no patient")?;
	let head = hex32(
		extension(bundle, TRAIL_HEAD)
			.and_then(|ext| ext.get("valueString"))
			.and_then(Value::as_str),
		"no trail head",
	)?;
	Ok(ReadBundle { entries, through: Through { number, hash }, patient, head })
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_consent::{
		AccessAction as A, AccessBasis as B, AccessEntry as E, EmergencyReason as R,
		ReviewFinding as F,
	};
	use sp_core::{crypto::AccountId32, H256};

	fn actions() -> Vec<(AccessAction, A<u32>)> {
		vec![
			(
				AccessAction::Accessed {
					record: 5,
					purpose: Purpose::Payment,
					basis: AccessBasis::Grant(3),
				},
				A::Accessed {
					record: 5,
					purpose: pallet_consent::Purpose::Payment,
					basis: B::Grant(3),
				},
			),
			(
				AccessAction::BreakGlassOpened {
					reason: EmergencyReason::UnableToConsent,
					closes_at: 90,
				},
				A::BreakGlassOpened { reason: R::UnableToConsent, closes_at: 90 },
			),
			(
				AccessAction::BreakGlassExtended { org: 4, closes_at: 190 },
				A::BreakGlassExtended { org: 4, closes_at: 190 },
			),
			(
				AccessAction::Released {
					record: 6,
					purpose: Purpose::Treatment,
					basis: AccessBasis::BreakGlass,
					custodian: 1,
					evidence: [8; 32],
				},
				A::Released {
					record: 6,
					purpose: pallet_consent::Purpose::Treatment,
					basis: B::BreakGlass,
					custodian: 1,
					evidence: H256([8; 32]),
				},
			),
			(
				AccessAction::BreakGlassReviewed { opened: 2, finding: ReviewFinding::Unjustified },
				A::BreakGlassReviewed { opened: 2, finding: F::Unjustified },
			),
		]
	}

	fn trail() -> Vec<IndexedEntry> {
		let mut head = [0u8; 32];
		actions()
			.into_iter()
			.zip(1u64..)
			.map(|((action, _), index)| {
				let entry = AccessEntry {
					index,
					patient: [1; 32],
					accessor: [2; 32],
					org: 3,
					block: 40,
					action,
				};
				head = entry.chain(&head);
				IndexedEntry {
					entry,
					head,
					block_hash: [9; 32],
					event_index: 2,
					recorded_at: 1_750_000_000_000,
				}
			})
			.collect()
	}

	#[test]
	fn entries_encode_and_chain_as_the_pallets() {
		let mut head = [0u8; 32];
		let mut on_chain = H256::zero();
		for ((mine, theirs), index) in actions().into_iter().zip(1u64..) {
			let entry = AccessEntry {
				index,
				patient: [1; 32],
				accessor: [2; 32],
				org: 3,
				block: 40,
				action: mine,
			};
			let pallet = E {
				index,
				patient: H256([1; 32]),
				accessor: AccountId32::new([2; 32]),
				org: 3,
				block: 40u32,
				action: theirs,
			};
			assert_eq!(entry.encode(), pallet.encode());
			head = entry.chain(&head);
			on_chain = pallet.chain(&on_chain);
			assert_eq!(head, on_chain.0);
		}
	}

	#[test]
	fn a_trail_verifies_whole_and_unaltered_only() {
		let trail = trail();
		let head = verify(&[1; 32], &trail).expect("verifies");
		assert_eq!(head, trail[4].head);
		assert_eq!(verify(&[1; 32], &[]), Ok([0; 32]));
		let gap: Vec<_> = trail.iter().filter(|e| e.entry.index != 2).cloned().collect();
		assert_eq!(verify(&[1; 32], &gap), Err(TrailError::Gap { position: 1, index: 3 }));
		let mut altered = trail.clone();
		altered[2].entry.block = 41;
		assert_eq!(verify(&[1; 32], &altered), Err(TrailError::Broken(3)));
		assert_eq!(verify(&[7; 32], &trail), Err(TrailError::OtherPatient(1)));
	}

	#[test]
	fn a_bundle_reads_back_and_a_lying_field_is_caught() {
		let trail = trail();
		let through = Through { number: 44, hash: [4; 32] };
		let bundle = bundle(&[1; 32], &trail, through, 1_750_000_001_000);
		assert_eq!(bundle["entry"][0]["resource"]["recorded"], "2025-06-15T15:06:40.000Z");
		assert_eq!(
			bundle["entry"][3]["resource"]["purposeOfEvent"][0]["coding"][0]["code"],
			"ETREAT"
		);
		// Extending a window: the window's provider is a detail, not the extender's organization.
		assert_eq!(bundle["entry"][2]["resource"]["agent"].as_array().map(Vec::len), Some(1));
		let read = read(&bundle).expect("reads");
		assert_eq!(read.through, through);
		assert_eq!(read.entries, trail);
		assert_eq!((read.patient, read.head), ([1; 32], trail[4].head));
		// No entries, no `entry` (FHIR has no empty arrays), and it reads back empty.
		let empty = super::bundle(&[1; 32], &[], through, 0);
		assert_eq!(empty.get("entry"), None);
		let empty = super::read(&empty).expect("reads");
		assert_eq!((empty.entries.len(), empty.head), (0, [0; 32]));
		assert_eq!(verify(&[1; 32], &read.entries), Ok(trail[4].head));
		// Any field that says other than its entry: the record, the accessor, the kind of event,
		// the purpose (payment shown as treatment), the emergency flag, the entry's address.
		let lies: [(&str, Value); 6] = [
			("/entry/0/resource/entity/1/what/identifier/value", json!("6")),
			("/entry/1/resource/agent/0/who/identifier/value", json!(hex0x(&[3; 32]))),
			("/entry/0/resource/type/code", json!("110106")),
			("/entry/0/resource/purposeOfEvent/0/coding/0/code", json!("TREAT")),
			("/entry/3/resource/purposeOfEvent/0/coding/0/code", json!("TREAT")),
			("/entry/4/fullUrl", json!("urn:uuid:00000000-0000-8000-8000-000000000000")),
		];
		for (pointer, lie) in lies {
			let mut lying = bundle.clone();
			*lying.pointer_mut(pointer).expect("the field exists") = lie;
			assert!(
				matches!(super::read(&lying), Err(TrailError::Malformed(_))),
				"a lie at {pointer} is caught"
			);
		}
		let mut moved = bundle.clone();
		moved["meta"]["extension"][0]["valueUnsignedInt"] = json!(45);
		assert_eq!(super::read(&moved).map(|read| read.through.number).ok(), Some(45));
	}

	#[test]
	fn every_variant_of_the_inner_types_encodes_as_the_pallets() {
		use pallet_consent::Purpose as P;
		let purposes = [
			(Purpose::Treatment, P::Treatment),
			(Purpose::Payment, P::Payment),
			(Purpose::Research, P::Research),
			(Purpose::Operations, P::Operations),
		];
		for (mine, theirs) in purposes {
			assert_eq!(mine.encode(), theirs.encode());
		}
		let reasons = [
			(EmergencyReason::LifeThreatening, R::LifeThreatening),
			(EmergencyReason::UnableToConsent, R::UnableToConsent),
			(EmergencyReason::UrgentCare, R::UrgentCare),
		];
		for (mine, theirs) in reasons {
			assert_eq!(mine.encode(), theirs.encode());
		}
		for (mine, theirs) in
			[(ReviewFinding::Justified, F::Justified), (ReviewFinding::Unjustified, F::Unjustified)]
		{
			assert_eq!(mine.encode(), theirs.encode());
		}
		for (mine, theirs) in
			[(AccessBasis::Grant(7), B::Grant(7)), (AccessBasis::BreakGlass, B::BreakGlass)]
		{
			assert_eq!(mine.encode(), theirs.encode());
		}
	}
}
