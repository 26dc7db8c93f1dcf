//! One test world for the medical pallets' mocks (feature `test-utils`): the organizations,
//! their members, the patients, the anchored records and the consents that a pallet under test
//! sees through the lookups of [`crate::traits`], kept in memory for the test's thread.
//!
//! A pallet's mock builds its runtime as usual and plugs [`MockWorld`] in wherever its `Config`
//! wants another pallet (`Patients`, `Organizations`, `Records`, `Consent`, and the origins of
//! [`crate::origins`] over it). Its `ExtBuilder` holds a [`World`], implements [`BuildWorld`] so
//! tests add what they need (`with_provider`, `with_patient`, `with_grant`, …), and installs the
//! world when it builds the externalities. During a test, [`MockWorld`]'s functions change it
//! (`suspend`, `deactivate`, `revoke`, …).

use crate::{
	ConsentCheck, DelegatePurpose, DelegateRole, Hash, OrgId, OrgKind, OrganizationLookup,
	PatientId, PatientLookup, Purpose, RecordCategory, RecordId, RecordLookup, RecordSubject,
};
use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
};

/// The accounts of the mocks.
pub type AccountId = u64;

/// A patient as the world knows it.
#[derive(Clone, Debug, Default)]
pub struct MockPatient {
	/// The patient's own key, if they hold one.
	pub key: Option<AccountId>,
	/// The provider that manages a custodial patient.
	pub custodian: Option<OrgId>,
	/// The patient's delegates and their roles.
	pub delegates: Vec<(AccountId, DelegateRole)>,
	/// The provider that onboarded the patient and pays the deposits of their keys.
	pub sponsor: Option<OrgId>,
}

/// What the pallet under test sees of the others.
#[derive(Clone, Debug, Default)]
pub struct World {
	/// Organizations: kind, and whether active.
	organizations: BTreeMap<OrgId, (OrgKind, bool)>,
	/// Who acts for which organization.
	members: BTreeMap<AccountId, OrgId>,
	/// Each organization's admin: the first account it was added with.
	admins: BTreeMap<OrgId, AccountId>,
	/// The active patients.
	patients: BTreeMap<PatientId, MockPatient>,
	/// Anchored records: content hash and subject.
	records: BTreeMap<RecordId, (Hash, RecordSubject)>,
	/// Consents: patient, organization, the record (or every record), purpose.
	grants: BTreeSet<(PatientId, OrgId, Option<RecordId>, Purpose)>,
}

thread_local! {
	static WORLD: RefCell<World> = RefCell::new(World::default());
}

impl World {
	/// Make this the world the lookups see on this thread.
	pub fn install(self) {
		WORLD.with(|world| *world.borrow_mut() = self);
	}

	/// An active organization of `kind`, with `members` acting for it; the first is its admin.
	pub fn add_organization(&mut self, org: OrgId, kind: OrgKind, members: &[AccountId]) {
		self.organizations.insert(org, (kind, true));
		if let Some(admin) = members.first() {
			self.admins.entry(org).or_insert(*admin);
		}
		self.members.extend(members.iter().map(|member| (*member, org)));
	}

	/// An active patient.
	pub fn add_patient(&mut self, patient: PatientId, known: MockPatient) {
		self.patients.insert(patient, known);
	}

	/// An anchored record with its content hash.
	pub fn add_record(&mut self, record: RecordId, hash: Hash, subject: RecordSubject) {
		self.records.insert(record, (hash, subject));
	}

	/// Consent for `org` to hold or see, for `purpose`, the patient's `record` (`None`: every
	/// record).
	pub fn add_grant(
		&mut self,
		patient: PatientId,
		org: OrgId,
		record: Option<RecordId>,
		purpose: Purpose,
	) {
		self.grants.insert((patient, org, record, purpose));
	}
}

/// Building a [`World`] step by step: what a mock's `ExtBuilder` offers its tests.
pub trait BuildWorld: Sized {
	/// The world being built.
	fn world(&mut self) -> &mut World;

	/// An active provider with `members` acting for it; the first is its admin.
	fn with_provider(mut self, org: OrgId, members: &[AccountId]) -> Self {
		self.world().add_organization(org, OrgKind::Provider, members);
		self
	}

	/// An active payer with `members` acting for it; the first is its admin.
	fn with_payer(mut self, org: OrgId, members: &[AccountId]) -> Self {
		self.world().add_organization(org, OrgKind::Payer, members);
		self
	}

	/// An active auditor with `members` acting for it; the first is its admin.
	fn with_auditor(mut self, org: OrgId, members: &[AccountId]) -> Self {
		self.world().add_organization(org, OrgKind::Auditor, members);
		self
	}

	/// An active patient with their own key.
	fn with_patient(mut self, patient: PatientId, key: AccountId) -> Self {
		self.world().add_patient(patient, MockPatient { key: Some(key), ..Default::default() });
		self
	}

	/// An active patient managed by the provider `custodian`.
	fn with_custodial_patient(mut self, patient: PatientId, custodian: OrgId) -> Self {
		self.world().add_patient(
			patient,
			MockPatient {
				custodian: Some(custodian),
				sponsor: Some(custodian),
				..Default::default()
			},
		);
		self
	}

	/// An active patient with their own key, onboarded by the provider `sponsor`, whose admin
	/// pays the deposits of the patient's keys.
	fn with_sponsored_patient(
		mut self,
		patient: PatientId,
		key: AccountId,
		sponsor: OrgId,
	) -> Self {
		self.world().add_patient(
			patient,
			MockPatient { key: Some(key), sponsor: Some(sponsor), ..Default::default() },
		);
		self
	}

	/// A delegate of an active patient (added before).
	fn with_delegate(
		mut self,
		patient: PatientId,
		delegate: AccountId,
		role: DelegateRole,
	) -> Self {
		let known = self.world().patients.get_mut(&patient).expect("the patient is added first");
		known.delegates.push((delegate, role));
		self
	}

	/// An anchored record with its content hash.
	fn with_record(mut self, record: RecordId, hash: Hash, subject: RecordSubject) -> Self {
		self.world().add_record(record, hash, subject);
		self
	}

	/// Consent for `org` to hold or see every record of the patient, for `purpose`.
	fn with_grant(mut self, patient: PatientId, org: OrgId, purpose: Purpose) -> Self {
		self.world().add_grant(patient, org, None, purpose);
		self
	}

	/// Consent for `org` to see one record of the patient, for `purpose`.
	fn with_record_grant(
		mut self,
		patient: PatientId,
		org: OrgId,
		record: RecordId,
		purpose: Purpose,
	) -> Self {
		self.world().add_grant(patient, org, Some(record), purpose);
		self
	}
}

impl BuildWorld for World {
	fn world(&mut self) -> &mut World {
		self
	}
}

/// The installed world, as the lookups of [`crate::traits`]; and the changes a test makes to it.
pub struct MockWorld;

impl MockWorld {
	/// Read the installed world.
	fn read<R>(f: impl FnOnce(&World) -> R) -> R {
		WORLD.with(|world| f(&world.borrow()))
	}

	/// Change the installed world.
	pub fn edit<R>(f: impl FnOnce(&mut World) -> R) -> R {
		WORLD.with(|world| f(&mut world.borrow_mut()))
	}

	/// Suspend an organization: nobody acts for it until it is reactivated.
	pub fn suspend(org: OrgId) {
		Self::edit(|world| {
			if let Some((_, active)) = world.organizations.get_mut(&org) {
				*active = false;
			}
		});
	}

	/// Reactivate a suspended organization.
	pub fn reactivate(org: OrgId) {
		Self::edit(|world| {
			if let Some((_, active)) = world.organizations.get_mut(&org) {
				*active = true;
			}
		});
	}

	/// Deactivate a patient: nobody acts for them, no consent covers them.
	pub fn deactivate(patient: PatientId) {
		Self::edit(|world| world.patients.remove(&patient));
	}

	/// Retract an anchored record: it stays known, marked retracted.
	pub fn retract(record: RecordId) {
		Self::edit(|world| {
			if let Some((_, subject)) = world.records.get_mut(&record) {
				subject.retracted = true;
			}
		});
	}

	/// Revoke every consent the patient gave `org`.
	pub fn revoke(patient: PatientId, org: OrgId) {
		Self::edit(|world| world.grants.retain(|(p, o, _, _)| (*p, *o) != (patient, org)));
	}

	/// The organization `who` acts for, active or not.
	pub fn member_of(who: &AccountId) -> Option<OrgId> {
		Self::read(|world| world.members.get(who).copied())
	}

	/// How many records are anchored.
	pub fn record_count() -> usize {
		Self::read(|world| world.records.len())
	}

	/// Whether a consent of the patient to `org` for `purpose` covers `record` (`None`: one
	/// that covers every record).
	fn granted(
		patient: &PatientId,
		org: OrgId,
		record: Option<RecordId>,
		purpose: Purpose,
	) -> bool {
		Self::read(|world| {
			world.patients.contains_key(patient)
				&& (world.grants.contains(&(*patient, org, None, purpose))
					|| record.is_some_and(|record| {
						world.grants.contains(&(*patient, org, Some(record), purpose))
					}))
		})
	}
}

impl PatientLookup<AccountId> for MockWorld {
	fn patient_of(who: &AccountId) -> Option<PatientId> {
		Self::read(|world| {
			world.patients.iter().find(|(_, known)| known.key == Some(*who)).map(|(id, _)| *id)
		})
	}

	fn is_active_patient(patient: &PatientId) -> bool {
		Self::read(|world| world.patients.contains_key(patient))
	}

	fn can_act_for(patient: &PatientId, who: &AccountId, purpose: DelegatePurpose) -> bool {
		let Some(known) = Self::read(|world| world.patients.get(patient).cloned()) else {
			return false;
		};
		known.key == Some(*who)
			|| known
				.custodian
				.is_some_and(|org| Self::acting_for(who, OrgKind::Provider) == Some(org))
			|| known
				.delegates
				.iter()
				.any(|(delegate, role)| delegate == who && role.allows(purpose))
	}

	fn custodian_of(patient: &PatientId) -> Option<OrgId> {
		Self::read(|world| world.patients.get(patient).and_then(|known| known.custodian))
	}

	fn deposit_payer(patient: &PatientId, who: &AccountId) -> AccountId {
		Self::read(|world| {
			let known = world.patients.get(patient)?;
			let own = known.key == Some(*who) || known.delegates.iter().any(|(d, _)| d == who);
			own.then(|| known.sponsor.and_then(|org| world.admins.get(&org).copied())).flatten()
		})
		.unwrap_or(*who)
	}
}

impl OrganizationLookup<AccountId> for MockWorld {
	fn organization_of(who: &AccountId) -> Option<(OrgId, OrgKind)> {
		let org = Self::member_of(who)?;
		Some((org, Self::active_kind(org)?))
	}

	fn active_kind(org: OrgId) -> Option<OrgKind> {
		Self::read(|world| {
			world.organizations.get(&org).and_then(|(kind, active)| active.then_some(*kind))
		})
	}

	fn is_admin(who: &AccountId, org: OrgId) -> bool {
		Self::read(|world| world.admins.get(&org) == Some(who))
	}
}

impl RecordLookup for MockWorld {
	fn subject(record: RecordId) -> Option<RecordSubject> {
		Self::read(|world| world.records.get(&record).map(|(_, subject)| *subject))
	}

	fn by_hash(custodian: OrgId, content_hash: &Hash) -> Option<(RecordId, RecordSubject)> {
		Self::read(|world| {
			world
				.records
				.iter()
				.find(|(_, (hash, subject))| hash == content_hash && subject.custodian == custodian)
				.map(|(id, (_, subject))| (*id, *subject))
		})
	}
}

impl ConsentCheck for MockWorld {
	fn has_access(patient: &PatientId, org: OrgId, _: RecordCategory, purpose: Purpose) -> bool {
		Self::granted(patient, org, None, purpose)
	}

	fn has_record_access(
		patient: &PatientId,
		org: OrgId,
		record: RecordId,
		purpose: Purpose,
	) -> bool {
		Self::subject(record).is_some_and(|subject| subject.patient == *patient)
			&& Self::granted(patient, org, Some(record), purpose)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const ALICE: PatientId = PatientId::repeat_byte(0xa1);

	#[test]
	fn the_world_answers_the_lookups_and_follows_the_tests_changes() {
		World::default()
			.with_provider(0, &[1, 2])
			.with_payer(1, &[3])
			.with_patient(ALICE, 10)
			.with_delegate(ALICE, 11, DelegateRole::NextOfKin)
			.with_record(
				7,
				Hash::repeat_byte(7),
				RecordSubject {
					patient: ALICE,
					category: RecordCategory::LabResult,
					first_version: 7,
					custodian: 0,
					retracted: false,
				},
			)
			.with_grant(ALICE, 0, Purpose::Treatment)
			.with_record_grant(ALICE, 1, 7, Purpose::Payment)
			.install();
		assert_eq!(MockWorld::organization_of(&2), Some((0, OrgKind::Provider)));
		assert!(MockWorld::is_admin(&1, 0) && !MockWorld::is_admin(&2, 0));
		assert_eq!(MockWorld::acting_for(&3, OrgKind::Provider), None);
		assert_eq!(MockWorld::patient_of(&10), Some(ALICE));
		assert!(MockWorld::can_act_for(&ALICE, &11, DelegatePurpose::ViewRecords));
		assert!(!MockWorld::can_act_for(&ALICE, &11, DelegatePurpose::ManageConsent));
		assert_eq!(MockWorld::by_hash(0, &Hash::repeat_byte(7)).map(|(id, _)| id), Some(7));
		assert_eq!(MockWorld::by_hash(1, &Hash::repeat_byte(7)), None);
		assert!(MockWorld::has_access(&ALICE, 0, RecordCategory::Imaging, Purpose::Treatment));
		assert!(!MockWorld::has_access(&ALICE, 1, RecordCategory::LabResult, Purpose::Payment));
		assert!(MockWorld::has_record_access(&ALICE, 1, 7, Purpose::Payment));

		MockWorld::suspend(0);
		assert_eq!(MockWorld::organization_of(&2), None);
		MockWorld::reactivate(0);
		MockWorld::revoke(ALICE, 0);
		assert!(!MockWorld::has_access(&ALICE, 0, RecordCategory::Imaging, Purpose::Treatment));
		MockWorld::deactivate(ALICE);
		assert!(!MockWorld::is_active_patient(&ALICE));
		assert!(!MockWorld::has_record_access(&ALICE, 1, 7, Purpose::Payment));
	}
}
