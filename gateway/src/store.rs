//! The gateway's database: sealed records, the release requests it has seen, the releases it
//! logged, and the access trails of every patient as indexed from the chain's finalized blocks. SQLite (one file, no server) or PostgreSQL, through the same queries (sqlx's `Any`
//! driver; placeholders `$1`, which both take).
//!
//! A write returns once its transaction is committed: with SQLite in WAL mode and
//! `synchronous=FULL`, or PostgreSQL's default `synchronous_commit`, that is on disk.

use crate::{
	trail::{AccessEntry, IndexedEntry, Through},
	vault::Sealed,
};
use sqlx::{
	any::{AnyConnectOptions, AnyPoolOptions, AnyRow},
	AnyPool, Row,
};
use std::str::FromStr;

/// The database the gateway keeps.
#[derive(Clone)]
pub struct Store {
	pool: AnyPool,
	backend: Backend,
}

/// Which database server or file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
	Sqlite,
	Postgres,
}

/// A database error, with what the gateway was doing.
#[derive(Debug, thiserror::Error)]
#[error("database: {doing}: {source}")]
pub struct StoreError {
	doing: &'static str,
	#[source]
	source: sqlx::Error,
}

fn failed(doing: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
	move |source| StoreError { doing, source }
}

/// A record to keep: sealed, with what the chain and the release check need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRecord {
	/// The gateway's own id of the upload, before the chain gives the record one.
	pub upload: String,
	pub patient: [u8; 32],
	/// The record category's name, as the chain's `RecordCategory` spells it.
	pub category: String,
	pub salt: [u8; 32],
	pub content_hash: [u8; 32],
	pub sealed: Sealed,
	/// When it was uploaded, in ms since the Unix epoch.
	pub uploaded_at: i64,
}

/// A kept record, and where its anchor is once it is on chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredRecord {
	pub record: NewRecord,
	pub anchor: Option<Anchor>,
}

/// Where a record's anchor is on chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
	/// The record id the chain gave it.
	pub record_id: u64,
	pub block_hash: [u8; 32],
	pub block_number: u32,
}

/// A release the gateway logged on chain, kept for the accounting of disclosures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Release {
	pub record_id: u64,
	pub patient: [u8; 32],
	pub accessor: [u8; 32],
	/// The accessor's request, SCALE-encoded as the chain takes it, and its signature.
	pub request: Vec<u8>,
	pub signature: Vec<u8>,
	pub evidence: [u8; 32],
	/// The block the release was logged in, and its entry in the patient's access trail.
	pub block_hash: [u8; 32],
	pub block_number: u32,
	pub trail_index: u64,
	/// When the gateway released the record, in ms since the Unix epoch.
	pub released_at: i64,
}

fn hash_column(row: &AnyRow, column: &str) -> Result<[u8; 32], sqlx::Error> {
	let bytes: Vec<u8> = row.try_get(column)?;
	bytes.try_into().map_err(|_| sqlx::Error::Decode(format!("{column} is not 32 bytes").into()))
}

fn unsigned<T: TryFrom<i64>>(row: &AnyRow, column: &str) -> Result<T, sqlx::Error> {
	let value: i64 = row.try_get(column)?;
	T::try_from(value).map_err(|_| sqlx::Error::Decode(format!("{column} out of range").into()))
}

fn record_of(row: &AnyRow) -> Result<StoredRecord, sqlx::Error> {
	let record = NewRecord {
		upload: row.try_get("upload")?,
		patient: hash_column(row, "patient")?,
		category: row.try_get("category")?,
		salt: hash_column(row, "salt")?,
		content_hash: hash_column(row, "content_hash")?,
		sealed: Sealed {
			nonce: row.try_get("nonce")?,
			ciphertext: row.try_get("ciphertext")?,
			key_nonce: row.try_get("key_nonce")?,
			wrapped_key: row.try_get("wrapped_key")?,
		},
		uploaded_at: row.try_get("uploaded_at")?,
	};
	let record_id: Option<i64> = row.try_get("record_id")?;
	let anchor = match record_id {
		None => None,
		Some(_) => Some(Anchor {
			record_id: unsigned(row, "record_id")?,
			block_hash: hash_column(row, "block_hash")?,
			block_number: unsigned(row, "block_number")?,
		}),
	};
	Ok(StoredRecord { record, anchor })
}

fn signed(value: u64) -> i64 {
	i64::try_from(value).unwrap_or(i64::MAX)
}

const RECORD_COLUMNS: &str = "upload, patient, category, salt, content_hash, nonce, ciphertext, \
	key_nonce, wrapped_key, uploaded_at, record_id, block_hash, block_number";

impl Store {
	/// Open the database at `url` (`sqlite://PATH` or `postgres://...`), creating its tables if
	/// they are missing.
	pub async fn open(url: &str) -> Result<Self, StoreError> {
		sqlx::any::install_default_drivers();
		let backend = if url.starts_with("postgres:") || url.starts_with("postgresql:") {
			Backend::Postgres
		} else {
			Backend::Sqlite
		};
		let url = match backend {
			// Create the file if it is missing.
			Backend::Sqlite if !url.contains('?') => format!("{url}?mode=rwc"),
			_ => url.to_string(),
		};
		let options = AnyConnectOptions::from_str(&url).map_err(failed("parsing the URL"))?;
		let pool = AnyPoolOptions::new()
			.max_connections(if backend == Backend::Sqlite { 1 } else { 8 })
			.after_connect(move |connection, _| {
				Box::pin(async move {
					if backend == Backend::Sqlite {
						use sqlx::Executor;
						connection.execute("PRAGMA journal_mode = WAL").await?;
						connection.execute("PRAGMA synchronous = FULL").await?;
					}
					Ok(())
				})
			})
			.connect_with(options)
			.await
			.map_err(failed("connecting"))?;
		let store = Self { pool, backend };
		store.create_tables().await?;
		Ok(store)
	}

	/// Which database this is.
	pub fn backend(&self) -> Backend {
		self.backend
	}

	async fn create_tables(&self) -> Result<(), StoreError> {
		let blob = match self.backend {
			Backend::Sqlite => "BLOB",
			Backend::Postgres => "BYTEA",
		};
		let tables = [
			format!(
				"CREATE TABLE IF NOT EXISTS records (
					upload TEXT PRIMARY KEY,
					patient {blob} NOT NULL,
					category TEXT NOT NULL,
					salt {blob} NOT NULL,
					content_hash {blob} NOT NULL UNIQUE,
					nonce {blob} NOT NULL,
					ciphertext {blob} NOT NULL,
					key_nonce {blob} NOT NULL,
					wrapped_key {blob} NOT NULL,
					uploaded_at BIGINT NOT NULL,
					record_id BIGINT UNIQUE,
					block_hash {blob},
					block_number BIGINT
				)"
			),
			"CREATE INDEX IF NOT EXISTS records_of_patient ON records (patient)".to_string(),
			format!(
				"CREATE TABLE IF NOT EXISTS seen_requests (
					accessor {blob} NOT NULL,
					nonce {blob} NOT NULL,
					issued_at BIGINT NOT NULL,
					PRIMARY KEY (accessor, nonce)
				)"
			),
			format!(
				"CREATE TABLE IF NOT EXISTS releases (
					evidence {blob} PRIMARY KEY,
					record_id BIGINT NOT NULL,
					patient {blob} NOT NULL,
					accessor {blob} NOT NULL,
					request {blob} NOT NULL,
					signature {blob} NOT NULL,
					block_hash {blob} NOT NULL,
					block_number BIGINT NOT NULL,
					trail_index BIGINT NOT NULL,
					released_at BIGINT NOT NULL
				)"
			),
			"CREATE INDEX IF NOT EXISTS releases_of_patient ON releases (patient)".to_string(),
			format!(
				"CREATE TABLE IF NOT EXISTS trail_entries (
					patient {blob} NOT NULL,
					idx BIGINT NOT NULL,
					entry {blob} NOT NULL,
					head {blob} NOT NULL,
					block_hash {blob} NOT NULL,
					event_index BIGINT NOT NULL,
					recorded_at BIGINT NOT NULL,
					PRIMARY KEY (patient, idx)
				)"
			),
			format!(
				"CREATE TABLE IF NOT EXISTS trail_indexed (
					id BIGINT PRIMARY KEY,
					block_number BIGINT NOT NULL,
					block_hash {blob} NOT NULL
				)"
			),
		];
		for statement in tables {
			sqlx::query(&statement)
				.execute(&self.pool)
				.await
				.map_err(failed("creating the tables"))?;
		}
		Ok(())
	}

	/// Keep a new record, not yet anchored. Durable when this returns.
	pub async fn insert_record(&self, record: &NewRecord) -> Result<(), StoreError> {
		sqlx::query(
			"INSERT INTO records (upload, patient, category, salt, content_hash, nonce, \
			 ciphertext, key_nonce, wrapped_key, uploaded_at) \
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
		)
		.bind(record.upload.clone())
		.bind(record.patient.to_vec())
		.bind(record.category.clone())
		.bind(record.salt.to_vec())
		.bind(record.content_hash.to_vec())
		.bind(record.sealed.nonce.clone())
		.bind(record.sealed.ciphertext.clone())
		.bind(record.sealed.key_nonce.clone())
		.bind(record.sealed.wrapped_key.clone())
		.bind(record.uploaded_at)
		.execute(&self.pool)
		.await
		.map_err(failed("keeping a record"))?;
		Ok(())
	}

	/// Note where the record of upload `upload` is anchored.
	pub async fn set_anchor(&self, upload: &str, anchor: &Anchor) -> Result<(), StoreError> {
		sqlx::query(
			"UPDATE records SET record_id = $1, block_hash = $2, block_number = $3 \
			 WHERE upload = $4",
		)
		.bind(signed(anchor.record_id))
		.bind(anchor.block_hash.to_vec())
		.bind(i64::from(anchor.block_number))
		.bind(upload.to_string())
		.execute(&self.pool)
		.await
		.map_err(failed("noting an anchor"))?;
		Ok(())
	}

	/// Drop the record of upload `upload`, never anchored (the chain refused it).
	pub async fn delete_upload(&self, upload: &str) -> Result<(), StoreError> {
		sqlx::query("DELETE FROM records WHERE upload = $1 AND record_id IS NULL")
			.bind(upload.to_string())
			.execute(&self.pool)
			.await
			.map_err(failed("dropping an upload"))?;
		Ok(())
	}

	/// The records kept but not yet known to be anchored: what a restart finishes.
	pub async fn unanchored(&self) -> Result<Vec<StoredRecord>, StoreError> {
		let query = format!(
			"SELECT {RECORD_COLUMNS} FROM records WHERE record_id IS NULL ORDER BY uploaded_at"
		);
		let rows =
			sqlx::query(&query).fetch_all(&self.pool).await.map_err(failed("listing uploads"))?;
		rows.iter().map(record_of).collect::<Result<_, _>>().map_err(failed("reading uploads"))
	}

	/// The record the chain numbered `record_id`, if this gateway keeps it.
	pub async fn record(&self, record_id: u64) -> Result<Option<StoredRecord>, StoreError> {
		let query = format!("SELECT {RECORD_COLUMNS} FROM records WHERE record_id = $1");
		let row = sqlx::query(&query)
			.bind(signed(record_id))
			.fetch_optional(&self.pool)
			.await
			.map_err(failed("finding a record"))?;
		row.as_ref().map(record_of).transpose().map_err(failed("reading a record"))
	}

	/// Note a request's nonce as seen; `false` if it was seen before (a replay).
	pub async fn first_sight(
		&self,
		accessor: &[u8; 32],
		nonce: &[u8; 32],
		issued_at: i64,
	) -> Result<bool, StoreError> {
		let done = sqlx::query(
			"INSERT INTO seen_requests (accessor, nonce, issued_at) VALUES ($1, $2, $3) \
			 ON CONFLICT DO NOTHING",
		)
		.bind(accessor.to_vec())
		.bind(nonce.to_vec())
		.bind(issued_at)
		.execute(&self.pool)
		.await
		.map_err(failed("noting a request"))?;
		Ok(done.rows_affected() == 1)
	}

	/// Forget nonces of requests issued before `issued_before`: they are stale anyway.
	pub async fn forget_requests(&self, issued_before: i64) -> Result<u64, StoreError> {
		let done = sqlx::query("DELETE FROM seen_requests WHERE issued_at < $1")
			.bind(issued_before)
			.execute(&self.pool)
			.await
			.map_err(failed("forgetting requests"))?;
		Ok(done.rows_affected())
	}

	/// Keep a release logged on chain.
	pub async fn insert_release(&self, release: &Release) -> Result<(), StoreError> {
		sqlx::query(
			"INSERT INTO releases (evidence, record_id, patient, accessor, request, signature, \
			 block_hash, block_number, trail_index, released_at) \
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
		)
		.bind(release.evidence.to_vec())
		.bind(signed(release.record_id))
		.bind(release.patient.to_vec())
		.bind(release.accessor.to_vec())
		.bind(release.request.clone())
		.bind(release.signature.clone())
		.bind(release.block_hash.to_vec())
		.bind(i64::from(release.block_number))
		.bind(signed(release.trail_index))
		.bind(release.released_at)
		.execute(&self.pool)
		.await
		.map_err(failed("keeping a release"))?;
		Ok(())
	}

	/// The finalized block the access trails are indexed up to, if any.
	pub async fn indexed_through(&self) -> Result<Option<Through>, StoreError> {
		let row = sqlx::query("SELECT block_number, block_hash FROM trail_indexed WHERE id = 1")
			.fetch_optional(&self.pool)
			.await
			.map_err(failed("reading the trail index"))?;
		row.map(|row| {
			Ok(Through {
				number: unsigned(&row, "block_number")?,
				hash: hash_column(&row, "block_hash")?,
			})
		})
		.transpose()
		.map_err(failed("reading the trail index"))
	}

	/// Keep the trail entries of the blocks up to `through`, and note that they are indexed up
	/// to it, in one transaction. Entries kept before are left as they are.
	pub async fn add_trail(
		&self,
		entries: &[IndexedEntry],
		through: Through,
	) -> Result<(), StoreError> {
		let doing = "indexing the access trail";
		let mut transaction = self.pool.begin().await.map_err(failed(doing))?;
		for indexed in entries {
			sqlx::query(
				"INSERT INTO trail_entries (patient, idx, entry, head, block_hash, event_index, \
				 recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
			)
			.bind(indexed.entry.patient.to_vec())
			.bind(signed(indexed.entry.index))
			.bind(codec::Encode::encode(&indexed.entry))
			.bind(indexed.head.to_vec())
			.bind(indexed.block_hash.to_vec())
			.bind(i64::from(indexed.event_index))
			.bind(signed(indexed.recorded_at))
			.execute(&mut *transaction)
			.await
			.map_err(failed(doing))?;
		}
		sqlx::query(
			"INSERT INTO trail_indexed (id, block_number, block_hash) VALUES (1, $1, $2) \
			 ON CONFLICT (id) DO UPDATE SET block_number = excluded.block_number, \
			 block_hash = excluded.block_hash \
			 WHERE trail_indexed.block_number < excluded.block_number",
		)
		.bind(i64::from(through.number))
		.bind(through.hash.to_vec())
		.execute(&mut *transaction)
		.await
		.map_err(failed(doing))?;
		transaction.commit().await.map_err(failed(doing))
	}

	/// The access trail of `patient` as indexed, oldest first.
	pub async fn trail_of(&self, patient: &[u8; 32]) -> Result<Vec<IndexedEntry>, StoreError> {
		let rows = sqlx::query(
			"SELECT entry, head, block_hash, event_index, recorded_at FROM trail_entries \
			 WHERE patient = $1 ORDER BY idx",
		)
		.bind(patient.to_vec())
		.fetch_all(&self.pool)
		.await
		.map_err(failed("reading an access trail"))?;
		rows.iter()
			.map(|row| {
				let bytes: Vec<u8> = row.try_get("entry")?;
				let entry = <AccessEntry as codec::Decode>::decode(&mut bytes.as_slice())
					.map_err(|error| sqlx::Error::Decode(error.to_string().into()))?;
				Ok(IndexedEntry {
					entry,
					head: hash_column(row, "head")?,
					block_hash: hash_column(row, "block_hash")?,
					event_index: unsigned(row, "event_index")?,
					recorded_at: unsigned(row, "recorded_at")?,
				})
			})
			.collect::<Result<_, sqlx::Error>>()
			.map_err(failed("reading an access trail"))
	}

	/// Whether the database answers.
	pub async fn healthy(&self) -> bool {
		sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
	}

	/// Close every connection (on shutdown, after the last write).
	pub async fn close(&self) {
		self.pool.close().await;
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn record(upload: &str, hash: u8) -> NewRecord {
		NewRecord {
			upload: upload.to_string(),
			patient: [1; 32],
			category: "LabResult".to_string(),
			salt: [2; 32],
			content_hash: [hash; 32],
			sealed: Sealed {
				nonce: vec![3; 24],
				ciphertext: vec![4, 5, 6],
				key_nonce: vec![7; 24],
				wrapped_key: vec![8; 48],
			},
			uploaded_at: 1_000,
		}
	}

	/// The database of a test: SQLite in a temporary directory, or the PostgreSQL server in
	/// `MEDCHAIN_TEST_POSTGRES` (a fresh database per test), which scripts/test.sh starts.
	pub(crate) async fn stores() -> Vec<(Store, Option<tempfile::TempDir>)> {
		let dir = tempfile::tempdir().expect("a temporary directory");
		let url = format!("sqlite://{}", dir.path().join("gateway.db").display());
		let mut stores = vec![(Store::open(&url).await.expect("opens SQLite"), Some(dir))];
		if let Ok(server) = std::env::var("MEDCHAIN_TEST_POSTGRES") {
			stores.push((crate::store::tests::fresh_postgres(&server).await, None));
		}
		stores
	}

	/// A new, empty database on the PostgreSQL server at `server` (a URL without a database).
	async fn fresh_postgres(server: &str) -> Store {
		use sqlx::Connection;
		sqlx::any::install_default_drivers();
		let name = format!(
			"gateway_test_{}",
			hex::encode(crate::vault::new_salt()).get(..12).unwrap_or("x")
		);
		let mut admin = sqlx::AnyConnection::connect(&format!("{server}/postgres"))
			.await
			.expect("connects to PostgreSQL");
		sqlx::query(&format!("CREATE DATABASE {name}"))
			.execute(&mut admin)
			.await
			.expect("creates a database");
		Store::open(&format!("{server}/{name}")).await.expect("opens PostgreSQL")
	}

	#[tokio::test]
	async fn records_are_kept_then_anchored_and_survive_a_reopen() {
		for (store, dir) in stores().await {
			store.insert_record(&record("u1", 9)).await.expect("keeps");
			store.insert_record(&record("u2", 10)).await.expect("keeps");
			// The same content hash twice is refused: one row per anchor.
			assert!(store.insert_record(&record("u3", 9)).await.is_err());
			let anchor = Anchor { record_id: 42, block_hash: [5; 32], block_number: 7 };
			store.set_anchor("u1", &anchor).await.expect("notes");
			let unanchored = store.unanchored().await.expect("lists");
			assert_eq!(
				unanchored.iter().map(|r| r.record.upload.as_str()).collect::<Vec<_>>(),
				["u2"]
			);
			assert_eq!(
				store.record(42).await.expect("finds"),
				Some(StoredRecord { record: record("u1", 9), anchor: Some(anchor.clone()) })
			);
			assert_eq!(store.record(43).await.expect("finds"), None);
			if let Some(dir) = dir {
				store.close().await;
				let url = format!("sqlite://{}", dir.path().join("gateway.db").display());
				let reopened = Store::open(&url).await.expect("reopens");
				assert_eq!(
					reopened.record(42).await.expect("finds").map(|r| r.anchor),
					Some(Some(anchor))
				);
			}
		}
	}

	#[tokio::test]
	async fn a_nonce_is_accepted_once_and_forgotten_when_stale() {
		for (store, _dir) in stores().await {
			assert!(store.first_sight(&[1; 32], &[2; 32], 100).await.expect("notes"));
			assert!(!store.first_sight(&[1; 32], &[2; 32], 100).await.expect("notes"));
			assert!(store.first_sight(&[9; 32], &[2; 32], 100).await.expect("notes"));
			assert_eq!(store.forget_requests(101).await.expect("forgets"), 2);
			assert!(store.first_sight(&[1; 32], &[2; 32], 200).await.expect("notes"));
		}
	}

	#[tokio::test]
	async fn trail_entries_are_indexed_once_with_the_block_they_reach() {
		use crate::trail::{AccessAction, AccessBasis};
		for (store, _dir) in stores().await {
			assert_eq!(store.indexed_through().await.expect("reads"), None);
			let entry = |index, patient| IndexedEntry {
				entry: AccessEntry {
					index,
					patient,
					accessor: [2; 32],
					org: 3,
					block: 4,
					action: AccessAction::Accessed {
						record: 5,
						purpose: crate::request::Purpose::Treatment,
						basis: AccessBasis::Grant(6),
					},
				},
				head: [7; 32],
				block_hash: [8; 32],
				event_index: 9,
				recorded_at: 10,
			};
			let first = Through { number: 4, hash: [8; 32] };
			store.add_trail(&[entry(2, [1; 32]), entry(1, [1; 32])], first).await.expect("keeps");
			// An entry kept is kept as it was: a second one under its key changes nothing.
			let mut other = entry(1, [1; 32]);
			other.head = [0; 32];
			let second = Through { number: 5, hash: [9; 32] };
			store.add_trail(&[other, entry(1, [2; 32])], second).await.expect("keeps");
			// The index never moves back.
			store.add_trail(&[], first).await.expect("keeps");
			assert_eq!(store.indexed_through().await.expect("reads"), Some(second));
			assert_eq!(
				store.trail_of(&[1; 32]).await.expect("reads"),
				vec![entry(1, [1; 32]), entry(2, [1; 32])]
			);
			assert_eq!(store.trail_of(&[2; 32]).await.expect("reads"), vec![entry(1, [2; 32])]);
			assert_eq!(store.trail_of(&[3; 32]).await.expect("reads"), vec![]);
		}
	}

	#[tokio::test]
	async fn a_release_is_kept_once() {
		for (store, _dir) in stores().await {
			let release = Release {
				record_id: 1,
				patient: [1; 32],
				accessor: [2; 32],
				request: vec![3],
				signature: vec![4],
				evidence: [5; 32],
				block_hash: [6; 32],
				block_number: 7,
				trail_index: 8,
				released_at: 9,
			};
			store.insert_release(&release).await.expect("keeps");
			assert!(store.insert_release(&release).await.is_err(), "one row per evidence");
		}
	}
}
