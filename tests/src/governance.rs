//! Governance and fees through the real runtime: the council of the active organizations'
//! admins, its two-thirds rule, the fee formula, the fee multiplier, and the calls refused at
//! validation.
#![allow(clippy::arithmetic_side_effects)]

use crate::*;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::{fungible::Inspect, Get},
};
use medchain_primitives::{token::MICRO_MED, OrgKind};
use medchain_runtime::{
	configs::{
		admission::{two_thirds_of, Refusal},
		dynamic_params::fees,
		EffectiveByteFee, RuntimeParameters, BYTE_FEE_BOUNDS,
	},
	Balances, BalancesCall, PatientsCall, RuntimeEvent, RuntimeOrigin, TransactionPayment,
};
use pallet_transaction_payment::Event as PaymentEvent;
use sp_runtime::{
	traits::{One, Zero},
	DispatchError, FixedPointNumber, FixedU128,
};

const T0: u64 = 1_700_000_000_000;
use Sr25519Keyring::{Alice, Bob, BobStash, Charlie, Dave, Eve, Ferdie};

fn council() -> Vec<AccountId> {
	pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get()
}

fn accounts(keys: &[Sr25519Keyring]) -> Vec<AccountId> {
	let mut accounts: Vec<_> = keys.iter().map(|k| k.to_account_id()).collect();
	accounts.sort();
	accounts
}

#[test]
fn the_council_is_the_admins_of_the_active_organizations() {
	genesis("development").execute_with(|| {
		assert_eq!(council(), accounts(&[Charlie, Eve]));
	});
	genesis("local_testnet").execute_with(|| {
		assert_eq!(council(), accounts(&[Charlie, Eve, Ferdie, Alice]));
		// Dave is a member (practitioner) of organization 0, not an admin: no seat.
		assert!(!council().contains(&Dave.to_account_id()));
	});
}

#[test]
fn a_motion_with_fewer_than_two_thirds_cannot_govern() {
	genesis("local_testnet").execute_with(|| {
		start_block(1, Alice, T0);
		let admit = || {
			RuntimeCall::Patients(PatientsCall::admit_organization {
				admin: BobStash.to_account_id(),
				kind: OrgKind::Auditor,
			})
		};
		// One vote of four, executed at once (threshold 1): refused.
		assert_eq!(council_motion(admit(), &[Charlie], &[]), Some(Err(DispatchError::BadOrigin)));
		// Two of four, with the proposer's chosen threshold of 2 reached: still refused.
		assert_eq!(
			council_motion(admit(), &[Charlie, Eve], &[]),
			Some(Err(DispatchError::BadOrigin))
		);
		assert!(!council().contains(&BobStash.to_account_id()));
		// Three of four is two thirds: BobStash's organization is admitted and he takes a seat.
		assert_eq!(council_motion(admit(), &[Charlie, Eve, Ferdie], &[]), Some(Ok(())));
		assert!(council().contains(&BobStash.to_account_id()));
		assert_eq!(council().len(), 5);
		// Suspending it unseats him: four of five votes (two thirds of five is 3.33).
		let suspend = RuntimeCall::Patients(PatientsCall::suspend_organization { org: 4 });
		assert_eq!(
			council_motion(suspend.clone(), &[Charlie, Eve, Ferdie], &[Alice, BobStash]),
			Some(Err(DispatchError::BadOrigin)),
			"three of five is less than two thirds"
		);
		assert_eq!(council_motion(suspend, &[Charlie, Eve, Ferdie, Alice], &[]), Some(Ok(())));
		assert!(!council().contains(&BobStash.to_account_id()));
		// Nobody sets the council's members directly, not even two thirds of it.
		let set_members = RuntimeCall::Council(pallet_collective::Call::set_members {
			new_members: vec![Charlie.to_account_id()],
			prime: None,
			old_count: 4,
		});
		assert_eq!(
			council_motion(set_members, &[Charlie, Eve, Ferdie], &[]),
			Some(Err(DispatchError::BadOrigin))
		);
		finish_block();
	});
}

#[test]
fn a_non_member_cannot_propose() {
	genesis("local_testnet").execute_with(|| {
		start_block(1, Alice, T0);
		let call = RuntimeCall::Patients(PatientsCall::suspend_organization { org: 1 });
		assert!(medchain_runtime::Council::propose(
			RuntimeOrigin::signed(Dave.to_account_id()),
			1,
			Box::new(call),
			64
		)
		.is_err());
		finish_block();
	});
}

#[test]
fn only_the_development_chain_has_a_sudo_key() {
	genesis("development").execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Alice.to_account_id()));
	});
	genesis("local_testnet").execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
	});
}

/// The fee `who` paid in the events so far (tip included), and the tip.
fn fee_paid(who: &AccountId) -> (u128, u128) {
	System::events()
		.into_iter()
		.find_map(|record| match record.event {
			RuntimeEvent::TransactionPayment(PaymentEvent::TransactionFeePaid {
				who: payer,
				actual_fee,
				tip,
			}) if payer == *who => Some((actual_fee, tip)),
			_ => None,
		})
		.expect("a fee was paid")
}

/// `call` signed by `signer`, refused at validation for `refusal`.
fn assert_refused(signer: Sr25519Keyring, call: RuntimeCall, refusal: Refusal) {
	use sp_runtime::transaction_validity::TransactionValidityError;
	assert_eq!(
		Executive::apply_extrinsic(signed(signer, call)),
		Err(TransactionValidityError::Invalid(refusal.into())),
		"refused at validation: nothing of it goes into a block"
	);
}

#[test]
fn free_text_is_refused_before_it_reaches_a_block() {
	genesis("development").execute_with(|| {
		start_block(1, Alice, T0);
		let nonce = System::account_nonce(Bob.to_account_id());
		let remark = || RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 1024] });
		assert_refused(Bob, remark(), Refusal::FreeText);
		assert_refused(
			Bob,
			RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![1; 8] }),
			Refusal::FreeText,
		);
		// Nor inside a council motion, nor through sudo (which skips the dispatch filter).
		let length = remark().encoded_size() as u32;
		assert_refused(
			Charlie,
			RuntimeCall::Council(pallet_collective::Call::propose {
				threshold: 2,
				proposal: Box::new(remark()),
				length_bound: length,
			}),
			Refusal::FreeText,
		);
		assert_refused(
			Alice,
			RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(remark()) }),
			Refusal::FreeText,
		);
		// Root-only system calls from an account would only fail, after filling a block.
		assert_refused(
			Bob,
			RuntimeCall::System(frame_system::Call::set_code { code: vec![0; 1024] }),
			Refusal::RootOnly,
		);
		// Code that is not the authorized upgrade.
		assert_refused(
			Bob,
			RuntimeCall::System(frame_system::Call::apply_authorized_upgrade {
				code: vec![0; 1024],
			}),
			Refusal::UnauthorizedCode,
		);
		// Bob paid nothing, and his nonce did not move.
		assert_eq!(System::account_nonce(Bob.to_account_id()), nonce);
		// An empty remark carries nothing: the no-op that measures an extrinsic's base weight.
		let empty = RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() });
		assert_eq!(Executive::apply_extrinsic(signed(Bob, empty)), Ok(Ok(())));
		finish_block();
	});
}

#[test]
fn a_motion_must_ask_for_two_thirds_of_the_seats() {
	genesis("local_testnet").execute_with(|| {
		start_block(1, Alice, T0);
		assert_eq!(two_thirds_of(4), 3);
		assert_eq!(two_thirds_of(3), 2);
		assert_eq!(two_thirds_of(2), 2);
		assert_eq!(two_thirds_of(1), 1);
		let suspend = RuntimeCall::Patients(PatientsCall::suspend_organization { org: 1 });
		let length = suspend.encoded_size() as u32;
		let propose = |threshold| {
			RuntimeCall::Council(pallet_collective::Call::propose {
				threshold,
				proposal: Box::new(suspend.clone()),
				length_bound: length,
			})
		};
		// Four seats: a motion asking for 1, 2 or 5 ayes is refused; 3 or 4 is a motion.
		for threshold in [1, 2, 5] {
			assert_refused(Charlie, propose(threshold), Refusal::MotionThreshold);
		}
		assert_ok_applied(Executive::apply_extrinsic(signed(Charlie, propose(3))));
		finish_block();
	});
}

#[test]
fn a_motion_carries_no_system_call_and_no_bulk_and_connections_are_few_and_short() {
	use medchain_runtime::configs::admission::{MAX_CONNECTIONS, MAX_MOTION_BYTES};
	use sp_core::OpaquePeerId;
	genesis("local_testnet").execute_with(|| {
		start_block(1, Alice, T0);
		let propose = |proposal: RuntimeCall| {
			let length_bound = proposal.encoded_size() as u32;
			RuntimeCall::Council(pallet_collective::Call::propose {
				threshold: 3,
				proposal: Box::new(proposal),
				length_bound,
			})
		};
		// `setStorage` in a motion would carry any bytes into a block and into `ProposalOf`.
		let set_storage = RuntimeCall::System(frame_system::Call::set_storage {
			items: vec![(b"any key".to_vec(), vec![7; 1024])],
		});
		assert_refused(Charlie, propose(set_storage), Refusal::SystemInMotion);
		let upgrade = RuntimeCall::System(frame_system::Call::apply_authorized_upgrade {
			code: vec![0; 1024],
		});
		assert_refused(Charlie, propose(upgrade), Refusal::SystemInMotion);
		// A motion larger than the limit, whatever it carries.
		let nodes = |count: u8, length: usize| {
			(0..count)
				.map(|i| (OpaquePeerId::new(vec![i; length]), Alice.to_account_id()))
				.collect::<Vec<_>>()
		};
		let reset = |nodes| {
			RuntimeCall::NodeAuthorization(
				pallet_node_authorization::Call::reset_well_known_nodes { nodes },
			)
		};
		let bulky = reset(nodes(255, 127));
		assert!(bulky.encoded_size() > MAX_MOTION_BYTES);
		assert_refused(Charlie, propose(bulky), Refusal::MotionTooLarge);
		assert_ok_applied(Executive::apply_extrinsic(signed(
			Charlie,
			propose(reset(nodes(4, 38))),
		)));

		// A node's owner adds a few short peer ids, up to the node's cap.
		let node = OpaquePeerId::new(vec![1; 38]);
		let add = |connections: Vec<OpaquePeerId>| {
			RuntimeCall::NodeAuthorization(pallet_node_authorization::Call::add_connections {
				node: node.clone(),
				connections,
			})
		};
		let peers = |from: u8, count: usize| {
			(from..).take(count).map(|i| OpaquePeerId::new(vec![i; 38])).collect::<Vec<_>>()
		};
		assert_refused(Charlie, add(peers(0, MAX_CONNECTIONS + 1)), Refusal::Connections);
		assert_refused(Charlie, add(vec![OpaquePeerId::new(vec![9; 65])]), Refusal::Connections);
		pallet_node_authorization::AdditionalConnections::<Runtime>::insert(
			&node,
			peers(100, MAX_CONNECTIONS - 1).into_iter().collect::<std::collections::BTreeSet<_>>(),
		);
		assert_refused(Charlie, add(peers(0, 2)), Refusal::Connections);
		// One more fits: the call is admitted (and fails at dispatch: Charlie owns no node).
		assert!(Executive::apply_extrinsic(signed(Charlie, add(peers(0, 1)))).is_ok());
		finish_block();
	});
}

#[test]
fn the_council_keeps_its_last_seat() {
	genesis("development").execute_with(|| {
		start_block(1, Alice, T0);
		let mut active: Vec<_> = pallet_patients::Organizations::<Runtime>::iter()
			.filter(|(_, org)| org.status == pallet_patients::OrgStatus::Active)
			.map(|(id, _)| id)
			.collect();
		active.sort();
		let last = active.pop().expect("an active organization");
		for org in active {
			assert_eq!(
				medchain_runtime::Patients::suspend_organization(RuntimeOrigin::root(), org),
				Ok(())
			);
		}
		assert_eq!(council().len(), 1);
		// Suspending the last one would leave nobody to govern, ever.
		assert_eq!(
			medchain_runtime::Patients::suspend_organization(RuntimeOrigin::root(), last),
			Err(pallet_patients::Error::<Runtime>::LastActiveOrganization.into())
		);
		assert_eq!(council().len(), 1);
		finish_block();
	});
}

#[test]
fn no_member_can_take_every_motion_slot() {
	use medchain_runtime::configs::MAX_OPEN_MOTIONS_PER_MEMBER;
	genesis("local_testnet").execute_with(|| {
		start_block(1, Alice, T0);
		let propose = |who: Sr25519Keyring, org: u32| {
			let motion = RuntimeCall::Patients(PatientsCall::suspend_organization { org });
			let length_bound = motion.encoded_size() as u32;
			Executive::apply_extrinsic(signed(
				who,
				RuntimeCall::Council(pallet_collective::Call::propose {
					threshold: 3,
					proposal: Box::new(motion),
					length_bound,
				}),
			))
		};
		for org in 0..MAX_OPEN_MOTIONS_PER_MEMBER as u32 {
			assert_ok_applied(propose(Charlie, 100 + org));
		}
		assert_eq!(
			propose(Charlie, 200),
			Ok(Err(DispatchError::Other("TooManyOpenMotions"))),
			"Charlie has his share of the open motions"
		);
		// The others still may propose.
		assert_ok_applied(propose(Eve, 200));
		finish_block();
	});
}

#[test]
fn the_fee_of_a_large_call_is_base_plus_bytes_plus_weight() {
	genesis("local_testnet").execute_with(|| {
		start_block(1, Alice, T0);
		// A motion carrying a voter set of 32 keys: over a kilobyte.
		let voters = (0..32u8)
			.map(|i| {
				(
					sp_consensus_grandpa::AuthorityId::from(sp_core::ed25519::Public::from_raw(
						[i; 32],
					)),
					0,
				)
			})
			.collect::<Vec<_>>();
		let proposal = RuntimeCall::Consortium(pallet_consortium::Call::force_voter_set {
			voters: voters.try_into().expect("32 voters fit"),
			best_finalized: 0,
		});
		let length_bound = proposal.encoded_size() as u32;
		let call = RuntimeCall::Council(pallet_collective::Call::propose {
			threshold: 3,
			proposal: Box::new(proposal),
			length_bound,
		});
		let xt = signed(Charlie, call);
		let length = xt.encoded_size() as u128;
		assert!(length > 1024, "{length} bytes");
		System::reset_events();
		assert_ok_applied(Executive::apply_extrinsic(xt));
		// fee = base + length × ByteFee + multiplier × weight: weight is identity on ref time
		// (1 planck a unit), the multiplier 1 at genesis, and the weight the one the call
		// reported having used (its event), signed extensions included.
		let base = <Runtime as frame_system::Config>::BlockWeights::get()
			.get(DispatchClass::Normal)
			.base_extrinsic
			.ref_time() as u128;
		let weight = System::events()
			.into_iter()
			.find_map(|record| match record.event {
				RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { dispatch_info }) => {
					Some(dispatch_info.weight.ref_time() as u128)
				}
				_ => None,
			})
			.expect("ExtrinsicSuccess");
		assert_eq!(fees::ByteFee::get(), MICRO_MED);
		let (fee, _) = fee_paid(&Charlie.to_account_id());
		assert_eq!(fee, base + length * MICRO_MED + (weight - base));
		finish_block();
	});
}

#[test]
fn a_byte_fee_out_of_bounds_is_held_to_the_bounds() {
	genesis("development").execute_with(|| {
		start_block(1, Alice, T0);
		let (least, most) = BYTE_FEE_BOUNDS;
		for (set, effective) in [(u128::MAX, most), (0, least), (2 * MICRO_MED, 2 * MICRO_MED)] {
			let motion = RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
				key_value: RuntimeParameters::Fees(fees::Parameters::ByteFee(
					fees::ByteFee,
					Some(set),
				)),
			});
			assert_eq!(council_motion(motion, &[Charlie, Eve], &[]), Some(Ok(())));
			assert_eq!(EffectiveByteFee::get(), effective);
			// Transactions stay payable.
			let transfer = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
				dest: Alice.to_account_id().into(),
				value: 1,
			});
			assert_ok_applied(Executive::apply_extrinsic(signed(Bob, transfer)));
		}
		finish_block();
	});
}

#[test]
fn the_council_sets_the_byte_fee() {
	genesis("development").execute_with(|| {
		start_block(1, Alice, T0);
		let set = RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
			key_value: RuntimeParameters::Fees(fees::Parameters::ByteFee(
				fees::ByteFee,
				Some(3 * MICRO_MED),
			)),
		});
		// Bob is no member and sudo aside, no one else may.
		assert!(medchain_runtime::Parameters::set_parameter(
			RuntimeOrigin::signed(Bob.to_account_id()),
			RuntimeParameters::Fees(fees::Parameters::ByteFee(fees::ByteFee, Some(0))),
		)
		.is_err());
		assert_eq!(fees::ByteFee::get(), MICRO_MED);
		assert_eq!(council_motion(set, &[Charlie, Eve], &[]), Some(Ok(())));
		assert_eq!(fees::ByteFee::get(), 3 * MICRO_MED);
		let transfer = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: Alice.to_account_id().into(),
			value: 1,
		});
		let xt = signed(Bob, transfer);
		let length = xt.encoded_size() as u128;
		let before = TransactionPayment::compute_fee(length as u32, &xt.get_dispatch_info(), 0);
		System::reset_events();
		assert_ok_applied(Executive::apply_extrinsic(xt));
		let (fee, _) = fee_paid(&Bob.to_account_id());
		assert_eq!(fee, before);
		assert!(fee >= length * 3 * MICRO_MED);
		finish_block();
	});
}

#[test]
fn fees_are_burned_and_tips_go_to_the_miners_payout() {
	genesis("development").execute_with(|| {
		// Alice's mining key is admitted for organization 0; its payout account is Charlie.
		let payout = Charlie.to_account_id();
		let payout_before = Balances::balance(&payout);
		let issuance_before = Balances::total_issuance();
		start_block(1, Alice, T0);
		let transfer = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: Ferdie.to_account_id().into(),
			value: 1,
		});
		let tip = 7 * MICRO_MED;
		assert_ok_applied(Executive::apply_extrinsic(signed_with_tip(Bob, transfer, tip)));
		let (fee, paid_tip) = fee_paid(&Bob.to_account_id());
		assert_eq!(paid_tip, tip);
		assert!(!fee.is_zero());
		finish_block();
		assert_eq!(Balances::balance(&payout), payout_before + tip, "only the tip is the miner's");
		assert_eq!(
			Balances::total_issuance(),
			issuance_before - (fee - tip),
			"the rest of the fee is burned"
		);
	});
}

#[test]
fn the_fee_multiplier_rises_under_sustained_load_and_falls_back() {
	genesis("development").execute_with(|| {
		let one = FixedU128::one();
		assert_eq!(pallet_transaction_payment::NextFeeMultiplier::<Runtime>::get(), one);
		let full = <Runtime as frame_system::Config>::BlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.expect("normal calls have a limit");
		let mut previous = one;
		for n in 1..=20u32 {
			start_block(n, Alice, T0 + u64::from(n) * 6_000);
			System::register_extra_weight_unchecked(full, DispatchClass::Normal);
			finish_block();
			let next = pallet_transaction_payment::NextFeeMultiplier::<Runtime>::get();
			assert!(next > previous, "block {n}: {next:?} > {previous:?}");
			previous = next;
		}
		// Twenty full blocks (two minutes): 0.45 % dearer (14 % an hour).
		assert!(previous > FixedU128::saturating_from_rational(1004, 1000), "{previous:?}");
		for n in 21..=200u32 {
			start_block(n, Alice, T0 + u64::from(n) * 6_000);
			finish_block();
		}
		// Empty blocks bring it back to the nominal price, never below.
		assert_eq!(pallet_transaction_payment::NextFeeMultiplier::<Runtime>::get(), one);
	});
}
