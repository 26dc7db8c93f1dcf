//! Origins that say who acts for whom, so a call states what it needs in its pallet's `Config`
//! and receives it, instead of checking a signed account by hand:
//!
//! - [`EnsureMember`]: signed by an account acting for an active organization of one kind;
//!   yields `(account, organization)`.
//! - [`EnsureAdmin`]: signed by the admin of an active organization of one kind; yields
//!   `(account, organization)`.
//! - [`EnsureAnyMember`]: signed by an account acting for an active organization of any kind;
//!   yields `(account, organization, kind)`.
//! - [`EnsurePatientAgent`]: signed by an account that may act for the patient given as the
//!   call's argument, for one purpose (the patient's own key, the custodian of a custodial
//!   patient, or a delegate whose role allows it); yields the account.
//!
//! A refused origin is a `BadOrigin`; [`EnsureOriginOr`] and [`EnsureOriginWithArgOr`] turn the
//! refusal of a signed account into the pallet's own error, so a member of the wrong
//! organization learns why.

use crate::{DelegatePurpose, OrgId, OrgKind, OrganizationLookup, PatientId, PatientLookup};
use core::marker::PhantomData;
use frame_support::{
	dispatch::RawOrigin,
	traits::{EnsureOrigin, EnsureOriginWithArg, Get, OriginTrait},
};
use sp_runtime::{traits::BadOrigin, DispatchError};

/// Signed by an account acting for an active organization of kind `Kind`; yields the account and
/// the organization.
pub struct EnsureMember<AccountId, Organizations, Kind>(
	PhantomData<(AccountId, Organizations, Kind)>,
);

impl<O, AccountId, Organizations, Kind> EnsureOrigin<O>
	for EnsureMember<AccountId, Organizations, Kind>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	Organizations: OrganizationLookup<AccountId>,
	Kind: Get<OrgKind>,
{
	type Success = (AccountId, OrgId);

	fn try_origin(o: O) -> Result<Self::Success, O> {
		let who = signed(o)?;
		match Organizations::acting_for(&who, Kind::get()) {
			Some(org) => Ok((who, org)),
			None => Err(RawOrigin::Signed(who).into()),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Err(())
	}
}

/// Signed by the admin of an active organization of kind `Kind`: what a single member may not
/// decide alone for its organization. Yields the account and the organization.
pub struct EnsureAdmin<AccountId, Organizations, Kind>(
	PhantomData<(AccountId, Organizations, Kind)>,
);

impl<O, AccountId, Organizations, Kind> EnsureOrigin<O>
	for EnsureAdmin<AccountId, Organizations, Kind>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	Organizations: OrganizationLookup<AccountId>,
	Kind: Get<OrgKind>,
{
	type Success = (AccountId, OrgId);

	fn try_origin(o: O) -> Result<Self::Success, O> {
		let who = signed(o)?;
		match Organizations::acting_for(&who, Kind::get()) {
			Some(org) if Organizations::is_admin(&who, org) => Ok((who, org)),
			_ => Err(RawOrigin::Signed(who).into()),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Err(())
	}
}

/// Signed by an account acting for an active organization, of whatever kind; yields the account,
/// the organization and its kind.
pub struct EnsureAnyMember<AccountId, Organizations>(PhantomData<(AccountId, Organizations)>);

impl<O, AccountId, Organizations> EnsureOrigin<O> for EnsureAnyMember<AccountId, Organizations>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	Organizations: OrganizationLookup<AccountId>,
{
	type Success = (AccountId, OrgId, OrgKind);

	fn try_origin(o: O) -> Result<Self::Success, O> {
		let who = signed(o)?;
		match Organizations::organization_of(&who) {
			Some((org, kind)) => Ok((who, org, kind)),
			None => Err(RawOrigin::Signed(who).into()),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Err(())
	}
}

/// Signed by an account that may act for the active patient given as the argument for
/// `Purpose` (see [`PatientLookup::can_act_for`]); yields the account.
pub struct EnsurePatientAgent<AccountId, Patients, Purpose>(
	PhantomData<(AccountId, Patients, Purpose)>,
);

impl<O, AccountId, Patients, Purpose> EnsureOriginWithArg<O, PatientId>
	for EnsurePatientAgent<AccountId, Patients, Purpose>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	Patients: PatientLookup<AccountId>,
	Purpose: Get<DelegatePurpose>,
{
	type Success = AccountId;

	fn try_origin(o: O, patient: &PatientId) -> Result<Self::Success, O> {
		let who = signed(o)?;
		if Patients::can_act_for(patient, &who, Purpose::get()) {
			Ok(who)
		} else {
			Err(RawOrigin::Signed(who).into())
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_: &PatientId) -> Result<O, ()> {
		Err(())
	}
}

/// The account that signed `o`, or `o` back.
fn signed<O, AccountId>(o: O) -> Result<AccountId, O>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
{
	match o.into() {
		Ok(RawOrigin::Signed(who)) => Ok(who),
		Ok(other) => Err(other.into()),
		Err(o) => Err(o),
	}
}

/// An [`EnsureOrigin`] whose refusal of a signed account is the calling pallet's own error
/// (`NotProvider`, …), so the account learns why; any other origin is a `BadOrigin`.
pub trait EnsureOriginOr<O>: EnsureOrigin<O> {
	/// What the origin yields, or `error` if a signed account is not who it needs.
	fn ensure_or(o: O, error: impl Into<DispatchError>) -> Result<Self::Success, DispatchError>;
}

impl<O: OriginTrait, E: EnsureOrigin<O>> EnsureOriginOr<O> for E {
	fn ensure_or(o: O, error: impl Into<DispatchError>) -> Result<Self::Success, DispatchError> {
		E::try_origin(o).map_err(|o| refusal(&o, error))
	}
}

/// An [`EnsureOriginWithArg`] whose refusal of a signed account is the calling pallet's own
/// error; any other origin is a `BadOrigin`.
pub trait EnsureOriginWithArgOr<O, Argument>: EnsureOriginWithArg<O, Argument> {
	/// What the origin yields for `argument`, or `error` if a signed account is not who it
	/// needs.
	fn ensure_or(
		o: O,
		argument: &Argument,
		error: impl Into<DispatchError>,
	) -> Result<Self::Success, DispatchError>;
}

impl<O: OriginTrait, Argument, E: EnsureOriginWithArg<O, Argument>>
	EnsureOriginWithArgOr<O, Argument> for E
{
	fn ensure_or(
		o: O,
		argument: &Argument,
		error: impl Into<DispatchError>,
	) -> Result<Self::Success, DispatchError> {
		E::try_origin(o, argument).map_err(|o| refusal(&o, error))
	}
}

/// `error` for a refused signed origin, `BadOrigin` for any other.
fn refusal<O: OriginTrait>(o: &O, error: impl Into<DispatchError>) -> DispatchError {
	match o.as_signer() {
		Some(_) => error.into(),
		None => BadOrigin.into(),
	}
}

/// The kinds of organization, as the `Kind` of [`EnsureMember`].
pub mod kind {
	use crate::OrgKind;
	use frame_support::traits::Get;

	/// A provider.
	pub struct Provider;
	impl Get<OrgKind> for Provider {
		fn get() -> OrgKind {
			OrgKind::Provider
		}
	}

	/// A payer.
	pub struct Payer;
	impl Get<OrgKind> for Payer {
		fn get() -> OrgKind {
			OrgKind::Payer
		}
	}
}

/// The purposes a delegate acts for, as the `Purpose` of [`EnsurePatientAgent`].
pub mod purpose {
	use crate::DelegatePurpose;
	use frame_support::traits::Get;

	/// Grant, revoke and answer requests for consent.
	pub struct ManageConsent;
	impl Get<DelegatePurpose> for ManageConsent {
		fn get() -> DelegatePurpose {
			DelegatePurpose::ManageConsent
		}
	}

	/// Pay the patient's share of claims.
	pub struct Pay;
	impl Get<DelegatePurpose> for Pay {
		fn get() -> DelegatePurpose {
			DelegatePurpose::Pay
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	type Origin = RawOriginWrapper;

	/// An outer origin as a runtime has one: the system origin and nothing else.
	#[derive(Debug, PartialEq)]
	pub struct RawOriginWrapper(RawOrigin<u64>);
	impl From<RawOrigin<u64>> for RawOriginWrapper {
		fn from(o: RawOrigin<u64>) -> Self {
			Self(o)
		}
	}
	impl From<RawOriginWrapper> for Result<RawOrigin<u64>, RawOriginWrapper> {
		fn from(o: RawOriginWrapper) -> Self {
			Ok(o.0)
		}
	}

	/// Account 1 acts for provider 7, account 2 for payer 8, account 6 is provider 7's admin;
	/// patient 0x01 is account 3's own, and account 4 may only see the patient's records.
	struct World;
	impl OrganizationLookup<u64> for World {
		fn organization_of(who: &u64) -> Option<(OrgId, OrgKind)> {
			match who {
				1 | 6 => Some((7, OrgKind::Provider)),
				2 => Some((8, OrgKind::Payer)),
				_ => None,
			}
		}
		fn is_admin(who: &u64, org: OrgId) -> bool {
			(*who, org) == (6, 7)
		}
		fn active_kind(org: OrgId) -> Option<OrgKind> {
			match org {
				7 => Some(OrgKind::Provider),
				8 => Some(OrgKind::Payer),
				_ => None,
			}
		}
	}
	impl PatientLookup<u64> for World {
		fn patient_of(who: &u64) -> Option<PatientId> {
			(*who == 3).then(|| PatientId::repeat_byte(1))
		}
		fn is_active_patient(patient: &PatientId) -> bool {
			*patient == PatientId::repeat_byte(1)
		}
		fn can_act_for(patient: &PatientId, who: &u64, purpose: DelegatePurpose) -> bool {
			Self::is_active_patient(patient)
				&& (*who == 3 || (*who == 4 && purpose == DelegatePurpose::ViewRecords))
		}
		fn custodian_of(_: &PatientId) -> Option<OrgId> {
			None
		}
		fn deposit_payer(_: &PatientId, who: &u64) -> u64 {
			*who
		}
	}

	fn signed(who: u64) -> Origin {
		RawOrigin::Signed(who).into()
	}

	#[test]
	fn a_member_origin_yields_the_account_and_its_organization_of_that_kind_only() {
		type Provider = EnsureMember<u64, World, kind::Provider>;
		type Payer = EnsureMember<u64, World, kind::Payer>;
		assert_eq!(<Provider as EnsureOrigin<Origin>>::try_origin(signed(1)), Ok((1, 7)));
		assert_eq!(<Payer as EnsureOrigin<Origin>>::try_origin(signed(2)), Ok((2, 8)));
		assert_eq!(<Payer as EnsureOrigin<Origin>>::try_origin(signed(1)), Err(signed(1)));
		assert_eq!(<Provider as EnsureOrigin<Origin>>::try_origin(signed(5)), Err(signed(5)));
		assert_eq!(
			<Provider as EnsureOrigin<Origin>>::try_origin(RawOrigin::Root.into()),
			Err(RawOrigin::Root.into())
		);
		type Any = EnsureAnyMember<u64, World>;
		assert_eq!(
			<Any as EnsureOrigin<Origin>>::try_origin(signed(2)),
			Ok((2, 8, OrgKind::Payer))
		);
		assert_eq!(<Any as EnsureOrigin<Origin>>::try_origin(signed(5)), Err(signed(5)));
	}

	#[test]
	fn an_admin_origin_refuses_the_organizations_members() {
		type Admin = EnsureAdmin<u64, World, kind::Provider>;
		type PayerAdmin = EnsureAdmin<u64, World, kind::Payer>;
		assert_eq!(<Admin as EnsureOrigin<Origin>>::try_origin(signed(6)), Ok((6, 7)));
		assert_eq!(<Admin as EnsureOrigin<Origin>>::try_origin(signed(1)), Err(signed(1)));
		assert_eq!(<PayerAdmin as EnsureOrigin<Origin>>::try_origin(signed(6)), Err(signed(6)));
	}

	#[test]
	fn a_patient_agent_origin_checks_the_purpose_for_that_patient() {
		type Manager = EnsurePatientAgent<u64, World, purpose::ManageConsent>;
		let alice = PatientId::repeat_byte(1);
		let nobody = PatientId::repeat_byte(2);
		assert_eq!(
			<Manager as EnsureOriginWithArg<Origin, _>>::try_origin(signed(3), &alice),
			Ok(3)
		);
		assert_eq!(
			<Manager as EnsureOriginWithArg<Origin, _>>::try_origin(signed(4), &alice),
			Err(signed(4))
		);
		assert_eq!(
			<Manager as EnsureOriginWithArg<Origin, _>>::try_origin(signed(3), &nobody),
			Err(signed(3))
		);
	}
}
