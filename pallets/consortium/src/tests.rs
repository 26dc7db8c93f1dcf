//! Tests of every call's success and error paths, the lookups, genesis and the invariants.
#![allow(clippy::arithmetic_side_effects)]

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, pallet_prelude::BoundedVec, storage::unhashed};
use sp_consensus_grandpa::AuthorityId;
use sp_core::H256;
use sp_runtime::DispatchError;

/// Another account of the hospital.
const HOSPITAL_OTHER_ACCOUNT: AccountId = 12;

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// `MinersOf`'s stored type, for tests that write it directly.
fn index(
	keys: Vec<MiningKey>,
) -> BoundedVec<MiningKey, <Test as Config>::MaxMinersPerOrganization> {
	BoundedVec::truncate_from(keys)
}

/// `Voters`' stored type, for tests that write it directly.
fn voter_set(
	voters: Vec<(AuthorityId, OrgId)>,
) -> BoundedVec<(AuthorityId, OrgId), <Test as Config>::MaxVoters> {
	BoundedVec::truncate_from(voters)
}

mod miners {
	use super::*;

	#[test]
	fn governance_adds_a_miner() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Consortium::add_miner(root(), miner(2), INSURER, INSURER_ACCOUNT));
			assert_eq!(
				Miners::<Test>::get(miner(2)),
				Some(MinerInfo { org: INSURER, payout: INSURER_ACCOUNT })
			);
			assert_eq!(MinersOf::<Test>::get(INSURER).into_inner(), vec![miner(2)]);
			assert_eq!(Miners::<Test>::count(), 2);
			assert!(Consortium::can_author(&miner(2)));
			assert_eq!(Consortium::payout_of(&miner(2)), Some(INSURER_ACCOUNT));
			assert_eq!(
				events(),
				vec![Event::MinerAdded { key: miner(2), org: INSURER, payout: INSURER_ACCOUNT }]
			);
		});
	}

	#[test]
	fn an_organization_lists_its_miners_in_order_of_admission() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Consortium::add_miner(root(), miner(2), HOSPITAL, HOSPITAL_OTHER_ACCOUNT));
			assert_eq!(MinersOf::<Test>::get(HOSPITAL).into_inner(), vec![miner(1), miner(2)]);
			assert_eq!(Consortium::payout_of(&miner(1)), Some(HOSPITAL_ACCOUNT));
			assert_eq!(Consortium::payout_of(&miner(2)), Some(HOSPITAL_OTHER_ACCOUNT));
		});
	}

	#[test]
	fn add_miner_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Consortium::add_miner(root(), miner(2), SUSPENDED, INSURER_ACCOUNT),
				Error::<Test>::OrganizationNotAdmitted
			);
			assert_noop!(
				Consortium::add_miner(root(), miner(2), UNKNOWN, INSURER_ACCOUNT),
				Error::<Test>::OrganizationNotAdmitted
			);
			assert_noop!(
				Consortium::add_miner(root(), miner(1), INSURER, INSURER_ACCOUNT),
				Error::<Test>::MinerExists
			);
			// The hospital reaches MaxMinersPerOrganization (2).
			assert_ok!(Consortium::add_miner(root(), miner(2), HOSPITAL, HOSPITAL_ACCOUNT));
			assert_noop!(
				Consortium::add_miner(root(), miner(3), HOSPITAL, HOSPITAL_ACCOUNT),
				Error::<Test>::TooManyMinersForOrganization
			);
			// The consortium reaches MaxMiners (3), though the insurer has room.
			assert_ok!(Consortium::add_miner(root(), miner(3), INSURER, INSURER_ACCOUNT));
			assert_noop!(
				Consortium::add_miner(root(), miner(4), INSURER, INSURER_ACCOUNT),
				Error::<Test>::TooManyMiners
			);
		});
	}

	#[test]
	fn governance_removes_a_miner() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Consortium::remove_miner(root(), miner(1)));
			assert_eq!(Miners::<Test>::get(miner(1)), None);
			assert_eq!(Miners::<Test>::count(), 0);
			// No index entry is left for an organization without miners.
			assert!(!MinersOf::<Test>::contains_key(HOSPITAL));
			assert!(!Consortium::can_author(&miner(1)));
			assert_eq!(Consortium::payout_of(&miner(1)), None);
			assert_eq!(events(), vec![Event::MinerRemoved { key: miner(1), org: HOSPITAL }]);
			// The key may be admitted again, for another organization.
			assert_ok!(Consortium::add_miner(root(), miner(1), INSURER, INSURER_ACCOUNT));
			assert!(Consortium::can_author(&miner(1)));
		});
	}

	#[test]
	fn removing_a_miner_keeps_the_others_of_its_organization() {
		ExtBuilder::default()
			.with_miners(vec![
				(miner(1), HOSPITAL, HOSPITAL_ACCOUNT),
				(miner(2), HOSPITAL, HOSPITAL_ACCOUNT),
			])
			.build_and_execute(|| {
				assert_ok!(Consortium::remove_miner(root(), miner(1)));
				assert_eq!(MinersOf::<Test>::get(HOSPITAL).into_inner(), vec![miner(2)]);
				assert!(Consortium::can_author(&miner(2)));
				assert!(!Consortium::can_author(&miner(1)));
			});
	}

	#[test]
	fn remove_miner_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(Consortium::remove_miner(root(), miner(9)), Error::<Test>::MinerNotFound);
		});
	}

	#[test]
	fn governance_changes_a_payout() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Consortium::set_miner_payout(root(), miner(1), HOSPITAL_OTHER_ACCOUNT));
			assert_eq!(
				Miners::<Test>::get(miner(1)),
				Some(MinerInfo { org: HOSPITAL, payout: HOSPITAL_OTHER_ACCOUNT })
			);
			assert_eq!(Consortium::payout_of(&miner(1)), Some(HOSPITAL_OTHER_ACCOUNT));
			assert_eq!(
				events(),
				vec![Event::MinerPayoutChanged { key: miner(1), payout: HOSPITAL_OTHER_ACCOUNT }]
			);
		});
	}

	#[test]
	fn set_miner_payout_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Consortium::set_miner_payout(root(), miner(9), HOSPITAL_ACCOUNT),
				Error::<Test>::MinerNotFound
			);
		});
	}

	#[test]
	fn suspending_an_organization_stops_its_miners_at_once() {
		ExtBuilder::default().build_and_execute(|| {
			assert!(Consortium::can_author(&miner(1)));
			MockOrganizations::suspend(HOSPITAL);
			assert!(!Consortium::can_author(&miner(1)));
			assert_eq!(Consortium::payout_of(&miner(1)), None);
			// Still a miner: once the organization is reactivated, it authors again.
			assert!(Miners::<Test>::contains_key(miner(1)));
			MockOrganizations::reactivate(HOSPITAL);
			assert!(Consortium::can_author(&miner(1)));
			assert_eq!(Consortium::payout_of(&miner(1)), Some(HOSPITAL_ACCOUNT));
		});
	}

	#[test]
	fn keys_that_are_not_miners_may_not_author() {
		ExtBuilder::default().build_and_execute(|| {
			assert!(!Consortium::can_author(&miner(9)));
			assert_eq!(Consortium::payout_of(&miner(9)), None);
		});
	}
}

mod voters {
	use super::*;

	fn voter_keys() -> Vec<AuthorityId> {
		Consortium::voters().into_iter().map(|(key, _)| key).collect()
	}

	#[test]
	fn governance_adds_a_voter_and_schedules_the_new_set() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Consortium::add_voter(root(), voter(2), INSURER));
			assert_eq!(Consortium::voters(), vec![(voter(1), HOSPITAL), (voter(2), INSURER)]);
			assert_eq!(
				MockGrandpa::scheduled(),
				Some((vec![voter(1), voter(2)], VOTER_CHANGE_DELAY))
			);
			// The set in force changes only once GRANDPA enacts the change.
			assert_eq!(MockGrandpa::current(), vec![voter(1)]);
			assert_eq!(
				events(),
				vec![
					Event::VoterAdded { key: voter(2), org: INSURER },
					Event::VoterSetChangeScheduled { voters: 2, enacted_after: VOTER_CHANGE_DELAY },
				]
			);
			MockGrandpa::enact();
			assert_eq!(MockGrandpa::current(), voter_keys());
		});
	}

	#[test]
	fn add_voter_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Consortium::add_voter(root(), voter(2), SUSPENDED),
				Error::<Test>::OrganizationNotAdmitted
			);
			assert_noop!(
				Consortium::add_voter(root(), voter(2), UNKNOWN),
				Error::<Test>::OrganizationNotAdmitted
			);
			assert_noop!(
				Consortium::add_voter(root(), voter(1), INSURER),
				Error::<Test>::VoterExists
			);
		});
	}

	#[test]
	fn the_voter_set_is_bounded() {
		ExtBuilder::default()
			.with_voters(vec![(voter(1), HOSPITAL), (voter(2), HOSPITAL), (voter(3), INSURER)])
			.build_and_execute(|| {
				assert_noop!(
					Consortium::add_voter(root(), voter(4), INSURER),
					Error::<Test>::TooManyVoters
				);
			});
	}

	#[test]
	fn one_voter_set_change_at_a_time() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Consortium::add_voter(root(), voter(2), INSURER));
			assert_noop!(
				Consortium::add_voter(root(), voter(3), INSURER),
				Error::<Test>::VoterChangePending
			);
			assert_noop!(
				Consortium::remove_voter(root(), voter(1)),
				Error::<Test>::VoterChangePending
			);
			MockGrandpa::enact();
			assert_ok!(Consortium::add_voter(root(), voter(3), INSURER));
			assert_eq!(
				MockGrandpa::scheduled(),
				Some((vec![voter(1), voter(2), voter(3)], VOTER_CHANGE_DELAY))
			);
		});
	}

	#[test]
	fn a_stalled_set_can_be_replaced_by_force() {
		ExtBuilder::default()
			.with_voters(vec![(voter(1), HOSPITAL), (voter(2), INSURER)])
			.build_and_execute(|| {
				System::set_block_number(40);
				let next =
					BoundedVec::truncate_from(vec![(voter(3), INSURER), (voter(1), HOSPITAL)]);
				assert_ok!(Consortium::force_voter_set(root(), next.clone(), 31));
				assert_eq!(Voters::<Test>::get(), next);
				assert_eq!(
					MockGrandpa::scheduled(),
					Some((vec![voter(3), voter(1)], VOTER_CHANGE_DELAY))
				);
				assert_eq!(ForcedFrom::get(), Some(31));
				assert_eq!(
					events().last(),
					Some(&Event::VoterSetForced {
						voters: 2,
						enacted_after: VOTER_CHANGE_DELAY,
						best_finalized: 31
					})
				);
			});
	}

	#[test]
	fn force_voter_set_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
			let set = |voters: Vec<(AuthorityId, OrgId)>| BoundedVec::truncate_from(voters);
			assert_noop!(
				Consortium::force_voter_set(root(), set(vec![]), 0),
				Error::<Test>::NoVoters
			);
			assert_noop!(
				Consortium::force_voter_set(
					root(),
					set(vec![(voter(2), HOSPITAL), (voter(2), INSURER)]),
					0
				),
				Error::<Test>::VoterExists
			);
			assert_noop!(
				Consortium::force_voter_set(root(), set(vec![(voter(2), SUSPENDED)]), 0),
				Error::<Test>::OrganizationNotAdmitted
			);
			assert_noop!(
				Consortium::force_voter_set(root(), set(vec![(voter(2), UNKNOWN)]), 0),
				Error::<Test>::OrganizationNotAdmitted
			);
			RefuseSchedule::set(&true);
			assert_noop!(
				Consortium::force_voter_set(root(), set(vec![(voter(2), HOSPITAL)]), 0),
				GRANDPA_REFUSES
			);
			RefuseSchedule::set(&false);
			assert_ok!(Consortium::add_voter(root(), voter(2), INSURER));
			assert_noop!(
				Consortium::force_voter_set(root(), set(vec![(voter(3), HOSPITAL)]), 0),
				Error::<Test>::VoterChangePending
			);
		});
	}

	#[test]
	fn a_change_grandpa_refuses_changes_nothing() {
		ExtBuilder::default()
			.with_voters(vec![(voter(1), HOSPITAL), (voter(2), INSURER)])
			.build_and_execute(|| {
				RefuseSchedule::set(&true);
				assert_noop!(Consortium::add_voter(root(), voter(3), INSURER), GRANDPA_REFUSES);
				assert_noop!(Consortium::remove_voter(root(), voter(2)), GRANDPA_REFUSES);
			});
	}

	#[test]
	fn governance_removes_a_voter_and_schedules_the_new_set() {
		ExtBuilder::default()
			.with_voters(vec![(voter(1), HOSPITAL), (voter(2), INSURER), (voter(3), HOSPITAL)])
			.build_and_execute(|| {
				assert_ok!(Consortium::remove_voter(root(), voter(1)));
				// The others keep their order.
				assert_eq!(Consortium::voters(), vec![(voter(2), INSURER), (voter(3), HOSPITAL)]);
				assert_eq!(
					MockGrandpa::scheduled(),
					Some((vec![voter(2), voter(3)], VOTER_CHANGE_DELAY))
				);
				assert_eq!(
					events(),
					vec![
						Event::VoterRemoved { key: voter(1), org: HOSPITAL },
						Event::VoterSetChangeScheduled {
							voters: 2,
							enacted_after: VOTER_CHANGE_DELAY
						},
					]
				);
				MockGrandpa::enact();
				assert_eq!(MockGrandpa::current(), voter_keys());
			});
	}

	#[test]
	fn a_voter_of_a_suspended_organization_can_be_removed() {
		ExtBuilder::default()
			.with_voters(vec![(voter(1), HOSPITAL), (voter(2), SUSPENDED)])
			.build_and_execute(|| {
				assert_ok!(Consortium::remove_voter(root(), voter(2)));
				assert_eq!(Consortium::voters(), vec![(voter(1), HOSPITAL)]);
			});
	}

	#[test]
	fn remove_voter_fails_clearly() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(Consortium::remove_voter(root(), voter(9)), Error::<Test>::VoterNotFound);
			// The set may never become empty.
			assert_noop!(Consortium::remove_voter(root(), voter(1)), Error::<Test>::LastVoter);
		});
	}
}

mod governance {
	use super::*;

	#[test]
	fn every_call_needs_governance() {
		ExtBuilder::default().build_and_execute(|| {
			for origin in [RuntimeOrigin::signed(OUTSIDER), RuntimeOrigin::none()] {
				assert_noop!(
					Consortium::add_miner(origin.clone(), miner(2), INSURER, INSURER_ACCOUNT),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Consortium::remove_miner(origin.clone(), miner(1)),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Consortium::set_miner_payout(origin.clone(), miner(1), OUTSIDER),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Consortium::add_voter(origin.clone(), voter(2), INSURER),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Consortium::remove_voter(origin.clone(), voter(1)),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Consortium::force_voter_set(
						origin.clone(),
						BoundedVec::truncate_from(vec![(voter(2), INSURER)]),
						0
					),
					DispatchError::BadOrigin
				);
				assert_noop!(
					Consortium::authorize_upgrade(origin.clone(), H256::repeat_byte(1), true),
					DispatchError::BadOrigin
				);
			}
		});
	}
}

mod lookups {
	use super::*;

	#[test]
	fn the_runtime_api_lists_miners_and_voters() {
		ExtBuilder::default()
			.with_miners(vec![
				(miner(1), HOSPITAL, HOSPITAL_ACCOUNT),
				(miner(2), INSURER, INSURER_ACCOUNT),
			])
			.with_voters(vec![(voter(2), INSURER), (voter(1), HOSPITAL)])
			.build_and_execute(|| {
				let mut miners = Consortium::miners();
				miners.sort_by(|a, b| a.0.cmp(&b.0));
				assert_eq!(
					miners,
					vec![
						(miner(1), MinerInfo { org: HOSPITAL, payout: HOSPITAL_ACCOUNT }),
						(miner(2), MinerInfo { org: INSURER, payout: INSURER_ACCOUNT }),
					]
				);
				// In the order governance decided.
				assert_eq!(Consortium::voters(), vec![(voter(2), INSURER), (voter(1), HOSPITAL)]);
			});
	}

	#[test]
	fn the_runtime_api_lists_miners_of_suspended_organizations() {
		ExtBuilder::default().build_and_execute(|| {
			MockOrganizations::suspend(HOSPITAL);
			assert_eq!(
				Consortium::miners(),
				vec![(miner(1), MinerInfo { org: HOSPITAL, payout: HOSPITAL_ACCOUNT })]
			);
		});
	}

	#[test]
	fn session_keys_name_the_mining_key_through_the_pallet() {
		fn bound_to_mining_key<P: sp_runtime::BoundToRuntimeAppPublic<Public = MiningKey>>() {}
		bound_to_mining_key::<Consortium>();
		assert_eq!(
			<MiningKey as sp_runtime::RuntimeAppPublic>::ID,
			medchain_primitives::mining::KEY_TYPE
		);
	}
}

mod genesis {
	use super::*;

	#[test]
	fn genesis_admits_miners_and_voters() {
		ExtBuilder::default()
			.with_miners(vec![
				(miner(1), HOSPITAL, HOSPITAL_ACCOUNT),
				(miner(2), HOSPITAL, HOSPITAL_OTHER_ACCOUNT),
				(miner(3), INSURER, INSURER_ACCOUNT),
			])
			.with_voters(vec![(voter(1), HOSPITAL), (voter(2), INSURER)])
			.build_and_execute(|| {
				assert_eq!(Miners::<Test>::count(), 3);
				assert_eq!(MinersOf::<Test>::get(HOSPITAL).into_inner(), vec![miner(1), miner(2)]);
				assert_eq!(MinersOf::<Test>::get(INSURER).into_inner(), vec![miner(3)]);
				assert_eq!(Consortium::payout_of(&miner(2)), Some(HOSPITAL_OTHER_ACCOUNT));
				assert!(Consortium::can_author(&miner(3)));
				assert_eq!(Consortium::voters(), vec![(voter(1), HOSPITAL), (voter(2), INSURER)]);
				// Genesis schedules no change: GRANDPA's genesis holds the same voters.
				assert_eq!(MockGrandpa::scheduled(), None);
				assert!(events().is_empty());
			});
	}

	#[test]
	fn the_default_genesis_is_usable() {
		new_test_ext().execute_with(|| {
			assert!(Consortium::can_author(&miner(1)));
			assert_eq!(Consortium::voters(), vec![(voter(1), HOSPITAL)]);
			assert_ok!(Consortium::do_try_state());
		});
	}

	#[test]
	fn genesis_does_not_check_organizations_but_their_miners_wait() {
		// At genesis the organizations are built after this pallet, so none is admitted yet.
		ExtBuilder::default()
			.with_miners(vec![(miner(1), SUSPENDED, HOSPITAL_ACCOUNT)])
			.build_and_execute(|| {
				assert!(Miners::<Test>::contains_key(miner(1)));
				assert!(!Consortium::can_author(&miner(1)));
			});
	}

	#[test]
	#[should_panic(expected = "genesis miners are distinct")]
	fn genesis_refuses_a_miner_twice() {
		let _ext = ExtBuilder::default()
			.with_miners(vec![
				(miner(1), HOSPITAL, HOSPITAL_ACCOUNT),
				(miner(1), INSURER, INSURER_ACCOUNT),
			])
			.build();
	}

	#[test]
	#[should_panic(expected = "genesis miners are distinct")]
	fn genesis_refuses_too_many_miners_for_an_organization() {
		let _ext = ExtBuilder::default()
			.with_miners(vec![
				(miner(1), HOSPITAL, HOSPITAL_ACCOUNT),
				(miner(2), HOSPITAL, HOSPITAL_ACCOUNT),
				(miner(3), HOSPITAL, HOSPITAL_ACCOUNT),
			])
			.build();
	}

	#[test]
	#[should_panic(expected = "genesis voters are distinct")]
	fn genesis_refuses_a_voter_twice() {
		let _ext = ExtBuilder::default()
			.with_voters(vec![(voter(1), HOSPITAL), (voter(1), INSURER)])
			.build();
	}
}

mod try_state {
	use super::*;

	/// In fresh externalities of the default genesis, where the invariants hold, `corrupt`
	/// breaks the one `error` names, and `do_try_state` says so.
	fn caught(corrupt: impl FnOnce(), error: &'static str) {
		ExtBuilder::default().build().execute_with(|| {
			assert_ok!(Consortium::do_try_state());
			corrupt();
			assert_eq!(Consortium::do_try_state(), Err(error.into()));
		});
	}

	/// Stores a miner in both maps, bypassing the calls' checks.
	fn put_miner(key: MiningKey, org: OrgId) {
		Miners::<Test>::insert(&key, MinerInfo { org, payout: HOSPITAL_ACCOUNT });
		MinersOf::<Test>::mutate(org, |keys| keys.try_push(key).expect("within the bound"));
	}

	#[test]
	fn a_lost_miner_entry_is_caught() {
		caught(
			|| unhashed::kill(&Miners::<Test>::hashed_key_for(miner(1))),
			"Miners counter differs from its entries",
		);
	}

	#[test]
	fn too_many_miners_are_caught() {
		caught(
			|| {
				put_miner(miner(2), HOSPITAL);
				put_miner(miner(3), INSURER);
				put_miner(miner(4), INSURER);
			},
			"more miners than MaxMiners",
		);
	}

	#[test]
	fn an_index_entry_over_its_bound_is_caught() {
		caught(
			|| {
				unhashed::put(
					&MinersOf::<Test>::hashed_key_for(INSURER),
					&vec![miner(7), miner(8), miner(9)],
				)
			},
			"MinersOf entry undecodable or over MaxMinersPerOrganization",
		);
	}

	#[test]
	fn an_empty_index_entry_is_caught() {
		caught(|| MinersOf::<Test>::insert(INSURER, index(vec![])), "empty MinersOf entry");
	}

	#[test]
	fn a_miner_missing_from_the_index_is_caught() {
		caught(
			|| {
				Miners::<Test>::insert(
					miner(1),
					MinerInfo { org: INSURER, payout: INSURER_ACCOUNT },
				)
			},
			"miner missing from MinersOf of its organization",
		);
	}

	#[test]
	fn an_index_entry_without_its_miner_is_caught() {
		caught(
			|| MinersOf::<Test>::insert(INSURER, index(vec![miner(9)])),
			"MinersOf entry without that miner",
		);
	}

	#[test]
	fn a_miner_listed_twice_is_caught() {
		caught(
			|| MinersOf::<Test>::insert(HOSPITAL, index(vec![miner(1), miner(1)])),
			"MinersOf lists a miner twice",
		);
	}

	#[test]
	fn a_duplicate_voter_is_caught() {
		caught(
			|| Voters::<Test>::put(voter_set(vec![(voter(1), HOSPITAL), (voter(1), INSURER)])),
			"duplicate voter",
		);
	}

	#[test]
	fn voters_unlike_the_set_in_force_are_caught() {
		caught(
			|| Voters::<Test>::put(voter_set(vec![(voter(2), HOSPITAL)])),
			"Voters differ from the finality voter set",
		);
	}

	#[test]
	fn voters_may_differ_from_the_set_in_force_while_a_change_is_pending() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(Consortium::add_voter(root(), voter(2), INSURER));
			assert_ne!(
				MockGrandpa::current(),
				Consortium::voters().into_iter().map(|(key, _)| key).collect::<Vec<_>>()
			);
			assert_ok!(Consortium::do_try_state());
			MockGrandpa::enact();
			assert_ok!(Consortium::do_try_state());
		});
	}

	#[test]
	fn governance_authorizes_a_runtime_upgrade_by_its_hash() {
		ExtBuilder::default().build_and_execute(|| {
			let code_hash = H256::repeat_byte(1);
			assert_ok!(Consortium::authorize_upgrade(RuntimeOrigin::root(), code_hash, true));
			System::assert_last_event(
				frame_system::Event::UpgradeAuthorized { code_hash, check_version: true }.into(),
			);
			assert_eq!(System::authorized_upgrade().map(|a| *a.code_hash()), Some(code_hash));
			// A later authorization replaces it.
			let other = H256::repeat_byte(2);
			assert_ok!(Consortium::authorize_upgrade(RuntimeOrigin::root(), other, false));
			assert_eq!(System::authorized_upgrade().map(|a| *a.code_hash()), Some(other));
		});
	}
}
