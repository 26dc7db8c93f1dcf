//! The pallet's stored types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use medchain_primitives::OrgId;
use scale_info::TypeInfo;

/// An admitted miner, as stored under its mining key and as the runtime API returns it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct MinerInfo<AccountId> {
	/// The organization the miner mines for; it may author while the organization is admitted.
	pub org: OrgId,
	/// The organization's account that receives the fees of the miner's blocks, chosen by
	/// governance.
	pub payout: AccountId,
}
