//! The medical pallets: identity, records, consent and payments.

use crate::{
	Balances, BlockNumber, Consent, Patients, Records, Runtime, RuntimeHoldReason, Timestamp, DAYS,
};
use frame_support::traits::{ConstU128, ConstU32, ConstU64};
use medchain_primitives::{
	origins::{kind, purpose, EnsureAdmin, EnsureAnyMember, EnsureMember, EnsurePatientAgent},
	token::MILLI_MED,
	AccountId,
};

/// Who acts for whom, as the medical pallets' calls need it; `pallet-patients` knows.
///
/// An account acting for an active provider: yields `(account, provider)`.
pub type ProviderOrigin = EnsureMember<AccountId, Patients, kind::Provider>;
/// The admin of an active provider: yields `(account, provider)`.
pub type ProviderAdminOrigin = EnsureAdmin<AccountId, Patients, kind::Provider>;
/// An account acting for an active payer: yields `(account, payer)`.
pub type PayerOrigin = EnsureMember<AccountId, Patients, kind::Payer>;
/// An account acting for an active organization of any kind: yields `(account, org, kind)`.
pub type MemberOrigin = EnsureAnyMember<AccountId, Patients>;
/// An account that may manage the patient's consent (the patient's key, a guardian or proxy,
/// the custodian of a custodial patient): yields the account.
pub type ConsentManagerOrigin = EnsurePatientAgent<AccountId, Patients, purpose::ManageConsent>;
/// An account that may pay the patient's share of a claim (the patient's key, a guardian or
/// proxy, the custodian of a custodial patient): yields the account.
pub type PatientPayerOrigin = EnsurePatientAgent<AccountId, Patients, purpose::Pay>;

impl pallet_patients::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type GovernanceOrigin = crate::configs::GovernanceOrigin;
	/// The council seats the admins of the active organizations.
	type Admins = crate::configs::CouncilOfAdmins;
	type ProviderOrigin = ProviderOrigin;
	type MaxMembers = ConstU32<64>;
	type MaxDelegates = ConstU32<8>;
	type PatientDeposit = ConstU128<{ 100 * MILLI_MED }>;
	type DelegateDeposit = ConstU128<{ 20 * MILLI_MED }>;
	type MemberDeposit = ConstU128<{ 20 * MILLI_MED }>;
	/// An offer of control may be accepted a day after it is made.
	type ControlTransferDelay = ConstU32<DAYS>;
	type Erasure = Consent;
	/// A patient's sponsor pays for 32 of the patient's own calls a day.
	type SponsoredCalls = ConstU32<32>;
	type SponsorPeriod = ConstU32<DAYS>;
	type WeightInfo = pallet_patients::weights::SubstrateWeight<Runtime>;
}

impl pallet_records::Config for Runtime {
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::RecordsSetup;
	type Patients = Patients;
	type ProviderOrigin = ProviderOrigin;
	type Consent = Consent;
	type Time = Timestamp;
	type MaxVersions = ConstU32<100>;
	/// A batch covers at most 2^20 record hashes.
	type MaxBatchLeaves = ConstU32<1_048_576>;
	type WeightInfo = pallet_records::weights::SubstrateWeight<Runtime>;
}

/// A break-glass window: 600 blocks, about an hour at the 6 s target block time.
pub const BREAK_GLASS_PERIOD: BlockNumber = 600;

impl pallet_consent::Config for Runtime {
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::ConsentSetup;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Patients = Patients;
	type Organizations = Patients;
	type ConsentManagerOrigin = ConsentManagerOrigin;
	type MemberOrigin = MemberOrigin;
	type ProviderOrigin = ProviderOrigin;
	type Records = Records;
	type Signature = crate::Signature;
	type Time = Timestamp;
	/// A gateway's release request is logged within 10 minutes of its signing, either way:
	/// the miner's clock may be off, and inclusion takes a few blocks.
	type ReleaseWindow = ConstU64<{ 10 * 60_000 }>;
	type MaxScopeItems = ConstU32<16>;
	type MaxGrantsPerPatient = ConstU32<64>;
	type MaxGrantsPerGrantee = ConstU32<8>;
	type MaxPendingRequests = ConstU32<16>;
	/// One organization has at most 2 requests waiting for one patient.
	type MaxRequestsPerOrganization = ConstU32<2>;
	/// A request lapses unanswered after 14 days.
	type RequestLifetime = ConstU32<{ 14 * DAYS }>;
	type BreakGlassPeriod = ConstU32<BREAK_GLASS_PERIOD>;
	type MaxBreakGlassKept = ConstU32<16>;
	/// A provider opens at most 3 windows for one patient a day; a second person may extend
	/// the open one.
	type MaxBreakGlassPerPeriod = ConstU32<3>;
	type BreakGlassQuotaPeriod = ConstU32<DAYS>;
	type GrantDeposit = ConstU128<{ 10 * MILLI_MED }>;
	type RequestDeposit = ConstU128<{ 10 * MILLI_MED }>;
	type WeightInfo = pallet_consent::weights::SubstrateWeight<Runtime>;
}

/// A payer has 30 days to decide a claim before it is flagged overdue.
pub const ADJUDICATION_DEADLINE: BlockNumber = 30 * DAYS;
/// A provider has 60 days to appeal a denial.
pub const APPEAL_WINDOW: BlockNumber = 60 * DAYS;

impl pallet_payments::Config for Runtime {
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::PaymentsSetup;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Patients = Patients;
	type Organizations = Patients;
	type ProviderOrigin = ProviderOrigin;
	type ProviderAdminOrigin = ProviderAdminOrigin;
	type PayerOrigin = PayerOrigin;
	type PatientPayerOrigin = PatientPayerOrigin;
	type Records = Records;
	type Consent = Consent;
	type MaxLines = ConstU32<32>;
	type MaxEvidence = ConstU32<8>;
	type AdjudicationDeadline = ConstU32<ADJUDICATION_DEADLINE>;
	type AppealWindow = ConstU32<APPEAL_WINDOW>;
	/// The overdue hook takes at most 512 deadlines a block; more wait for the next block.
	type MaxDuePerBlock = ConstU32<512>;
	type WeightInfo = pallet_payments::weights::SubstrateWeight<Runtime>;
}

// Benchmark setup: a failure here must stop the benchmark loudly, hence `expect`.
#[cfg(feature = "runtime-benchmarks")]
#[allow(clippy::expect_used)]
pub(crate) mod benchmark_helpers {
	use super::*;
	use crate::{AccountId, RuntimeOrigin};
	use alloc::vec::Vec;
	use frame_support::{
		traits::{fungible::Mutate, Get},
		BoundedVec,
	};
	use medchain_primitives::{
		token::MED, OrgId, OrgKind, OrganizationLookup, PatientId, Purpose, RecordCategory,
		RecordId,
	};
	use pallet_consent::{ConsentScope, Grantee};
	use sp_core::H256;
	use sp_runtime::traits::{BlakeTwo256, Hash};

	/// A patient in the custody of a provider (its sponsor), and the funded account of the
	/// patient's guardian, which acts for the patient: the most lookups any account acting for
	/// a patient costs (the custodian is asked before the delegates, and the deposits of what
	/// the guardian does are paid through the sponsor).
	fn patient(seed: u32) -> (AccountId, PatientId) {
		let sponsor: AccountId = frame_benchmarking::account("sponsor", 0, 0);
		let org = match pallet_patients::OrganizationOf::<Runtime>::get(&sponsor) {
			Some(org) => org,
			None => {
				Balances::set_balance(&sponsor, 1_000_000 * MED);
				let org = pallet_patients::NextOrgId::<Runtime>::get();
				Patients::admit_organization(
					RuntimeOrigin::root(),
					sponsor.clone(),
					OrgKind::Provider,
				)
				.expect("admits the sponsor");
				org
			}
		};
		Patients::register_patient_for(RuntimeOrigin::signed(sponsor.clone()), None)
			.expect("registers the patient");
		// The sponsor's patients all have a guardian, but the one just registered.
		let patient = pallet_patients::PatientRecords::<Runtime>::iter()
			.find_map(|(id, record)| {
				(record.control == pallet_patients::Control::Custodial(org)
					&& record.delegates.is_empty())
				.then_some(id)
			})
			.expect("registered");
		let key: AccountId = frame_benchmarking::account("patient", seed, 0);
		Balances::set_balance(&key, 1_000 * MED);
		Patients::add_delegate(
			RuntimeOrigin::signed(sponsor),
			patient,
			key.clone(),
			medchain_primitives::DelegateRole::Guardian,
			None,
		)
		.expect("adds the guardian");
		(key, patient)
	}

	/// A funded account admitted as the admin of a new organization of `kind`.
	fn organization(kind: OrgKind, seed: u32) -> (AccountId, OrgId) {
		admit(frame_benchmarking::account("organization", seed, 0), kind)
	}

	/// `admin`, funded, admitted as the admin of a new organization of `kind`.
	fn admit(admin: AccountId, kind: OrgKind) -> (AccountId, OrgId) {
		Balances::set_balance(&admin, 1_000 * MED);
		let org = pallet_patients::NextOrgId::<Runtime>::get();
		Patients::admit_organization(RuntimeOrigin::root(), admin.clone(), kind)
			.expect("admits the organization");
		(admin, org)
	}

	/// `patient`, through its own `key`, consents to `org` holding or seeing `scope` for `purpose`.
	fn grant(
		key: &AccountId,
		patient: PatientId,
		org: OrgId,
		scope: ConsentScope<<Runtime as pallet_consent::Config>::MaxScopeItems>,
		purpose: Purpose,
	) {
		Consent::grant_consent(
			RuntimeOrigin::signed(key.clone()),
			patient,
			Grantee::Organization(org),
			scope,
			purpose,
			None,
			None,
		)
		.expect("grants consent");
	}

	/// `provider` anchors a new record of `category` of `patient`; its id and content hash.
	fn anchor(
		provider: &AccountId,
		patient: PatientId,
		category: RecordCategory,
	) -> (RecordId, H256) {
		let id = pallet_records::NextRecordId::<Runtime>::get();
		let hash = BlakeTwo256::hash(&id.to_le_bytes());
		Records::anchor_record(
			RuntimeOrigin::signed(provider.clone()),
			patient,
			hash,
			pallet_records::HashAlgorithm::HmacSha2_256,
			category,
			None,
		)
		.expect("anchors the record");
		(id, hash)
	}

	/// Sets up, through the pallets' own calls, what the records benchmarks need.
	pub struct RecordsSetup;

	impl pallet_records::BenchmarkHelper<AccountId> for RecordsSetup {
		fn provider_and_patient() -> (AccountId, PatientId) {
			let (admin, org) = organization(OrgKind::Provider, 0);
			let (key, patient) = patient(0);
			// The consent check's worst case: the provider holds the most grants a grantee may,
			// each of the longest scope, and only the last one checked covers a category.
			let max_items = <Runtime as pallet_consent::Config>::MaxScopeItems::get();
			let records = (0..max_items).map(|i| RecordId::MAX.saturating_sub(i.into()));
			let other_records = ConsentScope::Records(BoundedVec::truncate_from(records.collect()));
			let others = <Runtime as pallet_consent::Config>::MaxGrantsPerGrantee::get();
			for _ in 1..others {
				grant(&key, patient, org, other_records.clone(), Purpose::Treatment);
			}
			grant(&key, patient, org, ConsentScope::All, Purpose::Treatment);
			(admin, patient)
		}
	}

	/// Sets up, through the pallets' own calls, what the consent benchmarks need.
	pub struct ConsentSetup;

	impl pallet_consent::BenchmarkHelper<AccountId, crate::Signature> for ConsentSetup {
		fn patient(seed: u32) -> (AccountId, PatientId) {
			patient(seed)
		}

		fn organization(kind: OrgKind, seed: u32) -> (AccountId, OrgId) {
			organization(kind, seed)
		}

		fn record(provider: &AccountId, patient: PatientId, category: RecordCategory) -> RecordId {
			anchor(provider, patient, category).0
		}

		/// An sr25519 key of the benchmark's keystore, admitted as an organization's admin.
		fn signing_organization(kind: OrgKind, _seed: u32) -> (AccountId, OrgId) {
			admit(sp_io::crypto::sr25519_generate(BENCHMARK_KEY, None).into(), kind)
		}

		fn sign(who: &AccountId, payload: &[u8]) -> crate::Signature {
			let public = sp_core::sr25519::Public::from_raw(who.clone().into());
			sp_io::crypto::sr25519_sign(BENCHMARK_KEY, &public, payload)
				.expect("the key is in the benchmark's keystore")
				.into()
		}
	}

	/// The key type of the keys the consent benchmarks sign with.
	const BENCHMARK_KEY: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"mdbk");

	/// Sets up, through the pallets' own calls, what the payments benchmarks need.
	pub struct PaymentsSetup;

	impl pallet_payments::BenchmarkHelper<AccountId> for PaymentsSetup {
		fn patient(seed: u32) -> (AccountId, PatientId) {
			patient(seed)
		}

		fn organization(kind: OrgKind, seed: u32) -> (AccountId, OrgId) {
			organization(kind, seed)
		}

		fn evidence(
			provider: &AccountId,
			patient_key: &AccountId,
			patient: PatientId,
			payer: OrgId,
			count: u32,
		) -> Vec<H256> {
			let org = <Patients as OrganizationLookup<AccountId>>::acting_for(
				provider,
				OrgKind::Provider,
			)
			.expect("a provider");
			grant(patient_key, patient, org, ConsentScope::All, Purpose::Treatment);
			let (records, hashes): (Vec<RecordId>, Vec<H256>) = (0..count)
				.map(|_| anchor(provider, patient, RecordCategory::ClaimAttachment))
				.unzip();
			if !records.is_empty() {
				let scope = ConsentScope::Records(BoundedVec::truncate_from(records));
				grant(patient_key, patient, payer, scope, Purpose::Payment);
			}
			hashes
		}
	}

	/// Consortium benchmarks bind miners and voters to a new provider.
	pub struct ConsortiumSetup;

	impl pallet_consortium::BenchmarkHelper<AccountId> for ConsortiumSetup {
		fn organization(seed: u32) -> (AccountId, OrgId) {
			organization(OrgKind::Provider, seed)
		}
	}
}
