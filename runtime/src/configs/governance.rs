//! Governance: the consortium's council (one seat per active member organization, held by its
//! admin), the fee parameters it sets, and sudo on the development chain only.

use crate::{
	AccountId, Balance, BlockNumber, Council, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	DAYS,
};
use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	parameter_types,
	traits::{AsEnsureOriginWithArg, ChangeMembers, EitherOfDiverse, Get},
	weights::Weight,
};
use frame_system::{EnsureNever, EnsureRoot};
use medchain_primitives::{LastSeat, NoSeatLeft, OrganizationAdmins};
use pallet_collective::WeightInfo as _;
use sp_runtime::Perbill;

/// The council's instance of pallet-collective.
pub type CouncilCollective = pallet_collective::Instance1;

/// The one origin that governs the consortium: a council motion approved by at least two thirds
/// of the council's members, or root (which only sudo reaches, and only the development chain
/// has a sudo key; `set_code` and other root calls are out of the council's reach, which
/// authorizes upgrades through `consortium.authorizeUpgrade` instead).
pub type GovernanceOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

/// The most organizations active at once: one council seat each.
pub const MAX_COUNCIL_SEATS: u32 = 64;

parameter_types! {
	/// A motion not decided within a week can be closed by anyone; the votes not cast then
	/// count as nays.
	pub const MotionDuration: BlockNumber = 7 * DAYS;
	/// A motion may dispatch at most half a block's weight.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * crate::configs::system::RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = MotionDuration;
	/// At most this many motions are open at once, in the whole council.
	type MaxProposals = frame_support::traits::ConstU32<32>;
	type MaxMembers = frame_support::traits::ConstU32<MAX_COUNCIL_SEATS>;
	/// A vote not cast counts as nay: motions pass only with two thirds of the seats voting aye.
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Nobody sets the members: they follow the organizations' admissions and suspensions
	/// ([`CouncilOfAdmins`]).
	type SetMembersOrigin = EnsureNever<()>;
	type MaxProposalWeight = MaxProposalWeight;
	/// Two thirds of the council may drop or kill a motion (e.g. spam by a member).
	type DisapproveOrigin = GovernanceOrigin;
	type KillOrigin = GovernanceOrigin;
	/// Motions take no deposit (members are admitted institutions), but each member may have
	/// at most [`MAX_OPEN_MOTIONS_PER_MEMBER`] open at once, so no member can take every one of
	/// the `MaxProposals` slots and keep the council from governing, its own suspension
	/// included.
	type Consideration = MotionQuota;
}

/// The most motions one council member may have open at once.
pub const MAX_OPEN_MOTIONS_PER_MEMBER: usize = 4;

/// The ticket of an open motion: it costs nothing, but a member already proposing
/// [`MAX_OPEN_MOTIONS_PER_MEMBER`] open motions gets none. The collective keeps each ticket with
/// its proposer (`CostOf`) until the motion is closed and anyone calls
/// `council.releaseProposalCost`.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
)]
pub struct MotionQuota;

impl frame_support::traits::Consideration<AccountId, u32> for MotionQuota {
	/// Reads the open motions and their proposers: at most `MaxProposals` + 1 reads, within
	/// `propose`'s weight for that many motions.
	fn new(who: &AccountId, _: u32) -> Result<Self, sp_runtime::DispatchError> {
		let open = pallet_collective::Proposals::<Runtime, CouncilCollective>::get()
			.iter()
			.filter(|motion| {
				pallet_collective::CostOf::<Runtime, CouncilCollective>::get(motion)
					.is_some_and(|(proposer, _)| proposer == *who)
			})
			.count();
		if open >= MAX_OPEN_MOTIONS_PER_MEMBER {
			return Err(sp_runtime::DispatchError::Other("TooManyOpenMotions"));
		}
		Ok(MotionQuota)
	}

	fn update(self, _: &AccountId, _: u32) -> Result<Self, sp_runtime::DispatchError> {
		Ok(self)
	}

	fn drop(self, _: &AccountId) -> Result<(), sp_runtime::DispatchError> {
		Ok(())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(_: &AccountId, _: u32) {}
}

impl frame_support::traits::MaybeConsideration<AccountId, u32> for MotionQuota {
	/// Kept, so the quota can count the proposer's open motions.
	fn is_none(&self) -> bool {
		false
	}
}

/// Keeps the council's members equal to the admins of the active organizations (pallet-patients
/// tells it of admissions, suspensions and reactivations), through the same `ChangeMembers`
/// that pallet-membership would use, so open motions lose the votes of a member that leaves.
pub struct CouncilOfAdmins;

impl OrganizationAdmins<AccountId> for CouncilOfAdmins {
	fn joined(admin: &AccountId) -> Result<(), NoSeatLeft> {
		let mut members = pallet_collective::Members::<Runtime, CouncilCollective>::get();
		// An admin acts for one organization only, so it cannot be seated already.
		let at = members.binary_search(admin).err().ok_or(NoSeatLeft)?;
		if members.len() >= MAX_COUNCIL_SEATS as usize {
			return Err(NoSeatLeft);
		}
		members.insert(at, admin.clone());
		<Council as ChangeMembers<AccountId>>::change_members_sorted(
			core::slice::from_ref(admin),
			&[],
			&members,
		);
		Ok(())
	}

	fn left(admin: &AccountId) -> Result<(), LastSeat> {
		let mut members = pallet_collective::Members::<Runtime, CouncilCollective>::get();
		if let Ok(at) = members.binary_search(admin) {
			if members.len() <= 1 {
				return Err(LastSeat);
			}
			members.remove(at);
			<Council as ChangeMembers<AccountId>>::change_members_sorted(
				&[],
				core::slice::from_ref(admin),
				&members,
			);
		}
		Ok(())
	}

	/// Changing the members rewrites the votes of every open motion: `set_members` at the most
	/// seats and motions is the bound.
	fn max_weight() -> Weight {
		<Runtime as pallet_collective::Config<CouncilCollective>>::WeightInfo::set_members(
			MAX_COUNCIL_SEATS,
			MAX_COUNCIL_SEATS,
			<Runtime as pallet_collective::Config<CouncilCollective>>::MaxProposals::get(),
		)
	}
}

/// The parameters the council changes without a runtime upgrade (`parameters.setParameter`).
#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod dynamic_params {
	use super::*;

	/// Transaction fees.
	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod fees {
		use super::*;

		/// What one byte of a transaction costs, in planck: 1 µMED, what one microsecond of
		/// execution costs. A byte stays in every node's database forever, while execution
		/// happens once; so a block filled with bytes (3.75 MiB for normal calls) costs about
		/// 3.9 MED, more than one filled with execution (1.5 s, 1.5 MED).
		#[codec(index = 0)]
		pub static ByteFee: Balance = medchain_primitives::token::MICRO_MED;
	}
}

/// The least and the most a byte may cost, whatever a motion set `ByteFee` to: 0.1 µMED and
/// 1 mMED. Above the bound, a unit mistake (MED for planck) would make every transaction
/// unpayable, votes to undo it included; below it, bytes would be nearly free.
pub const BYTE_FEE_BOUNDS: (Balance, Balance) =
	(medchain_primitives::token::MICRO_MED / 10, medchain_primitives::token::MILLI_MED);

/// The byte fee transactions pay: `ByteFee` within [`BYTE_FEE_BOUNDS`].
pub struct EffectiveByteFee;

impl Get<Balance> for EffectiveByteFee {
	fn get() -> Balance {
		let (least, most) = BYTE_FEE_BOUNDS;
		dynamic_params::fees::ByteFee::get().clamp(least, most)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl Default for RuntimeParameters {
	fn default() -> Self {
		RuntimeParameters::Fees(dynamic_params::fees::Parameters::ByteFee(
			dynamic_params::fees::ByteFee,
			Some(medchain_primitives::token::MICRO_MED),
		))
	}
}

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = RuntimeParameters;
	type AdminOrigin = AsEnsureOriginWithArg<GovernanceOrigin>;
	/// Measured in this runtime (`scripts/benchmark-weights.sh`).
	type WeightInfo = crate::weights::pallet_parameters::WeightInfo<Runtime>;
}

/// Only the development chain has a sudo key (its genesis sets it); every other chain is
/// governed by its council, and the node refuses to start one whose genesis seats a development
/// key.
impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
