//! Scenarios through the real runtime.
#![allow(clippy::arithmetic_side_effects)]

use crate::*;
use frame_support::traits::fungible::Inspect;
use medchain_primitives::token::MED;
use medchain_runtime::Header;
use medchain_runtime::{Balances, BalancesCall, Difficulty, Runtime};
use pallet_transaction_payment::Event as PaymentEvent;
use sp_core::U256;
use sp_runtime::generic::{Digest, DigestItem};

const T0: u64 = 1_700_000_000_000;

#[test]
fn development_preset_endows_accounts_and_sets_sudo_and_difficulty() {
	genesis("development").execute_with(|| {
		for account in Sr25519Keyring::well_known() {
			assert_eq!(Balances::total_balance(&account.to_account_id()), 1_000_000 * MED);
		}
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
		assert_eq!(
			Difficulty::difficulty(),
			U256::from(medchain_runtime::genesis_config_presets::DEV_INITIAL_DIFFICULTY)
		);
	});
}

#[test]
fn presets_start_with_a_usable_demo_consortium() {
	use medchain_primitives::{OrgKind, OrganizationLookup, PatientLookup};
	type Patients = pallet_patients::Pallet<Runtime>;
	for preset in ["development", "local_testnet"] {
		genesis(preset).execute_with(|| {
			let account = |k: Sr25519Keyring| k.to_account_id();
			assert_eq!(
				Patients::acting_for(&account(Sr25519Keyring::Charlie), OrgKind::Provider),
				Some(0)
			);
			assert_eq!(
				Patients::acting_for(&account(Sr25519Keyring::Dave), OrgKind::Provider),
				Some(0)
			);
			assert_eq!(
				Patients::acting_for(&account(Sr25519Keyring::Eve), OrgKind::Payer),
				Some(1)
			);
			let bob = <Patients as PatientLookup<_>>::patient_of(&account(Sr25519Keyring::Bob))
				.expect("Bob is a patient");
			assert!(<Patients as PatientLookup<_>>::is_active_patient(&bob));
			assert!(<Patients as OrganizationLookup<_>>::is_active(1, OrgKind::Payer));
		});
	}
}

#[test]
fn local_testnet_preset_builds() {
	genesis("local_testnet").execute_with(|| {
		assert_eq!(
			Difficulty::difficulty(),
			U256::from(medchain_runtime::genesis_config_presets::LOCAL_INITIAL_DIFFICULTY)
		);
	});
}

#[test]
fn local_testnet_preset_has_no_sudo_key() {
	genesis("local_testnet").execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
	});
}

#[test]
fn founding_genesis_admits_the_founders_in_order_and_nothing_else() {
	use medchain_primitives::{MiningKey, OrgKind};
	use medchain_runtime::{
		genesis_config_presets::{founding_genesis, FoundingMember},
		Consortium, Grandpa,
	};
	use pallet_consortium::MinerInfo;
	use sp_consensus_grandpa::AuthorityId as GrandpaId;
	use sp_core::{ed25519, sr25519, OpaquePeerId, Pair as _};
	type Patients = pallet_patients::Pallet<Runtime>;
	let sr = |seed: &str| sr25519::Pair::from_string(seed, None).expect("a valid seed").public();
	let account = |seed: &str| AccountId::from(sr(seed));
	let mining = MiningKey::from(sr("//HospitalMiner"));
	let finality = GrandpaId::from(
		ed25519::Pair::from_string("//HospitalVoter", None).expect("seed").public(),
	);
	let node = OpaquePeerId::new(vec![0x11; 38]);
	let founders = [
		FoundingMember {
			kind: OrgKind::Provider,
			admin: account("//Hospital"),
			endowment: 1_000 * MED,
			mining: Some((mining.clone(), account("//HospitalPayout"))),
			finality: Some(finality.clone()),
			node: Some(node.clone()),
		},
		FoundingMember {
			kind: OrgKind::Payer,
			admin: account("//Insurer"),
			endowment: 0,
			mining: None,
			finality: None,
			node: None,
		},
	];
	genesis_of(founding_genesis(&founders, 5_000)).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		assert_eq!(Patients::acting_for(&account("//Hospital"), OrgKind::Provider), Some(0));
		assert_eq!(Patients::acting_for(&account("//Insurer"), OrgKind::Payer), Some(1));
		assert_eq!(pallet_patients::NextOrgId::<Runtime>::get(), 2);
		assert_eq!(pallet_patients::PatientCount::<Runtime>::get(), 0);
		assert_eq!(
			Consortium::miners(),
			vec![(mining, MinerInfo { org: 0, payout: account("//HospitalPayout") })]
		);
		assert_eq!(Consortium::voters(), vec![(finality.clone(), 0)]);
		assert_eq!(Grandpa::grandpa_authorities(), vec![(finality, 1)]);
		// The founder's node is the one well-known node, owned by its admin.
		assert_eq!(
			pallet_node_authorization::WellKnownNodes::<Runtime>::get(),
			[node.clone()].into_iter().collect::<std::collections::BTreeSet<_>>()
		);
		assert_eq!(
			pallet_node_authorization::Owners::<Runtime>::get(&node),
			Some(account("//Hospital"))
		);
		// Only the endowed admin holds MED: no development account.
		assert_eq!(Balances::total_issuance(), 1_000 * MED);
		assert_eq!(Balances::total_balance(&account("//Hospital")), 1_000 * MED);
		for key in Sr25519Keyring::iter() {
			assert_eq!(Balances::total_balance(&key.to_account_id()), 0);
		}
		assert_eq!(Difficulty::difficulty(), U256::from(5_000u32));
	});
}

#[test]
fn unknown_preset_is_none() {
	assert!(medchain_runtime::genesis_config_presets::get_preset(&"nope".into()).is_none());
}

/// Alice transfers 5 MED to Bob, with a tip, in a block mined with `miner`'s key; returns the
/// fee paid, tip included.
fn transfer_in_block_of(miner: Sr25519Keyring) -> u128 {
	let bob = Sr25519Keyring::Bob.to_account_id();
	let bob_before = Balances::balance(&bob);
	start_block(1, miner, T0);
	let transfer = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
		dest: bob.clone().into(),
		value: 5 * MED,
	});
	assert_ok_applied(Executive::apply_extrinsic(signed_with_tip(
		Sr25519Keyring::Alice,
		transfer,
		MED / 1_000,
	)));
	assert_eq!(Balances::balance(&bob), bob_before + 5 * MED);
	let fee = System::events()
		.into_iter()
		.find_map(|record| match record.event {
			medchain_runtime::RuntimeEvent::TransactionPayment(
				PaymentEvent::TransactionFeePaid { actual_fee, .. },
			) => Some(actual_fee),
			_ => None,
		})
		.expect("a fee was paid");
	assert!(fee > 0);
	finish_block();
	fee
}

#[test]
fn a_key_that_is_not_an_admitted_miner_gets_no_tip() {
	genesis("development").execute_with(|| {
		// Ferdie's key names itself as the author; it is no miner, so the tip is burned with
		// the fee.
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		let ferdie_before = Balances::balance(&ferdie);
		let issuance_before = Balances::total_issuance();
		let fee = transfer_in_block_of(Sr25519Keyring::Ferdie);
		assert_eq!(Balances::balance(&ferdie), ferdie_before);
		assert_eq!(Balances::total_issuance(), issuance_before - fee);
	});
}

#[test]
fn a_block_naming_two_authors_pays_no_one() {
	genesis("development").execute_with(|| {
		// Two `pow_` pre-runtime items (nodes refuse such a block; the runtime pays neither).
		let key = |k: Sr25519Keyring| medchain_primitives::MiningKey::from(k.public()).encode();
		let digest = Digest {
			logs: vec![
				DigestItem::PreRuntime(POW_ENGINE_ID, key(Sr25519Keyring::Alice)),
				DigestItem::PreRuntime(POW_ENGINE_ID, key(Sr25519Keyring::Alice)),
			],
		};
		let header =
			Header::new(1, Default::default(), Default::default(), System::parent_hash(), digest);
		Executive::initialize_block(&header);
		assert_eq!(pallet_authorship::Pallet::<Runtime>::author(), None);
	});
}

#[test]
fn presets_admit_their_miners_and_voters() {
	use medchain_runtime::{Consortium, Grandpa};
	use sp_keyring::Ed25519Keyring;
	for (preset, nodes) in [
		("development", &[(Sr25519Keyring::Alice, Ed25519Keyring::Alice)][..]),
		(
			"local_testnet",
			&[
				(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
				(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
				(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
				(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
			][..],
		),
	] {
		genesis(preset).execute_with(|| {
			let voters: Vec<_> = nodes.iter().map(|(_, voter)| voter.public().into()).collect();
			let grandpa: Vec<_> =
				Grandpa::grandpa_authorities().into_iter().map(|(key, _)| key).collect();
			assert_eq!(grandpa, voters, "{preset}: GRANDPA's voters are the consortium's");
			assert_eq!(
				Consortium::voters().into_iter().map(|(key, _)| key).collect::<Vec<_>>(),
				voters
			);
			for (miner, _) in nodes {
				assert!(Consortium::can_author(&miner.public().into()), "{preset}: {miner:?}");
			}
			assert!(!Consortium::can_author(&Sr25519Keyring::Ferdie.public().into()));
		});
	}
}

#[test]
fn presets_hold_their_well_known_nodes_owned_by_their_admins() {
	use medchain_runtime::genesis_config_presets::LOCAL_NODE_PEER_IDS;
	use pallet_node_authorization::{Owners, WellKnownNodes};
	use sp_core::OpaquePeerId;
	use std::collections::BTreeSet;
	use Sr25519Keyring::{Alice, Charlie, Eve, Ferdie};
	// The development chain's nodes peer as their command lines say.
	genesis("development").execute_with(|| {
		assert!(WellKnownNodes::<Runtime>::get().is_empty());
	});
	genesis("local_testnet").execute_with(|| {
		let nodes: Vec<OpaquePeerId> =
			LOCAL_NODE_PEER_IDS.iter().map(|id| OpaquePeerId::new(id.to_vec())).collect();
		assert_eq!(
			WellKnownNodes::<Runtime>::get(),
			nodes.iter().cloned().collect::<BTreeSet<_>>()
		);
		// node1…node4 run the keys of organizations 0…3: their admins own them.
		let owners: Vec<_> = nodes.iter().map(Owners::<Runtime>::get).collect();
		assert_eq!(owners, [Charlie, Eve, Ferdie, Alice].map(|k| Some(k.to_account_id())));
	});
}

#[test]
fn the_council_manages_the_well_known_nodes_and_node_claims_are_refused() {
	use pallet_node_authorization::{
		AdditionalConnections, Call as NodeCall, Owners, WellKnownNodes,
	};
	use sp_core::OpaquePeerId;
	use std::collections::BTreeSet;
	use Sr25519Keyring::{Alice, Bob, Charlie, Eve, Ferdie};
	let node_call = RuntimeCall::NodeAuthorization;
	genesis("local_testnet").execute_with(|| {
		start_block(1, Alice, T0);
		let node = OpaquePeerId::new(vec![0x55; 38]);
		// Nobody may claim a node the council has yet to add (and then let nodes of their own
		// connect to it): refused, by the call filter or, before that, by the transaction's
		// checks.
		let claim = Executive::apply_extrinsic(signed(
			Eve,
			node_call(NodeCall::claim_node { node: node.clone() }),
		));
		assert!(!matches!(claim, Ok(Ok(()))), "{claim:?}");
		assert_eq!(Owners::<Runtime>::get(&node), None);

		// One admin cannot add it; two thirds of the council can, naming its owner.
		let add = node_call(NodeCall::add_well_known_node {
			node: node.clone(),
			owner: Bob.to_account_id().into(),
		});
		assert_eq!(
			council_motion(add.clone(), &[Charlie], &[]),
			Some(Err(sp_runtime::DispatchError::BadOrigin))
		);
		assert!(!WellKnownNodes::<Runtime>::get().contains(&node));
		assert_eq!(council_motion(add, &[Charlie, Eve, Ferdie], &[]), Some(Ok(())));
		assert!(WellKnownNodes::<Runtime>::get().contains(&node));
		assert_eq!(WellKnownNodes::<Runtime>::get().len(), 5);
		assert_eq!(Owners::<Runtime>::get(&node), Some(Bob.to_account_id()));

		// Its owner cannot hand it over or drop it either.
		let claims: [NodeCall<Runtime>; 2] = [
			NodeCall::transfer_node { node: node.clone(), owner: Eve.to_account_id().into() },
			NodeCall::remove_claim { node: node.clone() },
		];
		for call in claims {
			let result = Executive::apply_extrinsic(signed(Bob, node_call(call)));
			assert!(!matches!(result, Ok(Ok(()))), "{result:?}");
		}
		assert_eq!(Owners::<Runtime>::get(&node), Some(Bob.to_account_id()));

		// Its owner, and only its owner, lets another node of its own connect to it.
		let extra = OpaquePeerId::new(vec![0x66; 38]);
		let connect = |who: Sr25519Keyring| {
			signed(
				who,
				node_call(NodeCall::add_connections {
					node: node.clone(),
					connections: vec![extra.clone()],
				}),
			)
		};
		assert!(failed_with(&Executive::apply_extrinsic(connect(Eve)), "NotOwner"));
		assert_ok_applied(Executive::apply_extrinsic(connect(Bob)));
		assert_eq!(AdditionalConnections::<Runtime>::get(&node), BTreeSet::from([extra]));

		// The council removes it: its owner and its connections go with it.
		let remove = node_call(NodeCall::remove_well_known_node { node: node.clone() });
		assert_eq!(council_motion(remove, &[Charlie, Eve, Ferdie], &[]), Some(Ok(())));
		assert!(!WellKnownNodes::<Runtime>::get().contains(&node));
		assert_eq!(Owners::<Runtime>::get(&node), None);
		assert!(AdditionalConnections::<Runtime>::get(&node).is_empty());
		finish_block();
	});
}

#[test]
fn suspending_an_organization_stops_its_miners_at_once() {
	use medchain_runtime::{Consortium, PatientsCall};
	genesis("local_testnet").execute_with(|| {
		start_block(1, Sr25519Keyring::Alice, T0);
		// Bob's key mines for organization 1 (the payer).
		assert!(Consortium::can_author(&Sr25519Keyring::Bob.public().into()));
		// The council (three of its four admins) suspends it.
		let suspend = RuntimeCall::Patients(PatientsCall::suspend_organization { org: 1 });
		use Sr25519Keyring::{Alice, Charlie, Ferdie};
		assert_eq!(council_motion(suspend, &[Charlie, Ferdie, Alice], &[]), Some(Ok(())));
		assert!(!Consortium::can_author(&Sr25519Keyring::Bob.public().into()));
		assert!(Consortium::can_author(&Sr25519Keyring::Alice.public().into()));
		finish_block();
	});
}

#[test]
fn a_voter_set_change_by_governance_is_scheduled_then_enacted() {
	use medchain_runtime::{Consortium, ConsortiumCall, Grandpa, RuntimeEvent};
	use sp_keyring::Ed25519Keyring;
	genesis("development").execute_with(|| {
		start_block(1, Sr25519Keyring::Alice, T0);
		let add = RuntimeCall::Sudo(pallet_sudo::Call::sudo {
			call: Box::new(RuntimeCall::Consortium(ConsortiumCall::add_voter {
				key: Ed25519Keyring::Bob.public().into(),
				org: 1,
			})),
		});
		assert_ok_applied(Executive::apply_extrinsic(signed(Sr25519Keyring::Alice, add)));
		assert!(pallet_grandpa::PendingChange::<Runtime>::exists());
		finish_block();
		// The set counts from its enactment, as the GRANDPA client does.
		assert_eq!(Grandpa::current_set_id(), 0);
		let delay = <Runtime as pallet_consortium::Config>::VoterChangeDelay::get();
		// Block 1 carries the change for the nodes: GRANDPA's ScheduledChange consensus log.
		let scheduled = System::digest().logs.iter().any(|item| {
			matches!(item, DigestItem::Consensus(engine, _) if *engine == sp_consensus_grandpa::GRANDPA_ENGINE_ID)
		});
		assert!(scheduled, "block 1 signals the change to the nodes");
		let mut enacted = false;
		for n in 2..=1 + delay {
			start_block(n, Sr25519Keyring::Alice, T0 + u64::from(n) * 6_000);
			finish_block();
			let new_authorities = System::events().iter().any(|record| {
				matches!(record.event, RuntimeEvent::Grandpa(pallet_grandpa::Event::NewAuthorities { .. }))
			});
			// The set id moves in the block that enacts the change, and only then.
			assert_eq!(Grandpa::current_set_id(), u64::from(enacted || new_authorities), "block {n}");
			enacted |= new_authorities;
		}
		assert!(enacted, "NewAuthorities within the delay");
		assert_eq!(Grandpa::current_set_id(), 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), 2);
		assert_eq!(Consortium::voters().len(), 2);
	});
}

#[test]
fn blocks_retarget_difficulty_through_the_timestamp() {
	genesis("development").execute_with(|| {
		let start = Difficulty::difficulty();
		// Blocks one second apart, far faster than the 6 s target: difficulty rises.
		for n in 1..=5u32 {
			start_block(n, Sr25519Keyring::Alice, T0 + u64::from(n) * 1_000);
			finish_block();
		}
		assert!(Difficulty::difficulty() > start, "difficulty rose from {start}");
	});
}

#[test]
fn a_bad_signature_is_rejected() {
	use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
	genesis("development").execute_with(|| {
		start_block(1, Sr25519Keyring::Alice, T0);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let transfer = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			value: MED,
		});
		// Eve signs, but the extrinsic claims to come from Alice: refused for its proof, not for
		// its nonce, era or fee, which are Alice's and right.
		let forged = signed_as(Sr25519Keyring::Eve, alice.clone(), transfer.clone());
		assert_eq!(
			Executive::apply_extrinsic(forged),
			Err(TransactionValidityError::Invalid(InvalidTransaction::BadProof))
		);
		// The same transfer signed by Alice herself goes through.
		assert_ok_applied(Executive::apply_extrinsic(signed_as(
			Sr25519Keyring::Alice,
			alice,
			transfer,
		)));
	});
}

#[test]
fn runtime_apis_of_the_medical_pallets_are_in_the_metadata() {
	use codec::Decode;
	use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
	let versions = Runtime::metadata_versions();
	assert!(versions.contains(&15), "metadata V15 offered: {versions:?}");
	let opaque = Runtime::metadata_at_version(15).expect("V15 metadata");
	let RuntimeMetadataPrefixed(_, RuntimeMetadata::V15(metadata)) =
		RuntimeMetadataPrefixed::decode(&mut &opaque[..]).expect("decodes")
	else {
		panic!("V15 metadata");
	};
	let apis: Vec<&str> = metadata.apis.iter().map(|api| api.name.as_str()).collect();
	for expected in [
		"PatientsApi",
		"RecordsApi",
		"ConsentApi",
		"PaymentsApi",
		"DifficultyApi",
		"TransactionPaymentApi",
	] {
		assert!(apis.contains(&expected), "{expected} missing from {apis:?}");
	}
}

/// The gateway's client types are generated from `gateway/metadata/medchain.scale`: it must be
/// this runtime's metadata. `scripts/gateway-metadata.sh` rewrites it (this test, with
/// `MEDCHAIN_WRITE_METADATA=1`).
#[test]
fn the_gateways_metadata_is_the_runtimes() {
	let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../gateway/metadata/medchain.scale");
	let current = Runtime::metadata_at_version(15).expect("V15 metadata");
	if std::env::var_os("MEDCHAIN_WRITE_METADATA").is_some() {
		std::fs::write(path, &current[..]).expect("writes the gateway's metadata");
	}
	let kept = std::fs::read(path).unwrap_or_default();
	assert!(
		kept == current[..],
		"gateway/metadata/medchain.scale is not this runtime's metadata: run scripts/gateway-metadata.sh"
	);
}

/// `consent.grantConsent(patient, Organization(org), All, purpose, None, None)`.
fn grant_all(
	patient: medchain_primitives::PatientId,
	org: medchain_primitives::OrgId,
	purpose: medchain_primitives::Purpose,
) -> RuntimeCall {
	RuntimeCall::Consent(medchain_runtime::ConsentCall::grant_consent {
		patient,
		grantee: pallet_consent::Grantee::Organization(org),
		scope: pallet_consent::ConsentScope::All,
		purpose,
		starts_at: None,
		expires_at: None,
	})
}

/// Whether `result` failed with the module error `name`.
pub(crate) fn failed_with(result: &sp_runtime::ApplyExtrinsicResult, name: &str) -> bool {
	matches!(result, Ok(Err(sp_runtime::DispatchError::Module(e))) if e.message == Some(name))
}

#[test]
fn a_patient_consents_then_a_provider_anchors_and_logs_access_through_the_runtime() {
	use medchain_primitives::{Purpose, RecordCategory};
	use medchain_runtime::{Consent, ConsentCall, Records, RecordsCall};
	use pallet_consent::{AccessBasis, Grantee};
	use pallet_records::HashAlgorithm;
	genesis("development").execute_with(|| {
		start_block(1, Sr25519Keyring::Alice, T0);
		// The demo consortium: Dave acts for provider 0, Eve for payer 1, Bob is a patient.
		let bob = pallet_patients::PatientOf::<Runtime>::get(Sr25519Keyring::Bob.to_account_id())
			.expect("Bob is a patient");
		let content_hash = sp_core::H256::repeat_byte(0x42);
		let anchor = RuntimeCall::Records(RecordsCall::anchor_record {
			patient: bob,
			content_hash,
			algorithm: HashAlgorithm::HmacSha2_256,
			category: RecordCategory::DischargeSummary,
			locator: None,
		});
		// No consent yet: refused by name.
		let refused = Executive::apply_extrinsic(signed(Sr25519Keyring::Dave, anchor.clone()));
		assert!(failed_with(&refused, "NoConsent"), "{refused:?}");
		assert_ok_applied(Executive::apply_extrinsic(signed(
			Sr25519Keyring::Bob,
			grant_all(bob, 0, Purpose::Treatment),
		)));
		assert_ok_applied(Executive::apply_extrinsic(signed(Sr25519Keyring::Dave, anchor.clone())));
		let pallet_records::RecordInfo { id, anchor: info } =
			Records::anchored_by(0, content_hash).expect("anchored");
		assert_eq!((info.patient, info.custodian, info.timestamp), (bob, 0, T0));
		assert_eq!(info.author, Sr25519Keyring::Dave.to_account_id());
		// Bob himself acts for no provider: his attempt fails with the named error.
		let result = Executive::apply_extrinsic(signed(Sr25519Keyring::Bob, anchor));
		assert!(failed_with(&result, "NotProvider"), "{result:?}");
		// Dave logs his access; the payer's clerk Eve has no consent.
		let log = |purpose| {
			RuntimeCall::Consent(ConsentCall::log_access { patient: bob, record: id, purpose })
		};
		assert_ok_applied(Executive::apply_extrinsic(signed(
			Sr25519Keyring::Dave,
			log(Purpose::Treatment),
		)));
		assert_eq!(pallet_consent::AccessTrails::<Runtime>::get(bob).count, 1);
		let refused =
			Executive::apply_extrinsic(signed(Sr25519Keyring::Eve, log(Purpose::Payment)));
		assert!(failed_with(&refused, "NoConsent"), "{refused:?}");
		assert_eq!(
			Consent::access(bob, Grantee::Organization(0), id, Purpose::Treatment),
			Some(AccessBasis::Grant(0))
		);
	});
}

#[test]
fn a_claim_is_submitted_approved_and_paid_through_the_runtime() {
	use medchain_primitives::{Purpose, RecordCategory};
	use medchain_runtime::{PaymentsCall, RecordsCall};
	use pallet_payments::{
		commitment::{CodeSystem, LineDetail, ServiceCode},
		ClaimStatus,
	};
	use sp_core::H256;
	genesis("development").execute_with(|| {
		start_block(1, Sr25519Keyring::Alice, T0);
		let bob = pallet_patients::PatientOf::<Runtime>::get(Sr25519Keyring::Bob.to_account_id())
			.expect("Bob is a patient");
		let grant = |org, purpose| {
			assert_ok_applied(Executive::apply_extrinsic(signed(
				Sr25519Keyring::Bob,
				grant_all(bob, org, purpose),
			)));
		};
		// Bob lets the hospital (0) treat him; Dave anchors the discharge summary.
		grant(0, Purpose::Treatment);
		let summary = H256::repeat_byte(0x5a);
		assert_ok_applied(Executive::apply_extrinsic(signed(
			Sr25519Keyring::Dave,
			RuntimeCall::Records(RecordsCall::anchor_record {
				patient: bob,
				content_hash: summary,
				algorithm: pallet_records::HashAlgorithm::HmacSha2_256,
				category: RecordCategory::DischargeSummary,
				locator: None,
			}),
		)));
		// The claim document's line, off chain; the chain gets its commitment and amount.
		let visit = LineDetail {
			service: ServiceCode { system: CodeSystem::Cpt, code: *b"99223\0\0\0" },
			quantity: 2,
			unit_price: 30 * MED,
			salt: [7; 32],
		};
		let line = visit.on_chain().expect("a well-formed line");
		let submit = RuntimeCall::Payments(PaymentsCall::submit_claim {
			patient: bob,
			payer: Some(1),
			// Charlie, the provider's admin: a member bills to the admin's account.
			payee: Sr25519Keyring::Charlie.to_account_id(),
			lines: vec![line].try_into().expect("one line"),
			evidence: vec![summary].try_into().expect("one hash"),
		});
		// The insurer (1) may not see the summary yet.
		let refused = Executive::apply_extrinsic(signed(Sr25519Keyring::Dave, submit.clone()));
		assert!(failed_with(&refused, "NoPayerConsent"), "{refused:?}");
		grant(1, Purpose::Payment);
		assert_ok_applied(Executive::apply_extrinsic(signed(Sr25519Keyring::Dave, submit)));
		// The insurer checks the claim document it got from the hospital against the chain:
		// the line it was sent is the line committed to; a document that says otherwise is not.
		let stored = pallet_payments::Claims::<Runtime>::get(0).expect("submitted");
		assert_eq!(visit.check(&stored.lines[0]), Ok(()));
		let upcoded = LineDetail { quantity: 3, ..visit };
		assert!(upcoded.check(&stored.lines[0]).is_err());

		// Eve, the insurer's admin, funds the escrow and approves 50 of the 60 MED, with a 10
		// MED co-pay.
		let eve = Sr25519Keyring::Eve;
		assert_ok_applied(Executive::apply_extrinsic(signed(
			eve,
			RuntimeCall::Payments(PaymentsCall::fund_escrow { amount: 100 * MED }),
		)));
		let approve = |allowed| {
			RuntimeCall::Payments(PaymentsCall::approve_claim {
				claim: 0,
				allowed: vec![allowed].try_into().expect("one line"),
				patient_share: 10 * MED,
			})
		};
		let refused = Executive::apply_extrinsic(signed(eve, approve(61 * MED)));
		assert!(failed_with(&refused, "OverApproval"), "{refused:?}");
		assert_ok_applied(Executive::apply_extrinsic(signed(eve, approve(50 * MED))));

		let charlie = Sr25519Keyring::Charlie.to_account_id();
		let before = Balances::balance(&charlie);
		assert_ok_applied(Executive::apply_extrinsic(signed(
			Sr25519Keyring::Ferdie,
			RuntimeCall::Payments(PaymentsCall::settle_claim { claim: 0 }),
		)));
		assert_ok_applied(Executive::apply_extrinsic(signed(
			Sr25519Keyring::Bob,
			RuntimeCall::Payments(PaymentsCall::pay_patient_share { claim: 0 }),
		)));
		assert_eq!(Balances::balance(&charlie), before + 50 * MED);
		let claim = pallet_payments::Claims::<Runtime>::get(0).expect("stored");
		assert!(matches!(claim.status, ClaimStatus::Settled { .. }), "{:?}", claim.status);
		let escrow = pallet_payments::Escrows::<Runtime>::get(1).expect("escrow");
		assert_eq!((escrow.held, escrow.committed), (60 * MED, 0));
		let refused = Executive::apply_extrinsic(signed(
			Sr25519Keyring::Ferdie,
			RuntimeCall::Payments(PaymentsCall::settle_claim { claim: 0 }),
		));
		assert!(failed_with(&refused, "AlreadyPaid"), "{refused:?}");
	});
}

/// Every storage entry of the whole state whose key or value holds `needle`, outside the
/// accounts' balances (`System::Account`, which maps an account to its balance and nonce, not to
/// a patient).
fn storage_entries_holding(needle: &[u8]) -> Vec<Vec<u8>> {
	let balances =
		[sp_io::hashing::twox_128(b"System"), sp_io::hashing::twox_128(b"Account")].concat();
	let mut found = Vec::new();
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		let value = sp_io::storage::get(&next).map(|v| v.to_vec()).unwrap_or_default();
		let holds = |bytes: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
		if !next.starts_with(&balances) && (holds(&next) || holds(&value)) {
			found.push(next.clone());
		}
		key = next;
	}
	found
}

#[test]
fn after_erasure_no_storage_item_holds_an_account_of_the_patient() {
	use medchain_primitives::{DelegateRole, Purpose, RecordCategory};
	use medchain_runtime::{ConsentCall, PatientsCall, RecordsCall};
	use pallet_consent::ConsentScope;
	genesis("development").execute_with(|| {
		start_block(1, Sr25519Keyring::Alice, T0);
		let bob_key = Sr25519Keyring::Bob.to_account_id();
		let bob = pallet_patients::PatientOf::<Runtime>::get(&bob_key).expect("Bob is a patient");
		let guardian = AccountId::from([0x77; 32]);
		let apply = |who, call| assert_ok_applied(Executive::apply_extrinsic(signed(who, call)));
		// Bob's care leaves his key and his guardian's in several pallets: his record and
		// delegate, grants he paid for, a request waiting for him, an anchored record.
		apply(
			Sr25519Keyring::Bob,
			RuntimeCall::Patients(PatientsCall::add_delegate {
				patient: bob,
				delegate: guardian.clone(),
				role: DelegateRole::Guardian,
				expires_at: None,
			}),
		);
		for (org, purpose) in [(0, Purpose::Treatment), (1, Purpose::Payment)] {
			apply(Sr25519Keyring::Bob, grant_all(bob, org, purpose));
		}
		apply(
			Sr25519Keyring::Dave,
			RuntimeCall::Consent(ConsentCall::request_consent {
				patient: bob,
				scope: ConsentScope::All,
				purpose: Purpose::Research,
				expires_at: None,
			}),
		);
		apply(
			Sr25519Keyring::Dave,
			RuntimeCall::Records(RecordsCall::anchor_record {
				patient: bob,
				content_hash: sp_core::H256::repeat_byte(0x42),
				algorithm: pallet_records::HashAlgorithm::KeyedBlake2_256,
				category: RecordCategory::LabResult,
				locator: None,
			}),
		);
		// The check can fail: before erasure, both keys are in storage.
		assert!(!storage_entries_holding(bob_key.as_ref()).is_empty());
		assert!(!storage_entries_holding(guardian.as_ref()).is_empty());

		apply(
			Sr25519Keyring::Bob,
			RuntimeCall::Patients(PatientsCall::deactivate_patient { patient: bob }),
		);
		Executive::finalize_block();
		// The next block clears the last block's events, which are in that block for good.
		start_block(2, Sr25519Keyring::Alice, T0 + 6_000);
		for account in [&bob_key, &guardian] {
			let left = storage_entries_holding(account.as_ref());
			let left: Vec<String> = left
				.iter()
				.map(|key| sp_core::hexdisplay::HexDisplay::from(key).to_string())
				.collect();
			assert!(left.is_empty(), "{account} is still in {left:?}");
		}
		// What stays is keyed by the opaque id, naming nobody: the record, the access trail.
		assert!(pallet_patients::PatientRecords::<Runtime>::get(bob)
			.is_some_and(|p| p.control == pallet_patients::Control::Erased));
		assert!(!storage_entries_holding(&bob.encode()).is_empty());
	});
}

/// Start block `number`, skipping the blocks between the last one and it, at the target block
/// time after block 1.
fn start_block_at(number: u32) {
	System::set_block_number(number - 1);
	start_block(number, Sr25519Keyring::Alice, T0 + u64::from(number - 1) * 6_000);
}

/// Who paid the fee of each transaction of the current block so far.
fn fee_payers() -> Vec<AccountId> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			medchain_runtime::RuntimeEvent::TransactionPayment(
				PaymentEvent::TransactionFeePaid { who, .. },
			) => Some(who),
			_ => None,
		})
		.collect()
}

#[test]
fn a_patient_key_that_never_had_funds_acts_and_the_sponsor_pays_up_to_the_quota() {
	use frame_support::{assert_ok, traits::Get};
	use medchain_primitives::{DelegateRole, Purpose};
	use medchain_runtime::{Patients, PatientsCall, DAYS};
	use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
	use Sr25519Keyring::{Charlie, Dave, Ferdie, One, Two};
	genesis("development").execute_with(|| {
		start_block_at(1);
		// Dave registers a patient in provider 0's custody (admin Charlie: the sponsor), and
		// Charlie offers control to `One`, a key that never had funds.
		let apply = |who, call| Executive::apply_extrinsic(signed(who, call));
		let patients = |call| RuntimeCall::Patients(call);
		assert_ok_applied(apply(
			Dave,
			patients(PatientsCall::register_patient_for { commitment: None }),
		));
		let patient = pallet_patients::PatientRecords::<Runtime>::iter()
			.find_map(|(id, record)| (record.sponsor == Some(0)).then_some(id))
			.expect("registered");
		assert_ok_applied(apply(
			Charlie,
			patients(PatientsCall::offer_control { patient, to: Some(One.to_account_id()) }),
		));
		finish_block();
		start_block_at(1 + DAYS);
		let charlie = Charlie.to_account_id();
		let unfunded = |who: Sr25519Keyring| Balances::total_balance(&who.to_account_id()) == 0;
		assert!(unfunded(One) && unfunded(Two));

		// The fresh key takes control, adds a fresh proxy, and the proxy grants consent: the
		// sponsor pays every fee and deposit.
		let before = Balances::free_balance(&charlie);
		System::reset_events();
		assert_ok_applied(apply(One, patients(PatientsCall::accept_control { patient })));
		assert_ok_applied(apply(
			One,
			patients(PatientsCall::add_delegate {
				patient,
				delegate: Two.to_account_id(),
				role: DelegateRole::Proxy,
				expires_at: None,
			}),
		));
		assert_ok_applied(apply(Two, grant_all(patient, 1, Purpose::Payment)));
		assert_eq!(fee_payers(), vec![charlie.clone(); 3]);
		assert!(unfunded(One) && unfunded(Two));
		let deposits: u128 =
			<<Runtime as pallet_patients::Config>::DelegateDeposit as Get<u128>>::get()
				+ <<Runtime as pallet_consent::Config>::GrantDeposit as Get<u128>>::get();
		assert!(before - Balances::free_balance(&charlie) > deposits, "fees and deposits paid");
		assert_eq!(Patients::sponsored_calls(&patient).calls, 3);

		// A call with a tip is never sponsored: the signer would pay, and cannot.
		let commitment = patients(PatientsCall::set_commitment { patient, commitment: None });
		assert_eq!(
			Executive::apply_extrinsic(signed_with_tip(One, commitment.clone(), 1)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		// Someone who does not act for the patient pays for their own call (and it fails).
		System::reset_events();
		let result = apply(Ferdie, commitment.clone());
		assert!(failed_with(&result, "NotController"), "{result:?}");
		assert_eq!(fee_payers(), vec![Ferdie.to_account_id()]);

		// A delegate may only have the calls its role allows sponsored: the proxy is no
		// controller, so setting the commitment is its own to pay, and it cannot.
		assert_eq!(
			apply(Two, commitment.clone()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment))
		);
		// The quota: 32 sponsored calls a day, failed ones included, of which delegates may
		// have 16; then the signer, which cannot pay, is refused before any block, with its own
		// error. (Past 8 grants to one grantee the proxy's grants fail, and still count.)
		for _ in 3..16 {
			assert!(apply(Two, grant_all(patient, 1, Purpose::Payment)).is_ok());
		}
		assert_eq!(
			apply(Two, grant_all(patient, 1, Purpose::Payment)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(10)))
		);
		for _ in 16..32 {
			assert_ok_applied(apply(One, commitment.clone()));
		}
		assert_eq!(
			apply(One, commitment.clone()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(10)))
		);
		finish_block();
		start_block_at(2 * DAYS);
		assert_ok_applied(apply(One, commitment.clone()));
		assert_eq!(Patients::sponsored_calls(&patient).calls, 1);

		// A sponsor that cannot pay refuses the call, with its own error.
		assert_ok!(Balances::force_set_balance(
			medchain_runtime::RuntimeOrigin::root(),
			charlie.into(),
			medchain_runtime::EXISTENTIAL_DEPOSIT
		));
		assert_eq!(
			apply(Two, grant_all(patient, 0, Purpose::Treatment)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(9)))
		);
	});
}
