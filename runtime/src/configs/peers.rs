//! Peering: the nodes that may connect to the consortium's network, held on chain
//! (pallet-node-authorization).
//!
//! - **Well-known nodes**: the founders' nodes at genesis; afterwards the council adds, removes
//!   and swaps them (`add_well_known_node`, `remove_well_known_node`, `swap_well_known_node`,
//!   `reset_well_known_nodes`), each with an owner, the admin of the organization that runs it.
//! - **Additional connections**: the owner of a node may let further nodes of its own connect to
//!   it (`add_connections`, `remove_connections`).
//! - **Claims are refused** (`claim_node`, `remove_claim`, `transfer_node`, see
//!   [`refused_peer_call`]): anyone could claim the peer id of a node the council has yet to add
//!   and let nodes of their own connect to it, connections that `add_well_known_node` would keep.
//!   So only the council makes owners.
//!
//! Each node applies the chain's set through the pallet's offchain worker, on every new best
//! block it imports from the network or mines: a well-known node's reserved peers become the
//! other well-known nodes and its additional connections, so a node the council admits is
//! accepted without restarting the others. The node (`medchain-node`, `peers.rs`) ignores an
//! empty set (a node that is not well known keeps its command-line reserved peers) and the
//! worker's request for reserved-only mode (nodes start with `--reserved-only`). The worker runs
//! on validators (`--validator`, which `--alice`… imply) unless `--offchain-worker` says
//! otherwise. The chain holds peer ids only: nodes dial their reserved peers at addresses they
//! know from `--reserved-nodes`, `--bootnodes` or the peers' own announcements, and a new node
//! dials in itself.

use crate::{Runtime, RuntimeCall, RuntimeEvent};
use frame_support::traits::ConstU32;

impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// At most 256 well-known nodes (the pallet checks `<` before it adds one; a reset takes
	/// fewer than 256): four times the council's seats.
	type MaxWellKnownNodes = ConstU32<256>;
	/// Peer ids shorter than 128 bytes (the pallet checks `<`): an ed25519 peer id, what
	/// Substrate nodes use, is 38.
	type MaxPeerIdLength = ConstU32<128>;
	/// Two thirds of the council (or root, on the development chain only) manage the
	/// well-known nodes.
	type AddOrigin = crate::configs::GovernanceOrigin;
	type RemoveOrigin = crate::configs::GovernanceOrigin;
	type SwapOrigin = crate::configs::GovernanceOrigin;
	type ResetOrigin = crate::configs::GovernanceOrigin;
	/// The pallet ships no benchmarks, only these default weights (50 µs of compute each).
	type WeightInfo = ();
}

/// Whether `call` is a node claim, which no one may make (see the module's documentation):
/// `claim_node`, `remove_claim` or `transfer_node`. The runtime's call filter refuses them.
pub fn refused_peer_call(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::NodeAuthorization(
			pallet_node_authorization::Call::claim_node { .. }
				| pallet_node_authorization::Call::remove_claim { .. }
				| pallet_node_authorization::Call::transfer_node { .. }
		)
	)
}
