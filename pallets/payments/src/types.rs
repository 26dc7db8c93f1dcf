//! The pallet's stored types, with their pure rules.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use medchain_primitives::{OrgId, PatientId};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::traits::{CheckedAdd, Zero};

/// A claim, numbered in order of submission.
pub type ClaimId = u64;

/// One line of a claim as the chain keeps it (FHIR `Claim.item`): what settlement and audit need,
/// and nothing that says what the service was. The coded service, quantity and unit price stay in
/// the claim document the provider sends the payer off chain; the chain holds a salted
/// commitment to them ([`crate::commitment`]), which the payer checks the document against before
/// it adjudicates.
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
pub struct ClaimLine<Balance> {
	/// `blake2-256("medchain/claim-line/v1" ‖ salt ‖ service ‖ quantity ‖ unit price)`.
	pub commitment: H256,
	/// What the line bills: quantity × unit price (FHIR `Claim.item.net`).
	pub amount: Balance,
}

/// The sum of `amounts`, or `None` on overflow.
pub fn checked_sum<Balance: CheckedAdd + Zero>(
	amounts: impl IntoIterator<Item = Balance>,
) -> Option<Balance> {
	amounts.into_iter().try_fold(Balance::zero(), |sum, amount| sum.checked_add(&amount))
}

/// Why a payer denied a claim (FHIR `ClaimResponse.error` / adjudication reason).
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
pub enum DenialReason {
	/// The services are not covered by the patient's plan.
	NotCovered,
	/// The patient was not covered by the payer when served.
	PatientNotEligible,
	/// The cited records do not support the claim.
	MissingEvidence,
	/// The same services were already claimed.
	Duplicate,
	/// The services were not medically necessary.
	NotMedicallyNecessary,
	/// The services needed prior authorization.
	NoPriorAuthorization,
	/// The claim was filed too late.
	LateFiling,
	/// The service codes are wrong or inconsistent.
	CodingError,
}

/// Which parts of an approved claim wait for payment. Nothing left to pay is not an approval
/// but [`ClaimStatus::Settled`].
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
pub enum Unpaid {
	/// The payer's amount and the patient's share.
	Both,
	/// The payer's amount only.
	Payer,
	/// The patient's share only.
	Patient,
}

impl Unpaid {
	/// What waits once the payer's amount is paid, or `None` if nothing does.
	pub fn payer_paid(self) -> Option<Self> {
		match self {
			Self::Both | Self::Patient => Some(Self::Patient),
			Self::Payer => None,
		}
	}

	/// What waits once the patient's share is paid, or `None` if nothing does.
	pub fn patient_paid(self) -> Option<Self> {
		match self {
			Self::Both | Self::Payer => Some(Self::Payer),
			Self::Patient => None,
		}
	}

	/// What waits of an approval that splits into `payer_amount` and `patient_amount`: each part
	/// that is not zero; `None` if both are.
	pub fn of(payer_amount_is_zero: bool, patient_amount_is_zero: bool) -> Option<Self> {
		match (payer_amount_is_zero, patient_amount_is_zero) {
			(false, false) => Some(Self::Both),
			(false, true) => Some(Self::Payer),
			(true, false) => Some(Self::Patient),
			(true, true) => None,
		}
	}

	/// Whether the payer's amount waits.
	pub fn payer(self) -> bool {
		self != Self::Patient
	}

	/// Whether the patient's share waits.
	pub fn patient(self) -> bool {
		self != Self::Payer
	}
}

/// The payer's decision to pay a claim (or, billed to the patient alone, the provider's bill
/// itself): the amount allowed on each line and who pays what of it (FHIR
/// `ClaimResponse.item.adjudication`).
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, MaxEncodedLen, PartialEqNoBound, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(MaxLines))]
#[codec(mel_bound(Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Approval<Balance, BlockNumber, MaxLines>
where
	Balance: Clone + Eq + Debug,
	BlockNumber: Clone + Eq + Debug,
	MaxLines: Get<u32>,
{
	/// The block of the decision.
	pub decided_at: BlockNumber,
	/// The amount allowed on each line, in line order, each at most the line's amount.
	pub allowed: BoundedVec<Balance, MaxLines>,
	/// What the payer pays, from its escrow.
	pub payer_amount: Balance,
	/// What the patient pays: co-pay, co-insurance or deductible.
	pub patient_amount: Balance,
}

/// Where a claim stands (FHIR `ClaimResponse.outcome` and `Claim.status`), with what each state
/// needs and nothing else: a state that cannot be reached cannot be written.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, MaxEncodedLen, PartialEqNoBound, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(MaxLines))]
#[codec(mel_bound(Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub enum ClaimStatus<Balance, BlockNumber, MaxLines>
where
	Balance: Clone + Eq + Debug,
	BlockNumber: Clone + Eq + Debug,
	MaxLines: Get<u32>,
{
	/// Waiting for the payer's decision, due by `due_at`.
	Submitted {
		/// The first block in which it is overdue if still undecided.
		due_at: BlockNumber,
		/// Whether it was flagged overdue.
		overdue: bool,
		/// Whether this is a decision on appeal (a denial then is final).
		appealed: bool,
	},
	/// Approved (or billed to the patient alone): `unpaid` parts wait for payment.
	Approved { approval: Approval<Balance, BlockNumber, MaxLines>, unpaid: Unpaid },
	/// Denied. The provider may appeal once, before `appeal_closes_at` (`None`: the denial was
	/// on appeal, and is final).
	Denied { decided_at: BlockNumber, reason: DenialReason, appeal_closes_at: Option<BlockNumber> },
	/// Withdrawn by the provider before a decision (or, billed to the patient alone, before
	/// payment), in block `at`.
	Withdrawn { at: BlockNumber },
	/// Approved and paid in full (closed), in block `at`.
	Settled { approval: Approval<Balance, BlockNumber, MaxLines>, at: BlockNumber },
}

/// A claim: a provider's bill for services to a patient, to a payer, to the patient, or both.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, MaxEncodedLen, PartialEqNoBound, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(MaxLines, MaxEvidence))]
#[codec(mel_bound(
	AccountId: MaxEncodedLen,
	Balance: MaxEncodedLen,
	BlockNumber: MaxEncodedLen
))]
pub struct Claim<AccountId, Balance, BlockNumber, MaxLines, MaxEvidence>
where
	AccountId: Clone + Eq + Debug,
	Balance: Clone + Eq + Debug,
	BlockNumber: Clone + Eq + Debug,
	MaxLines: Get<u32>,
	MaxEvidence: Get<u32>,
{
	/// The provider that billed.
	pub provider: OrgId,
	/// The provider's account that receives the payments (the provider's admin may change it
	/// while the claim is open).
	pub payee: AccountId,
	/// The payer billed; `None`: the patient alone pays.
	pub payer: Option<OrgId>,
	/// The patient served.
	pub patient: PatientId,
	/// The services billed.
	pub lines: BoundedVec<ClaimLine<Balance>, MaxLines>,
	/// The sum of the lines.
	pub total: Balance,
	/// Content hashes of the provider's own anchored records of the patient that support the
	/// claim (at least one).
	pub evidence: BoundedVec<H256, MaxEvidence>,
	/// The block it was submitted in.
	pub submitted_at: BlockNumber,
	/// Where it stands.
	pub status: ClaimStatus<Balance, BlockNumber, MaxLines>,
}

impl<AccountId, Balance, BlockNumber, MaxLines, MaxEvidence>
	Claim<AccountId, Balance, BlockNumber, MaxLines, MaxEvidence>
where
	AccountId: Clone + Eq + Debug,
	Balance: Clone + Eq + Debug,
	BlockNumber: Clone + Eq + Debug,
	MaxLines: Get<u32>,
	MaxEvidence: Get<u32>,
{
	/// Whether the provider may still withdraw it: no decision yet, or billed to the patient
	/// alone and not paid.
	pub fn may_withdraw(&self) -> bool {
		match self.status {
			ClaimStatus::Submitted { .. } => true,
			ClaimStatus::Approved { .. } => self.payer.is_none(),
			_ => false,
		}
	}

	/// Whether it is still open for the provider: undecided, or approved and not paid in full.
	pub fn is_open(&self) -> bool {
		matches!(self.status, ClaimStatus::Submitted { .. } | ClaimStatus::Approved { .. })
	}

	/// Whether it waits for its payer: a decision, or the payment of the payer's amount.
	pub fn awaits_payer(&self) -> bool {
		self.payer.is_some()
			&& match self.status {
				ClaimStatus::Submitted { .. } => true,
				ClaimStatus::Approved { unpaid, .. } => unpaid.payer(),
				_ => false,
			}
	}
}

/// A payer's escrow: funds held from one account of the payer (its funder), part of them
/// committed to approved claims not yet paid.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Escrow<AccountId, Balance> {
	/// The account the funds are held from.
	pub funder: AccountId,
	/// How much is held.
	pub held: Balance,
	/// How much of it approved claims will take.
	pub committed: Balance,
}

impl<AccountId, Balance: Copy + PartialOrd + sp_runtime::traits::Saturating>
	Escrow<AccountId, Balance>
{
	/// What is held and not committed.
	pub fn available(&self) -> Balance {
		self.held.saturating_sub(self.committed)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn sums_are_checked() {
		assert_eq!(checked_sum([1u64, 2, 3]), Some(6));
		assert_eq!(checked_sum([u64::MAX, 1]), None);
	}

	#[test]
	fn paying_one_part_leaves_the_other_and_paying_both_leaves_nothing() {
		assert_eq!(Unpaid::Both.payer_paid(), Some(Unpaid::Patient));
		assert_eq!(Unpaid::Both.patient_paid(), Some(Unpaid::Payer));
		assert_eq!(Unpaid::Payer.payer_paid(), None);
		assert_eq!(Unpaid::Patient.patient_paid(), None);
		assert_eq!(Unpaid::Patient.payer_paid(), Some(Unpaid::Patient));
		assert_eq!(Unpaid::Payer.patient_paid(), Some(Unpaid::Payer));
		assert_eq!(Unpaid::of(false, false), Some(Unpaid::Both));
		assert_eq!(Unpaid::of(true, false), Some(Unpaid::Patient));
		assert_eq!(Unpaid::of(false, true), Some(Unpaid::Payer));
		assert_eq!(Unpaid::of(true, true), None);
	}

	#[test]
	fn escrow_available_is_held_minus_committed() {
		let escrow = Escrow { funder: 1u64, held: 10u64, committed: 4 };
		assert_eq!(escrow.available(), 6);
	}
}
