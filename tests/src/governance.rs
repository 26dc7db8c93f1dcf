//! Governance and fees through the real runtime: the council of the active organizations'
//! admins, its two-thirds rule, the fee formula, the fee multiplier, and refused free text.
#![allow(clippy::arithmetic_side_effects)]

use crate::*;
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	traits::{fungible::Inspect, Get},
};
use medchain_primitives::{token::MICRO_MED, OrgKind};
use medchain_runtime::{
	configs::{dynamic_params::fees, RuntimeParameters},
	Balances, BalancesCall, PatientsCall, RuntimeEvent, RuntimeOrigin, TransactionPayment,
};
use pallet_transaction_payment::Event as PaymentEvent;
use sp_runtime::{
	traits::{One, Zero},
	DispatchError, FixedPointNumber, FixedU128,
};

const T0: u64 = 1_700_000_000_000;
use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};

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
				admin: Bob.to_account_id(),
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
		assert!(!council().contains(&Bob.to_account_id()));
		// Three of four is two thirds: Bob's organization is admitted and he takes a seat.
		assert_eq!(council_motion(admit(), &[Charlie, Eve, Ferdie], &[]), Some(Ok(())));
		assert!(council().contains(&Bob.to_account_id()));
		assert_eq!(council().len(), 5);
		// Suspending it unseats him: four of five votes (two thirds of five is 3.33).
		let suspend = RuntimeCall::Patients(PatientsCall::suspend_organization { org: 4 });
		assert_eq!(
			council_motion(suspend.clone(), &[Charlie, Eve, Ferdie], &[Alice, Bob]),
			Some(Err(DispatchError::BadOrigin)),
			"three of five is less than two thirds"
		);
		assert_eq!(council_motion(suspend, &[Charlie, Eve, Ferdie, Alice], &[]), Some(Ok(())));
		assert!(!council().contains(&Bob.to_account_id()));
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

#[test]
fn free_text_is_refused_and_its_bytes_are_paid_for_by_the_formula() {
	genesis("development").execute_with(|| {
		start_block(1, Alice, T0);
		let bob = Bob.to_account_id();
		for remark in [
			frame_system::Call::remark { remark: vec![0; 64 * 1024] },
			frame_system::Call::remark_with_event { remark: vec![0; 64 * 1024] },
		] {
			System::reset_events();
			let call = RuntimeCall::System(remark);
			let xt = signed(Bob, call);
			let length = xt.encoded_size() as u128;
			// The call's weight and its transaction extensions' (signature, nonce...).
			let weight = xt.get_dispatch_info().total_weight().ref_time() as u128;
			let result = Executive::apply_extrinsic(xt);
			assert_eq!(
				result,
				Ok(Err(frame_system::Error::<Runtime>::CallFiltered.into())),
				"refused, and included so the sender pays"
			);
			// fee = base + length × ByteFee + multiplier × weight, weight being identity on
			// ref time (1 planck a unit) and the multiplier 1 at genesis.
			let base = <Runtime as frame_system::Config>::BlockWeights::get()
				.get(DispatchClass::Normal)
				.base_extrinsic
				.ref_time() as u128;
			assert_eq!(fees::ByteFee::get(), MICRO_MED);
			let (fee, _) = fee_paid(&bob);
			assert_eq!(fee, base + length * MICRO_MED + weight);
			assert!(length * MICRO_MED > fee / 2, "the bytes are most of the fee");
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
