//! Records at rest: each record is encrypted with a fresh data key (XChaCha20-Poly1305), and the
//! data key is wrapped by the custodian's master key, read from a key file. A record's salt,
//! patient, category and content hash are bound to its ciphertext as associated data, so a
//! ciphertext moved to another row, or any changed byte, fails to open.

use chacha20poly1305::{
	aead::{Aead, KeyInit, Payload},
	XChaCha20Poly1305, XNonce,
};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use std::path::Path;
use zeroize::Zeroizing;

/// Bytes of a record's salt, as the chain's salted hashes take it.
pub const SALT_BYTES: usize = 32;

/// What wraps a data key: the associated data of the wrapping.
const WRAP_AAD: &[u8] = b"medchain-gateway/data-key/v1";

/// The custodian's master key: 32 bytes, kept hex-encoded in a key file only its user reads.
pub struct MasterKey(Zeroizing<[u8; 32]>);

/// Why a master key file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
	#[error(transparent)]
	Unreadable(#[from] crate::keys::KeyError),
	#[error("the key file {path} does not hold 64 hex digits (a 32-byte key)")]
	Malformed { path: String },
	#[error("cannot write the key file {path}: {source}")]
	Write { path: String, source: std::io::Error },
}

impl MasterKey {
	/// The key in `path`, a file only its owner may read.
	pub fn from_file(path: &Path) -> Result<Self, KeyFileError> {
		let text = crate::keys::read_secret(path)?;
		let mut key = Zeroizing::new([0u8; 32]);
		hex::decode_to_slice(text.as_str(), key.as_mut())
			.map_err(|_| KeyFileError::Malformed { path: path.display().to_string() })?;
		Ok(Self(key))
	}

	/// Write a new random key to `path`, readable by its owner only; refuses to overwrite.
	pub fn generate(path: &Path) -> Result<(), KeyFileError> {
		let mut key = Zeroizing::new([0u8; 32]);
		rand::thread_rng().fill_bytes(key.as_mut());
		crate::keys::write_secret(path, hex::encode(key.as_ref()).as_bytes())
			.map_err(|source| KeyFileError::Write { path: path.display().to_string(), source })
	}

	fn cipher(&self) -> XChaCha20Poly1305 {
		XChaCha20Poly1305::new(self.0.as_ref().into())
	}
}

/// A record as stored: its ciphertext, and its data key wrapped by the master key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
	pub nonce: Vec<u8>,
	pub ciphertext: Vec<u8>,
	pub key_nonce: Vec<u8>,
	pub wrapped_key: Vec<u8>,
}

/// A stored record failed to open: a byte of it, or of what is bound to it, changed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the stored record does not open with the master key: it was altered")]
pub struct Tampered;

fn random_nonce() -> XNonce {
	let mut nonce = XNonce::default();
	rand::thread_rng().fill_bytes(&mut nonce);
	nonce
}

/// A record could not be encrypted (it is larger than the cipher takes).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the record cannot be encrypted")]
pub struct SealFailed;

/// Encrypt `content` under a fresh data key, bound to `bound` (associated data).
pub fn seal(master: &MasterKey, content: &[u8], bound: &[u8]) -> Result<Sealed, SealFailed> {
	let mut data_key = Zeroizing::new([0u8; 32]);
	rand::thread_rng().fill_bytes(data_key.as_mut());
	let nonce = random_nonce();
	let key_nonce = random_nonce();
	let ciphertext = XChaCha20Poly1305::new(data_key.as_ref().into())
		.encrypt(&nonce, Payload { msg: content, aad: bound })
		.map_err(|_| SealFailed)?;
	let wrapped_key = master
		.cipher()
		.encrypt(&key_nonce, Payload { msg: data_key.as_ref(), aad: WRAP_AAD })
		.map_err(|_| SealFailed)?;
	Ok(Sealed { nonce: nonce.to_vec(), ciphertext, key_nonce: key_nonce.to_vec(), wrapped_key })
}

/// Decrypt a sealed record bound to `bound`.
pub fn open(
	master: &MasterKey,
	sealed: &Sealed,
	bound: &[u8],
) -> Result<Zeroizing<Vec<u8>>, Tampered> {
	let nonce =
		|bytes: &[u8]| (bytes.len() == 24).then(|| *XNonce::from_slice(bytes)).ok_or(Tampered);
	let data_key = Zeroizing::new(
		master
			.cipher()
			.decrypt(
				&nonce(&sealed.key_nonce)?,
				Payload { msg: &sealed.wrapped_key, aad: WRAP_AAD },
			)
			.map_err(|_| Tampered)?,
	);
	if data_key.len() != 32 {
		return Err(Tampered);
	}
	XChaCha20Poly1305::new(data_key.as_slice().into())
		.decrypt(&nonce(&sealed.nonce)?, Payload { msg: &sealed.ciphertext, aad: bound })
		.map(Zeroizing::new)
		.map_err(|_| Tampered)
}

/// A fresh random salt for a record.
pub fn new_salt() -> [u8; SALT_BYTES] {
	let mut salt = [0u8; SALT_BYTES];
	rand::thread_rng().fill_bytes(&mut salt);
	salt
}

/// The salted content hash the chain anchors (`HashAlgorithm::HmacSha2_256`): HMAC-SHA-256 of
/// the content, keyed by the salt.
pub fn salted_hash(salt: &[u8; SALT_BYTES], content: &[u8]) -> [u8; 32] {
	// HMAC takes a key of any length.
	let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(salt).unwrap_or_else(|_| unreachable!());
	mac.update(content);
	mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
	use super::*;

	fn master() -> MasterKey {
		MasterKey(Zeroizing::new([7; 32]))
	}

	#[test]
	fn a_sealed_record_opens_with_its_key_and_binding_only() {
		let sealed = seal(&master(), b"lab result", b"bound").expect("seals");
		assert_eq!(
			open(&master(), &sealed, b"bound").as_deref().map(Vec::as_slice),
			Ok(&b"lab result"[..])
		);
		assert_ne!(sealed.ciphertext, b"lab result");
		assert_eq!(open(&master(), &sealed, b"other row"), Err(Tampered));
		assert_eq!(open(&MasterKey(Zeroizing::new([8; 32])), &sealed, b"bound"), Err(Tampered));
		let mut flipped = sealed.clone();
		flipped.ciphertext[0] ^= 1;
		assert_eq!(open(&master(), &flipped, b"bound"), Err(Tampered));
		let mut rewrapped = sealed.clone();
		rewrapped.wrapped_key[3] ^= 1;
		assert_eq!(open(&master(), &rewrapped, b"bound"), Err(Tampered));
		let mut short = sealed;
		short.nonce.pop();
		assert_eq!(open(&master(), &short, b"bound"), Err(Tampered));
	}

	#[test]
	fn every_record_gets_its_own_data_key_and_nonce() {
		let a = seal(&master(), b"same", b"").expect("seals");
		let b = seal(&master(), b"same", b"").expect("seals");
		assert_ne!(a.ciphertext, b.ciphertext);
		assert_ne!(a.wrapped_key, b.wrapped_key);
	}

	/// The vector shared with scripts/record-hash.py's self-test and tests/e2e.
	#[test]
	fn the_salted_hash_is_hmac_sha256_keyed_by_the_salt() {
		let salt: [u8; SALT_BYTES] = core::array::from_fn(|i| i as u8);
		assert_eq!(
			hex::encode(salted_hash(&salt, b"medchain")),
			"c1db598b80789ea0955966ae855acf1c60d997d2c188f1cc368073f02d72a3d6"
		);
	}
}
