//! The reserved peers a node takes from the chain.
//!
//! The runtime holds the consortium's well-known nodes (pallet-node-authorization, see the
//! runtime's `configs::peers`). On every new best block that a node mines or imports from the
//! network, the pallet's offchain worker asks the node to peer with the nodes the chain
//! authorizes for it: for a well-known node, the other well-known nodes and the additional
//! connections its owner allowed. `sc-offchain` passes that on as
//! [`NetworkPeers::set_authorized_peers`] (the set becomes the sync protocol's reserved peers:
//! new ones are dialled, and accepted when they dial in) and
//! [`NetworkPeers::set_authorized_only`]`(true)` (reserved-only mode).
//!
//! [`ChainAuthorizedPeers`] stands between the offchain workers and the network, and passes every
//! call on except these two:
//! - an empty set is ignored: the chain authorizes no peer for a node that is not well known
//!   (a node of the development chain, a node the council has yet to add, or one it removed), and
//!   such a node keeps the reserved peers of its command line (`--reserved-nodes`) rather than
//!   cutting itself off;
//! - reserved-only mode is left as the command line set it (`--reserved-only`): switching it on
//!   at every block, as the worker asks, trips the litep2p network backend (the default), which
//!   then loses track of its connected reserved peers and skips later removals from the set.
//!
//! The chain holds peer ids only: a node dials its reserved peers at the addresses it knows of
//! them (`--reserved-nodes`, `--bootnodes`, or what the peers announce), and a node the council
//! adds dials the others itself.

use sc_network::{
	config::MultiaddrWithPeerId, Multiaddr, NetworkPeers, NetworkStateInfo, ObservedRole, PeerId,
	ProtocolName, ReputationChange,
};
use std::collections::HashSet;

const LOG_TARGET: &str = "medchain::peers";

/// The network as the offchain workers see it: `network`, but for the reserved peers the chain
/// authorizes (see the module's documentation).
pub struct ChainAuthorizedPeers<N>(N);

impl<N> ChainAuthorizedPeers<N> {
	/// Wraps `network` (the node's network service).
	pub fn new(network: N) -> Self {
		Self(network)
	}
}

impl<N: NetworkStateInfo> NetworkStateInfo for ChainAuthorizedPeers<N> {
	fn external_addresses(&self) -> Vec<Multiaddr> {
		self.0.external_addresses()
	}

	fn listen_addresses(&self) -> Vec<Multiaddr> {
		self.0.listen_addresses()
	}

	fn local_peer_id(&self) -> PeerId {
		self.0.local_peer_id()
	}
}

#[async_trait::async_trait]
impl<N: NetworkPeers + Send + Sync> NetworkPeers for ChainAuthorizedPeers<N> {
	/// Makes `peers` the reserved peers, unless it is empty (this node is not a well-known node
	/// at its best block): then the reserved peers stay as they are.
	fn set_authorized_peers(&self, peers: HashSet<PeerId>) {
		if peers.is_empty() {
			log::debug!(
				target: LOG_TARGET,
				"The chain authorizes no peer for this node (not a well-known node): keeping the \
				 reserved peers"
			);
			return;
		}
		log::debug!(target: LOG_TARGET, "Reserved peers from the chain: {peers:?}");
		self.0.set_authorized_peers(peers);
	}

	/// Does nothing: reserved-only mode comes from the command line (`--reserved-only`).
	fn set_authorized_only(&self, _reserved_only: bool) {}

	fn add_known_address(&self, peer_id: PeerId, addr: Multiaddr) {
		self.0.add_known_address(peer_id, addr);
	}

	fn report_peer(&self, peer_id: PeerId, cost_benefit: ReputationChange) {
		self.0.report_peer(peer_id, cost_benefit);
	}

	fn peer_reputation(&self, peer_id: &PeerId) -> i32 {
		self.0.peer_reputation(peer_id)
	}

	fn disconnect_peer(&self, peer_id: PeerId, protocol: ProtocolName) {
		self.0.disconnect_peer(peer_id, protocol);
	}

	fn accept_unreserved_peers(&self) {
		self.0.accept_unreserved_peers();
	}

	fn deny_unreserved_peers(&self) {
		self.0.deny_unreserved_peers();
	}

	fn add_reserved_peer(&self, peer: MultiaddrWithPeerId) -> Result<(), String> {
		self.0.add_reserved_peer(peer)
	}

	fn remove_reserved_peer(&self, peer_id: PeerId) {
		self.0.remove_reserved_peer(peer_id);
	}

	fn set_reserved_peers(
		&self,
		protocol: ProtocolName,
		peers: HashSet<Multiaddr>,
	) -> Result<(), String> {
		self.0.set_reserved_peers(protocol, peers)
	}

	fn add_peers_to_reserved_set(
		&self,
		protocol: ProtocolName,
		peers: HashSet<Multiaddr>,
	) -> Result<(), String> {
		self.0.add_peers_to_reserved_set(protocol, peers)
	}

	fn remove_peers_from_reserved_set(
		&self,
		protocol: ProtocolName,
		peers: Vec<PeerId>,
	) -> Result<(), String> {
		self.0.remove_peers_from_reserved_set(protocol, peers)
	}

	fn sync_num_connected(&self) -> usize {
		self.0.sync_num_connected()
	}

	fn peer_role(&self, peer_id: PeerId, handshake: Vec<u8>) -> Option<ObservedRole> {
		self.0.peer_role(peer_id, handshake)
	}

	async fn reserved_peers(&self) -> Result<Vec<PeerId>, ()> {
		self.0.reserved_peers().await
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::sync::Mutex;

	/// A network that records the calls that change its reserved peers.
	#[derive(Default)]
	struct Recorder {
		authorized: Mutex<Vec<HashSet<PeerId>>>,
		authorized_only: Mutex<Vec<bool>>,
	}

	#[async_trait::async_trait]
	impl NetworkPeers for Recorder {
		fn set_authorized_peers(&self, peers: HashSet<PeerId>) {
			self.authorized.lock().expect("not poisoned").push(peers);
		}

		fn set_authorized_only(&self, reserved_only: bool) {
			self.authorized_only.lock().expect("not poisoned").push(reserved_only);
		}

		fn add_known_address(&self, _: PeerId, _: Multiaddr) {
			unimplemented!("not used by these tests")
		}

		fn report_peer(&self, _: PeerId, _: ReputationChange) {
			unimplemented!("not used by these tests")
		}

		fn peer_reputation(&self, _: &PeerId) -> i32 {
			unimplemented!("not used by these tests")
		}

		fn disconnect_peer(&self, _: PeerId, _: ProtocolName) {
			unimplemented!("not used by these tests")
		}

		fn accept_unreserved_peers(&self) {
			unimplemented!("not used by these tests")
		}

		fn deny_unreserved_peers(&self) {
			unimplemented!("not used by these tests")
		}

		fn add_reserved_peer(&self, _: MultiaddrWithPeerId) -> Result<(), String> {
			unimplemented!("not used by these tests")
		}

		fn remove_reserved_peer(&self, _: PeerId) {
			unimplemented!("not used by these tests")
		}

		fn set_reserved_peers(&self, _: ProtocolName, _: HashSet<Multiaddr>) -> Result<(), String> {
			unimplemented!("not used by these tests")
		}

		fn add_peers_to_reserved_set(
			&self,
			_: ProtocolName,
			_: HashSet<Multiaddr>,
		) -> Result<(), String> {
			unimplemented!("not used by these tests")
		}

		fn remove_peers_from_reserved_set(
			&self,
			_: ProtocolName,
			_: Vec<PeerId>,
		) -> Result<(), String> {
			unimplemented!("not used by these tests")
		}

		fn sync_num_connected(&self) -> usize {
			unimplemented!("not used by these tests")
		}

		fn peer_role(&self, _: PeerId, _: Vec<u8>) -> Option<ObservedRole> {
			unimplemented!("not used by these tests")
		}

		async fn reserved_peers(&self) -> Result<Vec<PeerId>, ()> {
			unimplemented!("not used by these tests")
		}
	}

	#[test]
	fn the_chains_peers_are_reserved_unless_none_and_reserved_only_mode_is_left_alone() {
		let network = ChainAuthorizedPeers::new(Recorder::default());
		// What the offchain worker of a node that is not well known asks: nothing changes.
		network.set_authorized_peers(HashSet::new());
		network.set_authorized_only(true);
		// A well-known node's: the other well-known nodes become its reserved peers.
		let peers: HashSet<PeerId> = [PeerId::random(), PeerId::random()].into();
		network.set_authorized_peers(peers.clone());
		network.set_authorized_only(true);
		let Recorder { authorized, authorized_only } = network.0;
		assert_eq!(authorized.into_inner().expect("not poisoned"), [peers]);
		assert_eq!(authorized_only.into_inner().expect("not poisoned"), Vec::<bool>::new());
	}
}
