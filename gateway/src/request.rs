//! Signed requests to a gateway. A release request is the chain's `ReleaseRequest` (of
//! `pallet-consent`), SCALE-encoded after a tag and signed with the accessor's sr25519 chain
//! key; its HTTP form is `GET /v1/records/{record}?purpose=...` with the accessor, time, nonce
//! and signature in headers. The gateway rebuilds the request from the method, path and headers,
//! so the signature covers all of them; the chain checks the same signature again when the
//! gateway logs the release. A request for a patient's accounting of disclosures is signed the
//! same way, under its own tag.

use codec::{Decode, Encode};
use subxt_signer::sr25519;

/// The tag a signed release request's payload starts with (`pallet_consent::RELEASE_REQUEST_TAG`).
pub const RELEASE_TAG: &[u8] = b"medchain/release-request/v1:";

/// The headers of a signed request.
pub const ACCESSOR: &str = "x-medchain-accessor";
pub const ISSUED_AT: &str = "x-medchain-issued-at";
pub const NONCE: &str = "x-medchain-nonce";
pub const SIGNATURE: &str = "x-medchain-signature";

/// Why a record is asked for (`medchain_primitives::Purpose`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum Purpose {
	Treatment,
	Payment,
	Research,
	Operations,
}

impl Purpose {
	/// The purpose named in a URL: `treatment`, `payment`, `research` or `operations`.
	pub fn parse(name: &str) -> Option<Self> {
		Some(match name {
			"treatment" => Self::Treatment,
			"payment" => Self::Payment,
			"research" => Self::Research,
			"operations" => Self::Operations,
			_ => return None,
		})
	}

	/// The name `parse` takes.
	pub fn name(self) -> &'static str {
		match self {
			Self::Treatment => "treatment",
			Self::Payment => "payment",
			Self::Research => "research",
			Self::Operations => "operations",
		}
	}
}

/// `pallet_consent::ReleaseRequest`, field for field.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct ReleaseRequest {
	pub genesis: [u8; 32],
	pub accessor: [u8; 32],
	pub custodian: u32,
	pub record: u64,
	pub purpose: Purpose,
	pub issued_at: u64,
	pub nonce: [u8; 32],
}

/// The tag a signed request for a patient's accounting of disclosures starts with. Only
/// gateways check it: no chain call takes it, and no release request can pass for it.
pub const DISCLOSURES_TAG: &[u8] = b"medchain-gateway/disclosures-request/v1:";

/// A request by a patient (or a delegate who may see their records) for the accounting of
/// disclosures of the patient's records: `GET /v1/patients/{patient}/disclosures`, signed.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct DisclosuresRequest {
	pub genesis: [u8; 32],
	pub accessor: [u8; 32],
	pub custodian: u32,
	pub patient: [u8; 32],
	pub issued_at: u64,
	pub nonce: [u8; 32],
}

/// What is signed: a tag, then the SCALE encoding.
pub fn payload(tag: &[u8], request: &impl Encode) -> Vec<u8> {
	let mut payload = tag.to_vec();
	request.encode_to(&mut payload);
	payload
}

/// The hash that stands for a signed release request in the access trail
/// (`ReleaseRequest::evidence`): BLAKE2-256 of the request's SCALE encoding and then the
/// signature's (a `MultiSignature::Sr25519`: index 1, then the 64 bytes).
pub fn evidence(request: &ReleaseRequest, signature: &[u8; 64]) -> [u8; 32] {
	let mut bytes = request.encode();
	bytes.push(1);
	bytes.extend_from_slice(signature);
	blake2_256(&bytes)
}

/// BLAKE2b with a 32-byte digest.
pub fn blake2_256(bytes: &[u8]) -> [u8; 32] {
	use blake2::Digest;
	blake2::Blake2b::<blake2::digest::consts::U32>::digest(bytes).into()
}

/// Whether `signature` is `accessor`'s sr25519 signature of `payload`.
pub fn verify(accessor: &[u8; 32], payload: &[u8], signature: &[u8; 64]) -> bool {
	sr25519::verify(&sr25519::Signature(*signature), payload, &sr25519::PublicKey(*accessor))
}

/// The headers of a request by `accessor` issued at `issued_at` with `nonce`, and its
/// `signature`, hex.
pub fn headers(
	accessor: &[u8; 32],
	issued_at: u64,
	nonce: &[u8; 32],
	signature: &[u8; 64],
) -> [(&'static str, String); 4] {
	[
		(ACCESSOR, hex0x(accessor)),
		(ISSUED_AT, issued_at.to_string()),
		(NONCE, hex0x(nonce)),
		(SIGNATURE, hex0x(signature)),
	]
}

/// `bytes` as `0x`-prefixed hex: what `parse_hex` reads.
pub fn hex0x(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// `0x`-prefixed (or bare) hex of exactly `N` bytes.
pub fn parse_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
	let mut bytes = [0u8; N];
	hex::decode_to_slice(text.strip_prefix("0x").unwrap_or(text), &mut bytes).ok()?;
	Some(bytes)
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_consent::ReleaseRequest as OnChain;
	use sp_core::{crypto::AccountId32, Pair};

	fn request() -> ReleaseRequest {
		ReleaseRequest {
			genesis: [1; 32],
			accessor: sr25519::dev::bob().public_key().0,
			custodian: 3,
			record: 42,
			purpose: Purpose::Research,
			issued_at: 1_750_000_000_000,
			nonce: [9; 32],
		}
	}

	fn on_chain(request: &ReleaseRequest) -> OnChain<AccountId32> {
		OnChain {
			genesis: request.genesis.into(),
			accessor: AccountId32::new(request.accessor),
			custodian: request.custodian,
			record: request.record,
			purpose: medchain_purpose(request.purpose),
			issued_at: request.issued_at,
			nonce: request.nonce,
		}
	}

	fn medchain_purpose(purpose: Purpose) -> pallet_consent::Purpose {
		match purpose {
			Purpose::Treatment => pallet_consent::Purpose::Treatment,
			Purpose::Payment => pallet_consent::Purpose::Payment,
			Purpose::Research => pallet_consent::Purpose::Research,
			Purpose::Operations => pallet_consent::Purpose::Operations,
		}
	}

	#[test]
	fn the_signed_payload_and_the_evidence_are_the_chains() {
		assert_eq!(RELEASE_TAG, pallet_consent::RELEASE_REQUEST_TAG);
		let request = request();
		let chain = on_chain(&request);
		assert_eq!(payload(RELEASE_TAG, &request), chain.signing_payload());
		let signature = sr25519::dev::bob().sign(&payload(RELEASE_TAG, &request));
		let multi =
			sp_runtime::MultiSignature::Sr25519(sp_core::sr25519::Signature::from_raw(signature.0));
		assert_eq!(evidence(&request, &signature.0), chain.evidence(&multi).0);
		// And the chain's signature check takes the gateway client's signature.
		use sp_core::crypto::Ss58Codec;
		let bob = sp_core::sr25519::Pair::from_string("//Bob", None).expect("a dev key");
		assert_eq!(bob.public().to_ss58check(), AccountId32::new(request.accessor).to_ss58check());
		assert!(<sp_core::sr25519::Pair as Pair>::verify(
			&sp_core::sr25519::Signature::from_raw(signature.0),
			chain.signing_payload(),
			&bob.public()
		));
	}

	#[test]
	fn a_signature_verifies_for_its_payload_and_signer_only() {
		let alice = sr25519::dev::alice();
		let payload = payload(RELEASE_TAG, &request());
		let signature = alice.sign(&payload).0;
		assert!(verify(&alice.public_key().0, &payload, &signature));
		assert!(!verify(&sr25519::dev::bob().public_key().0, &payload, &signature));
		let mut other = payload.clone();
		other.push(0);
		assert!(!verify(&alice.public_key().0, &other, &signature));
	}

	#[test]
	fn hex_and_purposes_parse() {
		assert_eq!(parse_hex::<2>("0x0aff"), Some([10, 255]));
		assert_eq!(parse_hex::<2>("0aff"), Some([10, 255]));
		assert_eq!(parse_hex::<2>("0x0a"), None);
		assert_eq!(parse_hex::<2>("0xzz00"), None);
		for purpose in
			[Purpose::Treatment, Purpose::Payment, Purpose::Research, Purpose::Operations]
		{
			assert_eq!(Purpose::parse(purpose.name()), Some(purpose));
		}
		assert_eq!(Purpose::parse("Treatment"), None);
	}
}
