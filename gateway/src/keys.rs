//! Key files: the member's chain key, the upload credential. Secrets are read from files only
//! their owner may read, never from the command line (which other users of the machine see).

use std::{io::Write, path::Path, str::FromStr};
use subxt_signer::{sr25519::Keypair, SecretUri};
use zeroize::Zeroizing;

/// Why a key file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
	#[error("cannot read the key file {path}: {source}")]
	Read { path: String, source: std::io::Error },
	#[error("the key file {path} holds no valid secret (a secret URI such as a mnemonic, or 0x and 64 hex digits)")]
	Malformed { path: String },
	#[error("the key file {path} is readable by other users: make it owner-only (chmod 600)")]
	TooOpen { path: String },
}

pub fn read_secret(path: &Path) -> Result<Zeroizing<String>, KeyError> {
	let shown = path.display().to_string();
	#[cfg(unix)]
	{
		use std::os::unix::fs::PermissionsExt;
		let mode = std::fs::metadata(path)
			.map_err(|source| KeyError::Read { path: shown.clone(), source })?
			.permissions()
			.mode();
		if mode & 0o077 != 0 {
			return Err(KeyError::TooOpen { path: shown });
		}
	}
	let text =
		std::fs::read_to_string(path).map_err(|source| KeyError::Read { path: shown, source })?;
	Ok(Zeroizing::new(text.trim().to_string()))
}

/// The sr25519 key in `path`: a secret URI (a mnemonic, `0x` and a 32-byte seed, or a dev
/// URI such as `//Alice`, each with optional derivation).
pub fn keypair(path: &Path) -> Result<Keypair, KeyError> {
	let secret = read_secret(path)?;
	let malformed = || KeyError::Malformed { path: path.display().to_string() };
	let uri = SecretUri::from_str(&secret).map_err(|_| malformed())?;
	Keypair::from_uri(&uri).map_err(|_| malformed())
}

/// The upload credential in `path`.
pub fn token(path: &Path) -> Result<Zeroizing<String>, KeyError> {
	let token = read_secret(path)?;
	if token.len() < 16 {
		return Err(KeyError::Malformed { path: path.display().to_string() });
	}
	Ok(token)
}

/// Write `secret` to a new file at `path`, readable and writable by its owner only.
pub fn write_secret(path: &Path, secret: &[u8]) -> std::io::Result<()> {
	let mut options = std::fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	{
		use std::os::unix::fs::OpenOptionsExt;
		options.mode(0o600);
	}
	let mut file = options.open(path)?;
	file.write_all(secret)?;
	file.write_all(b"\n")?;
	file.sync_all()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn key_files_are_owner_only_and_hold_a_secret_uri() {
		let dir = tempfile::tempdir().expect("a temporary directory");
		let path = dir.path().join("member.key");
		write_secret(&path, b"//Alice").expect("writes");
		let alice = keypair(&path).expect("reads");
		assert_eq!(alice.public_key().0, subxt_signer::sr25519::dev::alice().public_key().0);
		assert!(write_secret(&path, b"//Bob").is_err(), "never overwrites a key");
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
			assert!(matches!(keypair(&path), Err(KeyError::TooOpen { .. })));
		}
		let bad = dir.path().join("bad.key");
		write_secret(&bad, b"not a key at all").expect("writes");
		assert!(matches!(keypair(&bad), Err(KeyError::Malformed { .. })));
		let short = dir.path().join("short.token");
		write_secret(&short, b"123").expect("writes");
		assert!(matches!(token(&short), Err(KeyError::Malformed { .. })));
	}
}
