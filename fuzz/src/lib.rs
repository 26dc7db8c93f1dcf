//! # Medchain runtime fuzzer
//!
//! The harness `fuzz_targets/runtime.rs` hands libFuzzer's bytes to [`run`], which reads them
//! as a sequence of [`Step`]s and plays them against the real runtime (native, built with
//! `try-runtime`), starting each input from the development preset's genesis: its funded
//! accounts, the demo organizations (provider 0: admin Charlie, member Dave; payer 1: Eve),
//! Bob the patient, and Alice the sudo key. A step is either a call signed by one of the
//! development keys and applied as a wallet's transaction would be (`Executive::apply_extrinsic`:
//! signature, nonce, fees, the admission filter), or the end of a block, after which a new one
//! starts some time later (hooks run, time moves).
//!
//! After every block, [`check_block`] requires:
//! - `try_state` of every pallet holds;
//! - no account's free + reserved balance wraps, and they add up to the total issuance;
//! - the total issuance moved exactly by what the balance events say was issued or burned;
//! - in a block without a privileged call (sudo, or a council motion executed), nothing was
//!   issued, and no more was burned as dropped credit than the fees paid and the dust lost.
//!
//! A panic anywhere (the runtime's, or one of these checks) is a finding: libFuzzer saves the
//! input that caused it.
#![allow(clippy::expect_used, clippy::panic)]

use codec::{Decode, DecodeLimit, Encode};
use frame_support::traits::{TryState, TryStateSelect};
use medchain_runtime::{
	AllPalletsWithSystem, Balance, BlockNumber, Executive, Header, Runtime, RuntimeCall,
	RuntimeEvent, System,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::Header as _;
use std::sync::OnceLock;

/// How deep a call may nest (sudo in a council motion in sudo …) when decoded from the input.
const MAX_CALL_DEPTH: u32 = 16;
/// The most steps an input plays; more bytes are ignored.
const MAX_STEPS: usize = 64;
/// A step tag at or above this ends the block; below it, it names the signer of a call.
const END_BLOCK: u8 = 0xf0;
/// Empty blocks an end-of-block step plays per 24 of its `lapse` byte: up to 200.
const EMPTY_BLOCKS_PER_STEP: u32 = 20;
/// The most blocks an input makes (empty ones included), so that one input stays well within
/// libFuzzer's per-input timeout.
const MAX_BLOCKS: u32 = 120;
/// The development chain's block time.
const BLOCK_TIME_MS: u64 = 6_000;
/// Genesis time of the fuzzed chain (its first block's timestamp).
const T0: u64 = 1_700_000_000_000;

/// One step of an input. Encoded: a tag byte; below [`END_BLOCK`], the signer's index among
/// [`keys`] (modulo their number) followed by a SCALE-encoded `RuntimeCall`; otherwise the next
/// blocks' miner (tag's low bits) and one byte `lapse`: `20 * (lapse / 24)` empty blocks follow
/// (up to 200; 120 blocks an input), and the next block with calls comes `6 s << (lapse % 24)` after the last (6 s up
/// to about 1.6 years), so expiries, periods and retargets are reached.
#[derive(Clone, Debug)]
pub enum Step {
	Call { signer: u8, call: RuntimeCall },
	EndBlock { miner: u8, lapse: u8 },
}

impl Step {
	/// Read one step, or `None` where the bytes end or stop making sense.
	fn read(input: &mut &[u8]) -> Option<Step> {
		let tag = u8::decode(input).ok()?;
		if tag >= END_BLOCK {
			let lapse = u8::decode(input).ok()?;
			return Some(Step::EndBlock { miner: tag.wrapping_sub(END_BLOCK), lapse });
		}
		let call = RuntimeCall::decode_with_depth_limit(MAX_CALL_DEPTH, input).ok()?;
		Some(Step::Call { signer: tag, call })
	}

	/// The bytes [`Step::read`] reads back as this step.
	pub fn to_bytes(&self) -> Vec<u8> {
		match self {
			Step::Call { signer, call } => {
				let mut bytes = vec![signer % END_BLOCK];
				call.encode_to(&mut bytes);
				bytes
			}
			Step::EndBlock { miner, lapse } => {
				vec![END_BLOCK.saturating_add(miner % (u8::MAX - END_BLOCK)), *lapse]
			}
		}
	}
}

/// The keys that sign calls and mine blocks: every development key, funded or not.
fn keys() -> &'static [Sr25519Keyring] {
	static KEYS: OnceLock<Vec<Sr25519Keyring>> = OnceLock::new();
	KEYS.get_or_init(|| Sr25519Keyring::iter().collect())
}

fn key(index: u8) -> Sr25519Keyring {
	let keys = keys();
	*keys.get(usize::from(index) % keys.len()).expect("an index modulo the length")
}

type RawState = (Vec<(Vec<u8>, (Vec<u8>, i32))>, sp_core::H256);

/// The development preset's genesis state, built once.
fn genesis() -> &'static RawState {
	static GENESIS: OnceLock<RawState> = OnceLock::new();
	GENESIS.get_or_init(|| {
		let mut ext = medchain_tests::genesis("development");
		ext.commit_all().expect("genesis commits");
		ext.into_raw_snapshot()
	})
}

/// Whether `call`, or a call it carries (through sudo or a council motion), is one the sudo key
/// could use to break the books without telling us anything about the pallets: `system`'s
/// storage-writing calls (any storage), and the balances calls that set an issuance or a
/// balance by fiat (`forceAdjustTotalIssuance` emits no issuance event; `forceSetBalance` near
/// `u128::MAX` saturates the issuance; `forceUnreserve` takes reserved funds from under a
/// pallet's hold). Signed accounts cannot send the `system` ones (the admission filter refuses
/// them, which the fuzzer keeps testing through remarks), and only root can send the others.
fn skipped(call: &RuntimeCall) -> bool {
	match call {
		RuntimeCall::System(
			frame_system::Call::remark { .. } | frame_system::Call::remark_with_event { .. },
		) => false,
		RuntimeCall::System(_) => true,
		RuntimeCall::Balances(
			pallet_balances::Call::force_adjust_total_issuance { .. }
			| pallet_balances::Call::force_set_balance { .. }
			| pallet_balances::Call::force_unreserve { .. },
		) => true,
		RuntimeCall::Sudo(
			pallet_sudo::Call::sudo { call }
			| pallet_sudo::Call::sudo_unchecked_weight { call, .. }
			| pallet_sudo::Call::sudo_as { call, .. },
		) => skipped(call),
		RuntimeCall::Council(
			pallet_collective::Call::propose { proposal, .. }
			| pallet_collective::Call::execute { proposal, .. },
		) => skipped(proposal),
		_ => false,
	}
}

/// What became of an input's calls.
#[derive(Default, Debug)]
pub struct Outcome {
	/// Calls applied and successful.
	pub succeeded: usize,
	/// Calls that failed: refused as transactions, or dispatched with an error.
	pub failed: Vec<String>,
	/// Blocks made.
	pub blocks: u32,
}

/// Play `data` against the runtime from genesis, checking every block. Panics on a finding.
pub fn run(data: &[u8]) -> Outcome {
	let (raw, root) = genesis().clone();
	let mut ext =
		sp_io::TestExternalities::from_raw_snapshot(raw, root, sp_runtime::StateVersion::V1);
	ext.execute_with(|| play(data))
}

fn play(mut data: &[u8]) -> Outcome {
	let mut outcome = Outcome::default();
	let mut number: BlockNumber = 1;
	let mut now = T0;
	let mut parent = System::parent_hash();
	let mut books = Books::open();
	medchain_tests::start_child_block(parent, number, Sr25519Keyring::Alice, now);
	for _ in 0..MAX_STEPS {
		let Some(step) = Step::read(&mut data) else { break };
		match step {
			Step::Call { signer, call } => {
				if skipped(&call) {
					continue;
				}
				let signer = key(signer);
				let result = Executive::apply_extrinsic(medchain_tests::signed(signer, call));
				match result {
					Ok(Ok(())) => outcome.succeeded = outcome.succeeded.saturating_add(1),
					other => outcome.failed.push(format!("{other:?}")),
				}
			}
			Step::EndBlock { miner, lapse } => {
				// The block, then `empty` blocks with nothing but their timestamp (so that
				// periods and expiries counted in blocks are reached), then the next one.
				let empty = u32::from(lapse / 24)
					.saturating_mul(EMPTY_BLOCKS_PER_STEP)
					.min(MAX_BLOCKS.saturating_sub(outcome.blocks));
				for _ in 0..=empty {
					let header = end_block(number, &books);
					outcome.blocks = outcome.blocks.saturating_add(1);
					parent = header.hash();
					number = number.checked_add(1).expect("few blocks");
					now = now.saturating_add(BLOCK_TIME_MS);
					books = Books::open();
					medchain_tests::start_child_block(parent, number, key(miner), now);
				}
				// And a gap in time before the next block: 0 s up to about 1.6 years.
				let gap = BLOCK_TIME_MS.checked_shl(u32::from(lapse % 24)).expect("< 64");
				now = now.saturating_add(gap.saturating_sub(BLOCK_TIME_MS));
			}
		}
	}
	end_block(number, &books);
	outcome.blocks = outcome.blocks.saturating_add(1);
	outcome
}

fn end_block(number: BlockNumber, books: &Books) -> Header {
	let header = medchain_tests::finish_block();
	check_block(number, books);
	header
}

/// The total issuance when a block started.
struct Books {
	issuance: Balance,
}

impl Books {
	fn open() -> Books {
		Books { issuance: pallet_balances::TotalIssuance::<Runtime>::get() }
	}
}

fn sum(a: Balance, b: Balance, what: &str) -> Balance {
	a.checked_add(b).unwrap_or_else(|| panic!("{what} overflows a Balance"))
}

/// The invariants every block must keep (see the crate's documentation).
fn check_block(number: BlockNumber, books: &Books) {
	if let Err(error) =
		<AllPalletsWithSystem as TryState<BlockNumber>>::try_state(number, TryStateSelect::All)
	{
		panic!("try_state failed after block {number}: {error:?}");
	}

	let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
	let mut held: Balance = 0;
	for account in frame_system::Account::<Runtime>::iter_values() {
		let total = sum(account.data.free, account.data.reserved, "free + reserved");
		held = sum(held, total, "the sum of all accounts");
	}
	assert_eq!(held, issuance, "after block {number}, the accounts do not add up to the issuance");

	use pallet_balances::Event as B;
	let (mut issued, mut burned, mut dropped, mut fees, mut dust) = (0, 0, 0, 0, 0);
	let mut privileged = false;
	for record in System::events() {
		match record.event {
			RuntimeEvent::Balances(
				B::Issued { amount }
				| B::Minted { amount, .. }
				| B::MintedCredit { amount }
				| B::Restored { amount, .. },
			) => issued = sum(issued, amount, "issued"),
			RuntimeEvent::Balances(
				B::Burned { amount, .. }
				| B::BurnedHeld { amount, .. }
				| B::Suspended { amount, .. },
			) => burned = sum(burned, amount, "burned"),
			RuntimeEvent::Balances(B::Rescinded { amount } | B::BurnedDebt { amount }) => {
				dropped = sum(dropped, amount, "dropped credit")
			}
			RuntimeEvent::Balances(B::DustLost { amount, .. }) => dust = sum(dust, amount, "dust"),
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
			) => fees = sum(fees, actual_fee, "fees"),
			RuntimeEvent::Sudo(
				pallet_sudo::Event::Sudid { sudo_result: Ok(_) }
				| pallet_sudo::Event::SudoAsDone { sudo_result: Ok(_) },
			)
			| RuntimeEvent::Council(pallet_collective::Event::Executed { result: Ok(_), .. }) => {
				privileged = true
			}
			_ => {}
		}
	}
	let expected = books
		.issuance
		.checked_add(issued)
		.and_then(|up| up.checked_sub(sum(burned, dropped, "burned")))
		.unwrap_or_else(|| panic!("block {number}: issuance books do not balance"));
	assert_eq!(
		issuance, expected,
		"block {number}: issuance {} -> {issuance}, but events issued {issued}, burned {burned}, dropped {dropped}",
		books.issuance
	);
	if !privileged {
		assert_eq!(issued, 0, "block {number}: {issued} issued without a privileged call");
		assert!(
			dropped <= sum(fees, dust, "fees + dust"),
			"block {number}: {dropped} burned as dropped credit, but fees were {fees} and dust {dust}"
		);
	}
}

/// Inputs that play the medical flows end to end, for the checked-in corpus: the fuzzer starts
/// from them instead of having to find, byte by byte, a valid patient id or a claim.
pub fn seeds() -> Vec<(&'static str, Vec<Step>)> {
	use medchain_primitives::{token::MED, DelegateRole, Purpose, RecordCategory};
	use medchain_runtime::{BalancesCall, ConsentCall, PatientsCall, PaymentsCall, RecordsCall};
	use pallet_payments::commitment::{CodeSystem, LineDetail, ServiceCode};
	use sp_core::H256;
	use Sr25519Keyring::*;

	let index = |k: Sr25519Keyring| {
		u8::try_from(keys().iter().position(|key| *key == k).expect("a development key"))
			.expect("few keys")
	};
	let call = |k, call| Step::Call { signer: index(k), call };
	let end = |lapse| Step::EndBlock { miner: index(Alice), lapse };
	let bob = {
		let (raw, root) = genesis().clone();
		sp_io::TestExternalities::from_raw_snapshot(raw, root, sp_runtime::StateVersion::V1)
			.execute_with(|| pallet_patients::PatientOf::<Runtime>::get(Bob.to_account_id()))
			.expect("Bob is a patient")
	};
	let grant = |org, purpose| {
		RuntimeCall::Consent(ConsentCall::grant_consent {
			patient: bob,
			grantee: pallet_consent::Grantee::Organization(org),
			scope: pallet_consent::ConsentScope::All,
			purpose,
			starts_at: None,
			expires_at: None,
		})
	};
	let summary = H256::repeat_byte(0x5a);
	let anchor = RuntimeCall::Records(RecordsCall::anchor_record {
		patient: bob,
		content_hash: summary,
		algorithm: pallet_records::HashAlgorithm::HmacSha2_256,
		category: RecordCategory::DischargeSummary,
		locator: None,
	});
	let line = LineDetail {
		service: ServiceCode { system: CodeSystem::Cpt, code: *b"99223\0\0\0" },
		quantity: 2,
		unit_price: 30 * MED,
		salt: [7; 32],
	}
	.on_chain()
	.expect("a well-formed line");

	vec![
		(
			"consent-anchor-access",
			vec![
				call(Bob, grant(0, Purpose::Treatment)),
				call(Dave, anchor.clone()),
				end(0),
				call(
					Dave,
					RuntimeCall::Consent(ConsentCall::log_access {
						patient: bob,
						record: 0,
						purpose: Purpose::Treatment,
					}),
				),
			],
		),
		(
			"claim-paid",
			vec![
				call(Bob, grant(0, Purpose::Treatment)),
				call(Dave, anchor),
				call(Bob, grant(1, Purpose::Payment)),
				call(
					Dave,
					RuntimeCall::Payments(PaymentsCall::submit_claim {
						patient: bob,
						payer: Some(1),
						payee: Charlie.to_account_id(),
						lines: vec![line].try_into().expect("one line"),
						evidence: vec![summary].try_into().expect("one hash"),
					}),
				),
				call(Eve, RuntimeCall::Payments(PaymentsCall::fund_escrow { amount: 100 * MED })),
				end(0),
				call(
					Eve,
					RuntimeCall::Payments(PaymentsCall::approve_claim {
						claim: 0,
						allowed: vec![50 * MED].try_into().expect("one line"),
						patient_share: 10 * MED,
					}),
				),
				call(Ferdie, RuntimeCall::Payments(PaymentsCall::settle_claim { claim: 0 })),
				call(Bob, RuntimeCall::Payments(PaymentsCall::pay_patient_share { claim: 0 })),
			],
		),
		(
			"patients-delegates-time",
			vec![
				call(
					Ferdie,
					RuntimeCall::Patients(PatientsCall::register_patient { commitment: None }),
				),
				call(
					Dave,
					RuntimeCall::Patients(PatientsCall::register_patient_for { commitment: None }),
				),
				call(
					Bob,
					RuntimeCall::Patients(PatientsCall::add_delegate {
						patient: bob,
						delegate: One.to_account_id(),
						role: DelegateRole::NextOfKin,
						expires_at: Some(20),
					}),
				),
				// 20 empty blocks: past the delegate's expiry at block 20.
				end(24),
				end(20),
				call(
					Charlie,
					RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
						dest: One.to_account_id().into(),
						value: MED,
					}),
				),
			],
		),
	]
}

/// The bytes of an input made of `steps`.
pub fn encode(steps: &[Step]) -> Vec<u8> {
	steps.iter().flat_map(Step::to_bytes).collect()
}

/// Play every seed, require each of its calls to succeed (a seed that no longer plays its flow
/// would seed nothing), and write it to `dir` under its name.
pub fn write_seeds(dir: &std::path::Path) {
	std::fs::create_dir_all(dir).expect("the seed folder can be made");
	for (name, steps) in seeds() {
		let bytes = encode(&steps);
		let outcome = run(&bytes);
		let calls = steps.iter().filter(|step| matches!(step, Step::Call { .. })).count();
		assert!(
			outcome.failed.is_empty() && outcome.succeeded == calls,
			"seed {name}: {} of {calls} calls succeeded; failed: {:?}",
			outcome.succeeded,
			outcome.failed
		);
		std::fs::write(dir.join(name), bytes).expect("the seed can be written");
		println!("seed {name}: {calls} calls, {} blocks", outcome.blocks);
	}
}
