//! The runtime APIs: what the node, wallets and polkadot.js call into the runtime for.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use sp_api::impl_runtime_apis;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata, H256, U256};
use sp_runtime::{
	traits::Block as BlockT,
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;

use super::{
	opaque::SessionKeys, AccountId, Balance, Block, BlockNumber, Consent, Consortium, Difficulty,
	Executive, Grandpa, InherentDataExt, Nonce, Payments, Records, Runtime, RuntimeCall,
	RuntimeGenesisConfig, System, TransactionPayment, VERSION,
};
use medchain_primitives::MiningKey;

/// The consortium's runtime API, for the node (admitted miners) and clients.
#[cfg(feature = "std")]
pub use pallet_consortium::runtime_api::ConsortiumApi;

/// The scope of a consent grant, as this runtime bounds it.
type ConsentScope =
	pallet_consent::ConsentScope<<Runtime as pallet_consent::Config>::MaxScopeItems>;

/// A claim, as this runtime stores it.
type Claim = pallet_payments::ClaimOf<Runtime>;

/// A payer's escrow, as this runtime stores it.
type Escrow = pallet_payments::EscrowOf<Runtime>;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		// A node's finality and mining keys (see `opaque::SessionKeys`).
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		// Equivocations are not reported on chain (see `pallet_grandpa::Config` here).
		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				sp_runtime::traits::NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: sp_consensus_grandpa::AuthorityId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl pallet_consortium::runtime_api::ConsortiumApi<Block, AccountId> for Runtime {
		fn can_author(key: MiningKey) -> bool {
			Consortium::can_author(&key)
		}

		fn payout_of(key: MiningKey) -> Option<AccountId> {
			Consortium::payout_of(&key)
		}

		fn miners() -> Vec<(MiningKey, pallet_consortium::MinerInfo<AccountId>)> {
			Consortium::miners()
		}

		fn voters() -> Vec<(sp_consensus_grandpa::AuthorityId, medchain_primitives::OrgId)> {
			Consortium::voters()
		}
	}

	impl sp_consensus_pow::DifficultyApi<Block, U256> for Runtime {
		fn difficulty() -> U256 {
			Difficulty::difficulty()
		}
	}

	impl
		pallet_patients::runtime_api::PatientsApi<
			Block,
			AccountId,
			Balance,
			BlockNumber,
			<Runtime as pallet_patients::Config>::MaxMembers,
			<Runtime as pallet_patients::Config>::MaxDelegates,
		> for Runtime
	{
		fn patient(id: pallet_patients::PatientId) -> Option<pallet_patients::Patient<Runtime>> {
			pallet_patients::PatientRecords::<Runtime>::get(id)
		}

		fn patient_of(who: AccountId) -> Option<pallet_patients::PatientId> {
			pallet_patients::PatientOf::<Runtime>::get(who)
		}

		fn organization(id: pallet_patients::OrgId) -> Option<pallet_patients::Organization<Runtime>> {
			pallet_patients::Organizations::<Runtime>::get(id)
		}

		fn organization_of(who: AccountId) -> Option<pallet_patients::OrgId> {
			pallet_patients::OrganizationOf::<Runtime>::get(who)
		}
	}

	impl pallet_records::runtime_api::RecordsApi<Block, AccountId, BlockNumber> for Runtime {
		fn verify(content_hash: H256) -> Vec<pallet_records::RecordInfo<AccountId, BlockNumber>> {
			Records::verify(content_hash)
		}

		fn anchored_by(
			custodian: pallet_records::OrgId,
			content_hash: H256,
		) -> Option<pallet_records::RecordInfo<AccountId, BlockNumber>> {
			Records::anchored_by(custodian, content_hash)
		}

		fn verify_in_batch(
			root: H256,
			content_hash: H256,
			proof: Vec<H256>,
		) -> Vec<pallet_records::BatchInfo<AccountId, BlockNumber>> {
			Records::verify_in_batch(root, content_hash, proof)
		}

		fn record(id: pallet_records::RecordId) -> Option<pallet_records::RecordInfo<AccountId, BlockNumber>> {
			Records::record(id)
		}

		fn latest_version(id: pallet_records::RecordId) -> Option<pallet_records::RecordId> {
			Records::latest_version(id)
		}

		fn history(id: pallet_records::RecordId) -> Vec<pallet_records::RecordId> {
			Records::history(id)
		}

		fn records_of_patient(
			patient: pallet_records::PatientId,
			start_after: Option<pallet_records::RecordId>,
			limit: u32,
		) -> Vec<pallet_records::RecordId> {
			Records::records_of_patient(patient, start_after, limit)
		}

		fn records_of_custodian(
			custodian: pallet_records::OrgId,
			start_after: Option<pallet_records::RecordId>,
			limit: u32,
		) -> Vec<pallet_records::RecordId> {
			Records::records_of_custodian(custodian, start_after, limit)
		}
	}

	impl pallet_consent::runtime_api::ConsentApi<Block, AccountId, BlockNumber, Balance, ConsentScope> for Runtime {
		fn access(
			patient: pallet_consent::PatientId,
			grantee: pallet_consent::Grantee<AccountId>,
			record: pallet_consent::RecordId,
			purpose: pallet_consent::Purpose,
		) -> Option<pallet_consent::AccessBasis> {
			Consent::access(patient, grantee, record, purpose)
		}

		fn grants_of(
			patient: pallet_consent::PatientId,
			start_after: Option<pallet_consent::GrantId>,
			limit: u32,
		) -> Vec<pallet_consent::GrantInfo<AccountId, BlockNumber, Balance, ConsentScope>> {
			Consent::grants_of(patient, start_after, limit)
		}
	}

	impl pallet_payments::runtime_api::PaymentsApi<Block, Claim, Escrow> for Runtime {
		fn claim(claim: pallet_payments::ClaimId) -> Option<Claim> {
			pallet_payments::Claims::<Runtime>::get(claim)
		}

		fn open_claims_of_provider(
			provider: pallet_payments::OrgId,
			start_after: Option<pallet_payments::ClaimId>,
			limit: u32,
		) -> Vec<pallet_payments::ClaimId> {
			Payments::open_claims_of_provider(provider, start_after, limit)
		}

		fn open_claims_of_payer(
			payer: pallet_payments::OrgId,
			start_after: Option<pallet_payments::ClaimId>,
			limit: u32,
		) -> Vec<pallet_payments::ClaimId> {
			Payments::open_claims_of_payer(payer, start_after, limit)
		}

		fn escrow(payer: pallet_payments::OrgId) -> Option<Escrow> {
			pallet_payments::Escrows::<Runtime>::get(payer)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use frame_system_benchmarking::Pallet as SystemBench;
			use sp_storage::TrackedStorageKey;
			use super::*;

			impl frame_system_benchmarking::Config for Runtime {}

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// Off-chain tooling only: a failed check must stop the run loudly.
			#[allow(clippy::expect_used)]
			let weight = Executive::try_runtime_upgrade(checks).expect("runtime upgrade checks pass");
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect
		) -> Weight {
			// Off-chain tooling only: a failed check must stop the run loudly.
			#[allow(clippy::expect_used)]
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
