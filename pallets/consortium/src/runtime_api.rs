//! The runtime API of the admitted miners and the finality voters (`ConsortiumApi` in the
//! metadata). The node asks it, at a block's parent, whether the block's author may author.

use crate::MinerInfo;
use alloc::vec::Vec;
use codec::Codec;
use medchain_primitives::{MiningKey, OrgId};
use sp_consensus_grandpa::AuthorityId;

sp_api::decl_runtime_apis! {
	/// Who may author blocks and who finalizes them.
	pub trait ConsortiumApi<AccountId>
	where
		AccountId: Codec,
	{
		/// Whether `key` may author a block on top of the block this is called at.
		fn can_author(key: MiningKey) -> bool;
		/// The account that receives the fees of blocks authored by `key`, if it may author.
		fn payout_of(key: MiningKey) -> Option<AccountId>;
		/// Every miner with its organization and payout account, whether or not the
		/// organization is admitted now.
		fn miners() -> Vec<(MiningKey, MinerInfo<AccountId>)>;
		/// The finality voters governance decided, in order, with their organizations (the set
		/// last scheduled, which may not be enacted yet).
		fn voters() -> Vec<(AuthorityId, OrgId)>;
	}
}
