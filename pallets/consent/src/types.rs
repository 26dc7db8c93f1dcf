//! The pallet's stored types and the views its runtime API returns.

use crate::{BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use medchain_primitives::{OrgId, PatientId, Purpose, RecordCategory, RecordId, RecordSubject};
use scale_info::TypeInfo;
use sp_core::H256;

/// A consent grant, numbered in order of granting.
pub type GrantId = u64;

/// A consent request, numbered in order of asking.
pub type RequestId = u64;

/// Who a grant is to (FHIR `Consent.provision.actor`).
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Grantee<AccountId> {
	/// Every account acting for this organization.
	Organization(OrgId),
	/// One account (a practitioner or a system), while it acts for an active organization.
	Member(AccountId),
}

/// Which records a grant covers (FHIR `Consent.provision.class` / `.data`).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(S))]
#[codec(mel_bound(S: Get<u32>))]
pub enum ConsentScope<S: Get<u32>> {
	/// Every record of the patient, present and future.
	All,
	/// Records of these categories.
	Categories(BoundedVec<RecordCategory, S>),
	/// These records, each with all its versions (list any version of a record).
	Records(BoundedVec<RecordId, S>),
}

/// What is accessed: records of a category (to hold them), or one anchored record (to see it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessTarget {
	/// Records of this category, e.g. a new one a provider anchors.
	Category(RecordCategory),
	/// This anchored record version.
	Record(RecordId, RecordSubject),
}

impl<S: Get<u32>> ConsentScope<S> {
	/// Whether the scope lists nothing.
	pub fn is_empty(&self) -> bool {
		match self {
			ConsentScope::All => false,
			ConsentScope::Categories(categories) => categories.is_empty(),
			ConsentScope::Records(records) => records.is_empty(),
		}
	}

	/// Whether the scope covers `target`.
	pub fn covers(&self, target: &AccessTarget) -> bool {
		match (self, target) {
			(ConsentScope::All, _) => true,
			(ConsentScope::Categories(categories), AccessTarget::Category(category)) => {
				categories.contains(category)
			}
			(ConsentScope::Categories(categories), AccessTarget::Record(_, subject)) => {
				categories.contains(&subject.category)
			}
			(ConsentScope::Records(records), AccessTarget::Record(id, subject)) => {
				records.contains(id) || records.contains(&subject.first_version)
			}
			(ConsentScope::Records(_), AccessTarget::Category(_)) => false,
		}
	}
}

/// A consent grant, as stored under its patient and grantee ([`GrantOf`]) and as the runtime
/// API returns it (in a [`GrantInfo`]).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Grant<AccountId, BlockNumber, Balance, Scope> {
	/// The grant's id.
	pub id: GrantId,
	/// Which records it covers.
	pub scope: Scope,
	/// For what purpose.
	pub purpose: Purpose,
	/// The first block it applies in.
	pub starts_at: BlockNumber,
	/// The first block it no longer applies in; `None`: until revoked.
	pub expires_at: Option<BlockNumber>,
	/// Who paid the deposit: the patient's sponsor's admin for a grant made by the patient's
	/// key or a delegate of a sponsored patient, or else whoever granted it (the patient's key,
	/// a delegate, a member of the custodian). Who granted it is in `ConsentGranted`.
	pub paid_by: AccountId,
	/// The deposit held from `paid_by`, released on revocation or clean-up.
	pub deposit: Balance,
	/// The organization it lets access: the grantee organization, or the one a member grantee
	/// acted for when it was granted. A member who moves to another organization does not take
	/// the grant along.
	pub org: OrgId,
}

/// A grant as the pallet stores it.
pub type GrantOf<T> = Grant<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	BalanceOf<T>,
	ConsentScope<<T as Config>::MaxScopeItems>,
>;

impl<AccountId, BlockNumber, Balance, S> Grant<AccountId, BlockNumber, Balance, ConsentScope<S>>
where
	BlockNumber: PartialOrd + Copy,
	S: Get<u32>,
{
	/// Whether the grant applies at block `now`.
	pub fn is_current(&self, now: BlockNumber) -> bool {
		self.starts_at <= now && self.expires_at.is_none_or(|end| now < end)
	}

	/// Whether the grant lets its grantee access `target` for `purpose` at block `now`.
	pub fn allows(&self, target: &AccessTarget, purpose: Purpose, now: BlockNumber) -> bool {
		self.purpose == purpose && self.is_current(now) && self.scope.covers(target)
	}

	/// Where the grant stands at block `now`.
	pub fn status(&self, now: BlockNumber) -> GrantStatus {
		if now < self.starts_at {
			GrantStatus::Pending
		} else if self.is_current(now) {
			GrantStatus::Active
		} else {
			GrantStatus::Expired
		}
	}
}

/// Where a grant stands at a block (FHIR `Consent.status`; revoked grants are removed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub enum GrantStatus {
	/// Not started yet.
	Pending,
	/// In force.
	Active,
	/// Past its expiry: treated as revoked; anyone may clean it up.
	Expired,
}

/// A grant as the runtime API returns it: whose, to whom, the grant, and where it stands now.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct GrantInfo<AccountId, BlockNumber, Balance, Scope> {
	/// The patient who gave it.
	pub patient: PatientId,
	/// To whom.
	pub grantee: Grantee<AccountId>,
	/// The grant, as stored.
	pub grant: Grant<AccountId, BlockNumber, Balance, Scope>,
	/// Where it stands at the block asked about.
	pub status: GrantStatus,
}

/// An organization's request for consent, waiting for the patient's answer.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, MaxEncodedLen, PartialEqNoBound, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ConsentRequest<T: Config> {
	/// Whose consent is asked.
	pub patient: PatientId,
	/// The organization that asks, and would be the grantee.
	pub org: OrgId,
	/// The account that asked and paid the deposit.
	pub requested_by: T::AccountId,
	/// Which records.
	pub scope: ConsentScope<T::MaxScopeItems>,
	/// For what purpose.
	pub purpose: Purpose,
	/// Until when the grant would apply; `None`: until revoked.
	pub expires_at: Option<BlockNumberFor<T>>,
	/// The deposit held from `requested_by` until the request is answered or withdrawn.
	pub deposit: BalanceOf<T>,
	/// The block it was made in.
	pub made_at: BlockNumberFor<T>,
	/// The first block in which it may no longer be approved: it lapses unanswered, and the
	/// deposit goes back.
	pub lapses_at: BlockNumberFor<T>,
}

/// A request as the patient's list of pending requests holds it: enough to count each
/// organization's requests and to find the lapsed ones without reading the requests.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct PendingRequest<BlockNumber> {
	/// The request.
	pub request: RequestId,
	/// The organization that asks.
	pub org: OrgId,
	/// When it lapses.
	pub lapses_at: BlockNumber,
}

/// Why a provider opened break-glass access.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum EmergencyReason {
	/// The patient's life or health is at immediate risk.
	LifeThreatening,
	/// The patient cannot consent (unconscious, incapacitated) and no delegate is reachable.
	UnableToConsent,
	/// Urgent care where waiting for consent would harm the patient.
	UrgentCare,
}

/// One break-glass window: a provider's emergency access to a patient without consent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct BreakGlass<AccountId, BlockNumber> {
	/// The provider that has access.
	pub org: OrgId,
	/// The account that opened it.
	pub opened_by: AccountId,
	/// Why.
	pub reason: EmergencyReason,
	/// The block it was opened in.
	pub opened_at: BlockNumber,
	/// The first block it no longer applies in.
	pub closes_at: BlockNumber,
	/// The access-trail entry that opened it (its key in `BreakGlassReviews`).
	pub opened: u64,
	/// Who extended it, once, by another `BreakGlassPeriod`: another member of the provider, or
	/// an auditor; never the account that opened it.
	pub extended_by: Option<AccountId>,
}

/// A break-glass window waiting for an auditor's review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct PendingReview<AccountId> {
	/// The provider that opened the window.
	pub org: OrgId,
	/// Who extended the window, if anyone did: neither that account nor (when it acted for an
	/// auditor) any account of its auditor reviews it.
	pub extended_by: Option<Extender<AccountId>>,
}

/// The second person who extended a break-glass window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Extender<AccountId> {
	/// The account.
	pub who: AccountId,
	/// The organization it acted for: the window's provider, or an auditor.
	pub acting_for: OrgId,
}

/// What an auditor found when it reviewed a break-glass window.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum ReviewFinding {
	/// The emergency justified the access.
	Justified,
	/// It did not: a matter for the consortium and the provider's regulator.
	Unjustified,
}

/// On what basis an access was allowed.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum AccessBasis {
	/// The patient's grant with this id.
	Grant(GrantId),
	/// An open break-glass window of the accessor's provider (flagged for audit).
	BreakGlass,
}

/// What an access-log entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum AccessAction<BlockNumber> {
	/// A record was accessed.
	Accessed {
		/// The record version.
		record: RecordId,
		/// Why.
		purpose: Purpose,
		/// On what basis.
		basis: AccessBasis,
	},
	/// Break-glass access was opened.
	BreakGlassOpened {
		/// Why.
		reason: EmergencyReason,
		/// The first block it no longer applies in.
		closes_at: BlockNumber,
	},
	/// An open break-glass window of `org` was extended by a second person.
	BreakGlassExtended {
		/// The provider whose window it is.
		org: OrgId,
		/// The first block it no longer applies in now.
		closes_at: BlockNumber,
	},
	/// The custodian's gateway released a record to the accessor, on the accessor's signed
	/// request.
	Released {
		/// The record version.
		record: RecordId,
		/// Why.
		purpose: Purpose,
		/// On what basis.
		basis: AccessBasis,
		/// The provider that holds the record and released it.
		custodian: OrgId,
		/// The accessor's signed request: [`ReleaseRequest::evidence`].
		evidence: H256,
	},
	/// An auditor reviewed the break-glass window opened at entry `opened` of this log.
	BreakGlassReviewed {
		/// The entry that opened the window.
		opened: u64,
		/// What the auditor found.
		finding: ReviewFinding,
	},
}

/// One entry of a patient's access log. Its SCALE encoding is what the log's hash chain hashes:
/// `head(n) = blake2-256(head(n-1) ‖ SCALE(entry n))`, with `head(0)` all zeroes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct AccessEntry<AccountId, BlockNumber> {
	/// The entry's number in the patient's log, from 1.
	pub index: u64,
	/// Whose data.
	pub patient: PatientId,
	/// The account that accessed.
	pub accessor: AccountId,
	/// The organization it acted for.
	pub org: OrgId,
	/// The block of the access.
	pub block: BlockNumber,
	/// What happened.
	pub action: AccessAction<BlockNumber>,
}

impl<AccountId: Encode, BlockNumber: Encode> AccessEntry<AccountId, BlockNumber> {
	/// The head of the hash chain after this entry, from the head before it.
	pub fn chain(&self, previous_head: &H256) -> H256 {
		let mut preimage = previous_head.as_bytes().to_vec();
		self.encode_to(&mut preimage);
		H256(sp_io::hashing::blake2_256(&preimage))
	}
}

/// A patient's access log as stored: how many entries, and the head of their hash chain. The
/// entries themselves are the events `AccessLogged`, `ReleaseLogged`, `BreakGlassOpened`,
/// `BreakGlassExtended` and `BreakGlassReviewed`: each carries all its entry holds but the block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct AccessTrail {
	/// Entries so far.
	pub count: u64,
	/// `head(count)`.
	pub head: H256,
}

/// A request to a custodian's record gateway to release one record, signed by the accessor's
/// own key. The gateway logs it on chain ([`crate::Pallet::log_release`]) before it releases
/// anything, so that the signature, not the custodian's word, says who asked.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct ReleaseRequest<AccountId> {
	/// The chain it is meant for: its genesis hash.
	pub genesis: H256,
	/// Who asks: an account acting for an active organization, whose key signs the request.
	pub accessor: AccountId,
	/// The provider asked: the record's custodian.
	pub custodian: OrgId,
	/// The record version asked for.
	pub record: RecordId,
	/// Why.
	pub purpose: Purpose,
	/// When the accessor signed it, in ms since the Unix epoch. One accessor's requests to one
	/// custodian are logged in increasing order of this time, each at most once.
	pub issued_at: u64,
	/// Chosen at random by the accessor.
	pub nonce: [u8; 32],
}

impl<AccountId: Encode> ReleaseRequest<AccountId> {
	/// What the accessor signs: a tag, so that no other signed message can pass for a
	/// request, then the request's SCALE encoding.
	pub fn signing_payload(&self) -> alloc::vec::Vec<u8> {
		let mut payload = RELEASE_REQUEST_TAG.to_vec();
		self.encode_to(&mut payload);
		payload
	}

	/// The hash that stands for the signed request in the access trail: BLAKE2-256 of the
	/// request's and the signature's SCALE encodings, one after the other.
	pub fn evidence<Signature: Encode>(&self, signature: &Signature) -> H256 {
		H256(sp_io::hashing::blake2_256(&(self, signature).encode()))
	}
}

/// The tag a signed [`ReleaseRequest`]'s payload starts with.
pub const RELEASE_REQUEST_TAG: &[u8] = b"medchain/release-request/v1:";
