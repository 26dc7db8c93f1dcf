//! Who pays a transaction's fee: its signer, or, for a patient's own call about their care, the
//! patient's sponsor (`pallet-patients`' sponsorship: the provider that onboarded the patient),
//! up to the patient's quota of sponsored calls per period. So a patient's key, a delegate or the
//! account offered control need no funds, and no transfer links them to a person's account.
//!
//! [`ChargeSponsorOrSigner`] wraps FRAME's `ChargeTransactionPayment`: the fee, its adjustment
//! after dispatch, the burn and the tip are that extension's; only the account charged differs.

use super::admission::Refusal;
use crate::{AccountId, Consent, Patients, Runtime, RuntimeCall, RuntimeOrigin};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::{DispatchResult, PostDispatchInfo},
	pallet_prelude::TransactionSource,
	weights::Weight,
};
use medchain_primitives::{OrgId, PatientId};
use pallet_patients::{CareCall, Sponsorship};
use pallet_transaction_payment::ChargeTransactionPayment;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{DispatchInfoOf, Implication, RefundWeight, TransactionExtension, ValidateResult},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};

/// A patient's own call about their care, and how it names the patient: granting or revoking
/// consent, answering a request, setting the commitment, adding or removing a delegate, offering,
/// withdrawing or accepting control, deactivating.
enum PatientCall {
	/// A call of `Patients`, naming the patient, and what it asks of its signer.
	Patients(PatientId, CareCall<AccountId>),
	/// A call of `Consent`, naming the patient or a grant or request of theirs.
	Consent(pallet_consent::PatientOfCall),
}

impl PatientCall {
	/// The patient's own call `call` is, if it is one. Reads nothing.
	fn of(call: &RuntimeCall) -> Option<Self> {
		match call {
			RuntimeCall::Patients(call) => {
				Patients::patient_of_call(call).map(|(patient, care)| Self::Patients(patient, care))
			}
			RuntimeCall::Consent(call) => Consent::patient_of_call(call).map(Self::Consent),
			_ => None,
		}
	}

	/// The patient, and what the call asks of its signer (for a grant or a request, one read).
	fn patient(self) -> Option<(PatientId, CareCall<AccountId>)> {
		match self {
			Self::Patients(patient, care) => Some((patient, care)),
			Self::Consent(of) => {
				of.patient::<Runtime>().map(|patient| (patient, CareCall::Consent))
			}
		}
	}
}

/// `ChargeTransactionPayment`, charging the patient's sponsor instead of the signer for a
/// patient's own call about their care when `pallet_patients::Pallet::sponsor_of_call` says the
/// sponsor pays (the signer may make the call, and the quota is not used), and the call carries
/// no tip. Each such call counts against the patient's quota
/// when it is prepared for a block, whether it then succeeds or fails.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
pub struct ChargeSponsorOrSigner(pub ChargeTransactionPayment<Runtime>);

impl ChargeSponsorOrSigner {
	/// The extension with `tip` for the block's author (paid by the signer: a call with a tip is
	/// never sponsored).
	pub fn from(tip: crate::Balance) -> Self {
		Self(ChargeTransactionPayment::from(tip))
	}
}

impl core::fmt::Debug for ChargeSponsorOrSigner {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "ChargeSponsorOrSigner({:?})", self.0)
	}
}

/// What finding the payer of a patient's own call costs beyond `ChargeTransactionPayment`: the
/// call's grant or request (consent), the patient, the offer of control, the sponsor and the
/// quota are read; the quota is written when the sponsor pays. Other calls cost nothing more.
fn sponsorship_weight(call: &RuntimeCall) -> Weight {
	match PatientCall::of(call) {
		Some(_) => <Runtime as frame_system::Config>::DbWeight::get().reads_writes(5, 1),
		None => Weight::zero(),
	}
}

/// The write of the quota, refunded when the signer of a patient's own call pays.
fn quota_write() -> Weight {
	<Runtime as frame_system::Config>::DbWeight::get().writes(1)
}

type Inner = ChargeTransactionPayment<Runtime>;

impl TransactionExtension<RuntimeCall> for ChargeSponsorOrSigner {
	/// The identifier of the extension it wraps, whose encoding (a compact tip) it keeps: wallets
	/// and clients (polkadot.js, subxt) build and sign it as they do that one.
	const IDENTIFIER: &'static str = <Inner as TransactionExtension<RuntimeCall>>::IDENTIFIER;
	type Implicit = ();
	/// The patient and sponsor, if the sponsor pays; and what `ChargeTransactionPayment`
	/// validated (naming the account it charges).
	type Val = (Option<(PatientId, OrgId)>, <Inner as TransactionExtension<RuntimeCall>>::Val);
	/// The weight of [`Self::weight`] left unused (the quota's write, when the signer of a
	/// patient's own call pays); and what `ChargeTransactionPayment` prepared.
	type Pre = (Weight, <Inner as TransactionExtension<RuntimeCall>>::Pre);

	fn weight(&self, call: &RuntimeCall) -> Weight {
		self.0.weight(call).saturating_add(sponsorship_weight(call))
	}

	fn validate(
		&self,
		origin: RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
		_self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		let sponsorship = match frame_system::ensure_signed(origin.clone()) {
			Ok(who) if self.0.tip() == 0 => PatientCall::of(call)
				.and_then(PatientCall::patient)
				.map(|(patient, care)| (patient, Patients::sponsor_of_call(&who, &patient, &care))),
			_ => None,
		};
		let cannot_pay = |refusal: Refusal| {
			move |error: TransactionValidityError| match error {
				TransactionValidityError::Invalid(InvalidTransaction::Payment) => {
					InvalidTransaction::from(refusal).into()
				}
				other => other,
			}
		};
		match sponsorship {
			Some((patient, Sponsorship::Paid { org, admin })) => {
				let (validity, val, _) = self
					.0
					.validate(
						RuntimeOrigin::signed(admin),
						call,
						info,
						len,
						(),
						inherited_implication,
						source,
					)
					.map_err(cannot_pay(Refusal::SponsorCannotPay))?;
				Ok((validity, (Some((patient, org)), val), origin))
			}
			other => {
				let validated =
					self.0.validate(origin, call, info, len, (), inherited_implication, source);
				let (validity, val, origin) = match other {
					Some((_, Sponsorship::QuotaUsed)) => {
						validated.map_err(cannot_pay(Refusal::SponsoredCallsUsed))?
					}
					_ => validated?,
				};
				Ok((validity, (None, val), origin))
			}
		}
	}

	fn prepare(
		self,
		(sponsored, val): Self::Val,
		origin: &RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		// Charges the account `val` names: the sponsor's admin, or the signer.
		let pre = self.0.prepare(val, origin, call, info, len)?;
		if let Some((patient, org)) = sponsored {
			Patients::note_sponsored_call(&patient, org);
		}
		let unspent = match sponsored {
			None if PatientCall::of(call).is_some() => quota_write(),
			_ => Weight::zero(),
		};
		Ok((unspent, pre))
	}

	fn post_dispatch_details(
		(unspent, pre): Self::Pre,
		info: &DispatchInfoOf<RuntimeCall>,
		post_info: &PostDispatchInfo,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		// Refunded before the fee is computed from the weight used, so that the fee does not
		// count it.
		let mut used = *post_info;
		used.refund(unspent);
		let refund = Inner::post_dispatch_details(pre, info, &used, len, result)?;
		Ok(refund.saturating_add(unspent))
	}
}
