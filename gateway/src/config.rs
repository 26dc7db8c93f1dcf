//! The gateway's configuration file (TOML). Secrets are never in it, only the paths of the key
//! files that hold them.

use serde::Deserialize;
use std::{net::SocketAddr, path::PathBuf};

/// What `medchain-gateway serve --config FILE` reads.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
	/// Where the gateway's HTTP API listens, e.g. `127.0.0.1:8700`.
	pub listen: SocketAddr,
	/// The Medchain node's WebSocket RPC, e.g. `ws://127.0.0.1:9944`.
	pub node_url: String,
	/// The database: `sqlite://PATH` (created if missing) or `postgres://USER@HOST/DB`.
	pub database_url: String,
	/// The custodian's master key (64 hex digits), which wraps every record's data key.
	pub master_key_file: PathBuf,
	/// The secret (a secret URI or a mnemonic) of the chain key of a member of the custodian:
	/// it anchors uploads and logs releases.
	pub member_key_file: PathBuf,
	/// The credential the custodian's own systems upload with (`Authorization: Bearer ...`).
	pub upload_token_file: PathBuf,
	/// How far, in seconds, a signed request's time may be from the gateway's clock.
	#[serde(default = "default_freshness")]
	pub freshness_seconds: u64,
	/// Whether an upload is acknowledged once its anchor is finalized (`finalized`, the
	/// default) or once it is in a best block (`best`).
	#[serde(default)]
	pub acknowledge: Acknowledge,
	/// How long, in seconds, to wait for an anchor or a logged release before giving up.
	#[serde(default = "default_chain_timeout")]
	pub chain_timeout_seconds: u64,
}

/// When an anchor counts as done.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Acknowledge {
	/// In a finalized block: it will never be reverted.
	#[default]
	Finalized,
	/// In a block of the best chain: it may still be reverted by a reorganization.
	Best,
}

fn default_freshness() -> u64 {
	60
}

fn default_chain_timeout() -> u64 {
	120
}

/// Why a configuration file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
	#[error("cannot read the configuration file {path}: {source}")]
	Read { path: String, source: std::io::Error },
	#[error("the configuration file {path} is not valid: {source}")]
	Parse { path: String, source: toml::de::Error },
}

impl Config {
	/// The configuration in `path`. Relative key-file paths are taken from the file's folder.
	pub fn from_file(path: &std::path::Path) -> Result<Self, ConfigError> {
		let shown = path.display().to_string();
		let text = std::fs::read_to_string(path)
			.map_err(|source| ConfigError::Read { path: shown.clone(), source })?;
		let mut config: Config =
			toml::from_str(&text).map_err(|source| ConfigError::Parse { path: shown, source })?;
		let base = path.parent().map(PathBuf::from).unwrap_or_default();
		for file in [
			&mut config.master_key_file,
			&mut config.member_key_file,
			&mut config.upload_token_file,
		] {
			if file.is_relative() {
				*file = base.join(&*file);
			}
		}
		Ok(config)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_configuration_file_reads_with_defaults_and_relative_key_files() {
		let dir = tempfile::tempdir().expect("a temporary directory");
		let path = dir.path().join("gateway.toml");
		std::fs::write(
			&path,
			r#"
listen = "127.0.0.1:8700"
node_url = "ws://127.0.0.1:9944"
database_url = "sqlite://gateway.db"
master_key_file = "master.key"
member_key_file = "/etc/medchain/member.key"
upload_token_file = "upload.token"
"#,
		)
		.expect("writes");
		let config = Config::from_file(&path).expect("reads");
		assert_eq!(config.master_key_file, dir.path().join("master.key"));
		assert_eq!(config.member_key_file, PathBuf::from("/etc/medchain/member.key"));
		assert_eq!(config.freshness_seconds, 60);
		assert_eq!(config.acknowledge, Acknowledge::Finalized);
		std::fs::write(&path, "listen = \"127.0.0.1:1\"\nsecret = \"no\"\n").expect("writes");
		assert!(matches!(Config::from_file(&path), Err(ConfigError::Parse { .. })));
		assert!(matches!(
			Config::from_file(&dir.path().join("missing.toml")),
			Err(ConfigError::Read { .. })
		));
	}
}
