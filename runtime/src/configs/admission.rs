//! What a transaction may carry at all: checked when it is validated (in the pool, and again
//! when a block is imported), so a refused call never reaches a block. A filter at dispatch
//! (`BaseCallFilter`) alone would still put the call's bytes into a block that every node keeps
//! forever, and charge a fee for it.

use crate::{Runtime, RuntimeCall};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{pallet_prelude::TransactionSource, weights::Weight};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{BlakeTwo256, DispatchInfoOf, Hash, TransactionExtension, ValidateResult},
	transaction_validity::{InvalidTransaction, ValidTransaction},
};

/// Why a transaction was refused (`InvalidTransaction::Custom`; polkadot.js shows
/// `1010: Invalid Transaction: Custom error: N`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Refusal {
	/// The call (or a call it carries: a council motion's, sudo's) could write free text, e.g.
	/// `system.remark`.
	FreeText = 1,
	/// A `system` call that only root may make (`setCode`, `setStorage`, …): from a signed
	/// account it could only fail, after putting its bytes into a block.
	RootOnly = 2,
	/// `system.applyAuthorizedUpgrade` with code that is not the authorized upgrade.
	UnauthorizedCode = 3,
	/// A council motion whose threshold is below two thirds of the seats, or above the seats:
	/// it could never govern, and would only hold a motion slot or squat on the call.
	MotionThreshold = 4,
	/// `nodeAuthorization.claimNode`, `removeClaim` or `transferNode`: only the council makes a
	/// node well known, and so its owner.
	NodeClaim = 5,
	/// A council motion (`propose`, `execute`) carrying a `system` call: nothing the council
	/// governs is one (upgrades go through `consortium.authorizeUpgrade`), and `setStorage`,
	/// `killStorage` or `applyAuthorizedUpgrade` could carry any bytes into a block.
	SystemInMotion = 6,
	/// A council motion larger than [`MAX_MOTION_BYTES`] encoded.
	MotionTooLarge = 7,
	/// `nodeAuthorization.addConnections` with more than [`MAX_CONNECTIONS`] peer ids, one
	/// longer than [`MAX_PEER_ID_BYTES`], or leaving the node more than [`MAX_CONNECTIONS`]
	/// connections: arbitrary bytes in a block, or a set every later call decodes whole.
	Connections = 8,
	/// A patient's own call about their care that their sponsor pays for
	/// ([`super::sponsorship`]), but the sponsor's admin cannot pay the fee.
	SponsorCannotPay = 9,
	/// A patient's own call about their care whose signer cannot pay the fee, once the
	/// patient's sponsored calls of the period are used up ([`super::sponsorship`]).
	SponsoredCallsUsed = 10,
}

/// The largest council motion, encoded: a reset of all 256 well-known nodes takes about 10 KiB.
pub const MAX_MOTION_BYTES: usize = 16 * 1024;

/// The most additional connections a node may have (and add in one call).
pub const MAX_CONNECTIONS: usize = 16;

/// The longest peer id an additional connection may have: libp2p's ed25519 peer ids, what
/// Substrate nodes use, are 38 bytes.
pub const MAX_PEER_ID_BYTES: usize = 64;

impl From<Refusal> for InvalidTransaction {
	fn from(refusal: Refusal) -> Self {
		InvalidTransaction::Custom(refusal as u8)
	}
}

/// Whether `call`, or a call it carries (a council motion's, sudo's), is one `refused` names.
fn carries(call: &RuntimeCall, refused: fn(&RuntimeCall) -> bool) -> bool {
	if refused(call) {
		return true;
	}
	if let Some(proposal) = motion(call) {
		return carries(proposal, refused);
	}
	match call {
		RuntimeCall::Sudo(
			pallet_sudo::Call::sudo { call }
			| pallet_sudo::Call::sudo_unchecked_weight { call, .. }
			| pallet_sudo::Call::sudo_as { call, .. },
		) => carries(call, refused),
		_ => false,
	}
}

/// The proposal of a council motion, if `call` is one.
fn motion(call: &RuntimeCall) -> Option<&RuntimeCall> {
	match call {
		RuntimeCall::Council(pallet_collective::Call::propose { proposal, .. })
		| RuntimeCall::Council(pallet_collective::Call::execute { proposal, .. }) => Some(proposal),
		_ => None,
	}
}

/// Why the council motion `call` is refused whatever its threshold, if it is.
fn motion_refusal(call: &RuntimeCall) -> Option<Refusal> {
	let proposal = motion(call)?;
	if proposal.encoded_size() > MAX_MOTION_BYTES {
		return Some(Refusal::MotionTooLarge);
	}
	carries(proposal, |call| matches!(call, RuntimeCall::System(_)))
		.then_some(Refusal::SystemInMotion)
}

/// Whether `node`'s owner may add `connections` to it: few, short, and within the node's cap.
fn connections_allowed(
	node: &sp_core::OpaquePeerId,
	connections: &[sp_core::OpaquePeerId],
) -> bool {
	if connections.len() > MAX_CONNECTIONS
		|| connections.iter().any(|peer| peer.0.len() > MAX_PEER_ID_BYTES)
	{
		return false;
	}
	let mut set = pallet_node_authorization::AdditionalConnections::<Runtime>::get(node);
	set.extend(connections.iter().cloned());
	set.len() <= MAX_CONNECTIONS
}

/// The least number of ayes that can pass a motion on a council of `seats`: two thirds,
/// rounded up.
pub fn two_thirds_of(seats: u32) -> u32 {
	seats.saturating_mul(2).saturating_add(2) / 3
}

/// Why `call`, sent by a signed account, is refused, if it is.
pub fn refusal(call: &RuntimeCall) -> Option<Refusal> {
	if carries(call, super::is_free_text) {
		return Some(Refusal::FreeText);
	}
	if carries(call, super::peers::refused_peer_call) {
		return Some(Refusal::NodeClaim);
	}
	if let Some(refusal) = motion_refusal(call) {
		return Some(refusal);
	}
	match call {
		RuntimeCall::System(frame_system::Call::apply_authorized_upgrade { code }) => {
			// The authorization's hash is its first field (its accessor exists only in std).
			let authorized = frame_system::Pallet::<Runtime>::authorized_upgrade()
				.and_then(|upgrade| crate::Hash::decode(&mut &upgrade.encode()[..]).ok())
				.is_some_and(|authorized| authorized == BlakeTwo256::hash(code));
			(!authorized).then_some(Refusal::UnauthorizedCode)
		}
		// What is left of `remark` is the empty one, a no-op (see `is_free_text`).
		RuntimeCall::System(frame_system::Call::remark { .. }) => None,
		RuntimeCall::System(_) => Some(Refusal::RootOnly),
		RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::add_connections {
			node,
			connections,
		}) => (!connections_allowed(node, connections)).then_some(Refusal::Connections),
		RuntimeCall::Council(pallet_collective::Call::propose { threshold, .. }) => {
			let seats = u32::try_from(
				pallet_collective::Members::<Runtime, super::CouncilCollective>::get().len(),
			)
			.unwrap_or(u32::MAX);
			(*threshold < two_thirds_of(seats) || *threshold > seats)
				.then_some(Refusal::MotionThreshold)
		}
		_ => None,
	}
}

/// The transaction extension that refuses, at validation, what [`refusal`] names.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, Default, TypeInfo)]
pub struct RefuseUnsafeCalls;

impl core::fmt::Debug for RefuseUnsafeCalls {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "RefuseUnsafeCalls")
	}
}

impl TransactionExtension<RuntimeCall> for RefuseUnsafeCalls {
	const IDENTIFIER: &'static str = "RefuseUnsafeCalls";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	/// At most two values are read: the council's members, the authorized upgrade or a node's
	/// connections; hashing an upgrade's code is paid for by `applyAuthorizedUpgrade`'s own
	/// weight.
	fn weight(&self, _: &RuntimeCall) -> Weight {
		<Runtime as frame_system::Config>::DbWeight::get().reads(2)
	}

	fn validate(
		&self,
		origin: crate::RuntimeOrigin,
		call: &RuntimeCall,
		_info: &DispatchInfoOf<RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		match refusal(call) {
			Some(refusal) => Err(InvalidTransaction::from(refusal).into()),
			None => Ok((ValidTransaction::default(), (), origin)),
		}
	}

	impl_tx_ext_default!(RuntimeCall; prepare);
}
