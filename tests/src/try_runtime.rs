//! try-runtime through the real runtime: a chain of blocks made by the medical flows (consent,
//! anchoring, an access logged, a claim from submission to payment, a patient and a delegate,
//! a refused call, a long gap) is replayed from genesis with `Executive::try_execute_block`,
//! as `TryRuntime_execute_block` does on a node: with the state root and signature checks, and
//! every pallet's `try_state` and the decoding of the whole state after each block. Then the
//! runtime upgrade checks (`try_runtime_upgrade`) run on the resulting state.

use crate::*;
use frame_support::traits::TryStateSelect;
use medchain_primitives::{token::MED, DelegateRole, Purpose, RecordCategory};
use medchain_runtime::{BalancesCall, Block, ConsentCall, PatientsCall, PaymentsCall, RecordsCall};
use pallet_payments::commitment::{CodeSystem, LineDetail, ServiceCode};
use sp_core::H256;
use sp_runtime::traits::{Block as _, Header as _};
use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie, One};

const T0: u64 = 1_700_000_000_000;
const BLOCK_TIME_MS: u64 = 6_000;

/// Blocks as a node makes them: each one's extrinsics in order (its timestamp inherent, then the
/// transactions that were valid), under the header `finalize_block` gave.
#[derive(Default)]
struct Chain {
	blocks: Vec<Block>,
}

/// What a call in a [`Chain`] block should do when applied.
enum Expect {
	Succeed,
	FailWith(&'static str),
}

impl Chain {
	fn parent(&self) -> H256 {
		self.blocks.last().map(|block| block.header.hash()).unwrap_or_else(System::parent_hash)
	}

	/// Make the next block, `gap_ms` after the last, holding `calls`.
	fn block(&mut self, gap_ms: u64, calls: Vec<(Sr25519Keyring, RuntimeCall, Expect)>) {
		let number = u32::try_from(self.blocks.len()).expect("few blocks") + 1;
		let now = T0 + u64::from(number) * BLOCK_TIME_MS + gap_ms;
		let mut extrinsics = vec![start_child_block(self.parent(), number, Alice, now)];
		for (signer, call, expect) in calls {
			let extrinsic = signed(signer, call);
			let result = Executive::apply_extrinsic(extrinsic.clone());
			match expect {
				Expect::Succeed => assert_ok_applied(result),
				Expect::FailWith(error) => {
					assert!(crate::tests::failed_with(&result, error), "{result:?}")
				}
			}
			extrinsics.push(extrinsic);
		}
		let header = finish_block();
		self.blocks.push(Block::new(header, extrinsics));
	}
}

/// The flows' blocks, made on the development preset's genesis.
fn flows() -> Vec<Block> {
	let mut chain = Chain::default();
	genesis("development").execute_with(|| {
		use Expect::*;
		let bob = pallet_patients::PatientOf::<Runtime>::get(Bob.to_account_id())
			.expect("Bob is a patient");
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
		let line = LineDetail {
			service: ServiceCode { system: CodeSystem::Cpt, code: *b"99223\0\0\0" },
			quantity: 2,
			unit_price: 30 * MED,
			salt: [7; 32],
		}
		.on_chain()
		.expect("a well-formed line");

		chain.block(
			0,
			vec![
				(Bob, grant(0, Purpose::Treatment), Succeed),
				(Bob, grant(1, Purpose::Payment), Succeed),
				(
					Dave,
					RuntimeCall::Records(RecordsCall::anchor_record {
						patient: bob,
						content_hash: summary,
						algorithm: pallet_records::HashAlgorithm::HmacSha2_256,
						category: RecordCategory::DischargeSummary,
						locator: None,
					}),
					Succeed,
				),
			],
		);
		let log = |purpose| {
			RuntimeCall::Consent(ConsentCall::log_access { patient: bob, record: 0, purpose })
		};
		chain.block(
			0,
			vec![
				(Dave, log(Purpose::Treatment), Succeed),
				// The insurer's clerk has no treatment consent: the failed call is in the block.
				(Eve, log(Purpose::Treatment), FailWith("NoConsent")),
				(
					Dave,
					RuntimeCall::Payments(PaymentsCall::submit_claim {
						patient: bob,
						payer: Some(1),
						payee: Charlie.to_account_id(),
						lines: vec![line].try_into().expect("one line"),
						evidence: vec![summary].try_into().expect("one hash"),
					}),
					Succeed,
				),
				(
					Eve,
					RuntimeCall::Payments(PaymentsCall::fund_escrow { amount: 100 * MED }),
					Succeed,
				),
			],
		);
		chain.block(
			0,
			vec![
				(
					Eve,
					RuntimeCall::Payments(PaymentsCall::approve_claim {
						claim: 0,
						allowed: vec![50 * MED].try_into().expect("one line"),
						patient_share: 10 * MED,
					}),
					Succeed,
				),
				(Ferdie, RuntimeCall::Payments(PaymentsCall::settle_claim { claim: 0 }), Succeed),
				(Bob, RuntimeCall::Payments(PaymentsCall::pay_patient_share { claim: 0 }), Succeed),
			],
		);
		chain.block(
			0,
			vec![
				(
					Ferdie,
					RuntimeCall::Patients(PatientsCall::register_patient { commitment: None }),
					Succeed,
				),
				(
					Bob,
					RuntimeCall::Patients(PatientsCall::add_delegate {
						patient: bob,
						delegate: One.to_account_id(),
						role: DelegateRole::NextOfKin,
						expires_at: Some(20),
					}),
					Succeed,
				),
				(Bob, RuntimeCall::Consent(ConsentCall::revoke_consent { grant: 1 }), Succeed),
				(
					Charlie,
					RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
						dest: One.to_account_id().into(),
						value: MED,
					}),
					Succeed,
				),
			],
		);
		// A day without blocks (the chain halted), then an empty block.
		chain.block(24 * 3_600_000, vec![]);
	});
	chain.blocks
}

#[test]
fn the_flows_blocks_pass_try_runtime_execute_block_with_every_check() {
	let blocks = flows();
	assert_eq!(blocks.len(), 5);
	genesis("development").execute_with(|| {
		for block in blocks {
			let number = *block.header().number();
			let extrinsics = block.extrinsics().len();
			let weight =
				Executive::try_execute_block(block.into(), true, true, TryStateSelect::All)
					.unwrap_or_else(|error| panic!("block {number} fails try-runtime: {error:?}"));
			assert!(weight.ref_time() > 0, "block {number} ({extrinsics} extrinsics) did work");
		}
		Executive::try_runtime_upgrade(frame_support::traits::UpgradeCheckSelect::All)
			.expect("the upgrade checks hold on the flows' state");
	});
}

#[test]
fn try_runtime_execute_block_catches_a_broken_invariant_and_a_wrong_state_root() {
	let blocks = flows();
	let (first, second) = (blocks[0].clone(), blocks[1].clone());
	// A state that breaks the records pallet's invariant before block 2: refused by try_state.
	genesis("development").execute_with(|| {
		Executive::try_execute_block(first.clone().into(), true, true, TryStateSelect::All)
			.expect("block 1 passes");
		pallet_records::RecordsByCustodian::<Runtime>::remove(0, 0);
		let error = Executive::try_execute_block(second.into(), true, true, TryStateSelect::All)
			.expect_err("a broken index fails try_state");
		assert!(format!("{error:?}").contains("try_state"), "{error:?}");
		// The pallet whose check failed, and why (the executive logs it, then reports them all).
		let records = pallet_records::Pallet::<Runtime>::do_try_state().expect_err("records fail");
		assert!(format!("{records:?}").contains("custodian index missing"), "{records:?}");
	});
	// A header whose state root is not the one its extrinsics make: refused.
	let mut forged = first;
	forged.header.state_root = H256::repeat_byte(1);
	let refused = std::panic::catch_unwind(|| {
		genesis("development").execute_with(|| {
			let _ = Executive::try_execute_block(forged.into(), true, true, TryStateSelect::All);
		})
	});
	let panic = refused.expect_err("a wrong state root is caught");
	let message = panic
		.downcast_ref::<String>()
		.cloned()
		.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
		.unwrap_or_default();
	assert!(message.contains("Storage root must match"), "refused for its state root: {message}");
}
