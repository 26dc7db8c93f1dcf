//! The data-minimisation rule, enforced on the runtime's metadata: no storage item, event or call
//! argument of a medical pallet can carry free text (a string, bytes of any length, or a fixed
//! array that is not a hash or key), and a claim holds no service code in clear. What they hold
//! is opaque ids, fixed-size hashes and commitments, enums, numbers and accounts. Call arguments count as much as storage: every call stays in its
//! block forever.

use frame_metadata::{v14::StorageEntryType, RuntimeMetadata};
use medchain_runtime::Runtime;
use scale_info::{
	form::PortableForm, PortableRegistry, TypeDef, TypeDefArray, TypeDefPrimitive, TypeInfo,
};

/// The pallets that touch medical data.
const MEDICAL_PALLETS: [&str; 4] = ["Patients", "Records", "Consent", "Payments"];

/// The lengths of the fixed-size byte arrays a medical pallet may hold: hashes, salted
/// commitments, opaque ids and account keys (32 bytes). Any other fixed array is refused: a
/// `[u8; 1024]`, or a `[u16; 32]`, holds a paragraph as well as a `Vec<u8>` does, and an 8-byte
/// array holds a service code in clear (a CPT code for psychotherapy or an HIV test is health
/// data: claims carry salted commitments to their lines instead). Add a length only for a key,
/// never for a payload or a code.
const ACCEPTED_BYTE_ARRAYS: [u32; 1] = [32];

/// The one type accepted whole: an account's signature (`sp_runtime::MultiSignature`, 64 or 65
/// bytes), which `consent.logRelease` carries and the runtime checks against the account it
/// names. A signature that verifies cannot be chosen to say something; one that does not fails
/// the call, and holds no more than the two hashes any call may carry.
const ACCEPTED_TYPES: [&[&str]; 1] = [&["sp_runtime", "MultiSignature"]];

/// Whether `array` is a byte array of an accepted length (see [`ACCEPTED_BYTE_ARRAYS`]).
fn is_accepted_byte_array(registry: &PortableRegistry, array: &TypeDefArray<PortableForm>) -> bool {
	ACCEPTED_BYTE_ARRAYS.contains(&array.len)
		&& matches!(
			registry.resolve(array.type_param.id).map(|t| &t.type_def),
			Some(TypeDef::Primitive(TypeDefPrimitive::U8))
		)
}

fn metadata() -> frame_metadata::v14::RuntimeMetadataV14 {
	match Runtime::metadata().1 {
		RuntimeMetadata::V14(metadata) => metadata,
		_ => panic!("expected V14 metadata"),
	}
}

/// Whether type `id` can hold free text: a string, a sequence of bytes, or a fixed array other
/// than an accepted byte array (see [`ACCEPTED_BYTE_ARRAYS`]).
fn can_hold_free_text(registry: &PortableRegistry, id: u32, seen: &mut Vec<u32>) -> bool {
	if seen.contains(&id) {
		return false;
	}
	seen.push(id);
	let ty = registry.resolve(id).expect("type in registry");
	if ACCEPTED_TYPES
		.iter()
		.any(|path| ty.path.segments.iter().map(String::as_str).eq(path.iter().copied()))
	{
		return false;
	}
	match &ty.type_def {
		TypeDef::<PortableForm>::Primitive(TypeDefPrimitive::Str) => true,
		TypeDef::Sequence(seq) => {
			matches!(
				registry.resolve(seq.type_param.id).map(|t| &t.type_def),
				Some(TypeDef::Primitive(TypeDefPrimitive::U8))
			) || can_hold_free_text(registry, seq.type_param.id, seen)
		}
		TypeDef::Composite(c) => {
			c.fields.iter().any(|f| can_hold_free_text(registry, f.ty.id, seen))
		}
		TypeDef::Variant(v) => v
			.variants
			.iter()
			.flat_map(|variant| variant.fields.iter())
			.any(|f| can_hold_free_text(registry, f.ty.id, seen)),
		TypeDef::Array(a) => !is_accepted_byte_array(registry, a),
		TypeDef::Tuple(t) => t.fields.iter().any(|f| can_hold_free_text(registry, f.id, seen)),
		TypeDef::Compact(c) => can_hold_free_text(registry, c.type_param.id, seen),
		TypeDef::BitSequence(_) | TypeDef::Primitive(_) => false,
	}
}

#[test]
fn no_medical_storage_item_event_or_call_argument_can_carry_free_text() {
	let metadata = metadata();
	for name in MEDICAL_PALLETS {
		let pallet = metadata.pallets.iter().find(|p| p.name == name).expect("pallet in runtime");
		let mut types = Vec::new();
		for entry in &pallet.storage.as_ref().expect("storage").entries {
			match &entry.ty {
				StorageEntryType::Plain(ty) => types.push((entry.name.clone(), ty.id)),
				StorageEntryType::Map { key, value, .. } => {
					types.push((entry.name.clone(), key.id));
					types.push((entry.name.clone(), value.id));
				}
			}
		}
		assert!(types.len() >= 6, "{name}: every storage item is checked");
		types.push(("Event".into(), pallet.event.as_ref().expect("events").ty.id));
		types.push(("Call".into(), pallet.calls.as_ref().expect("calls").ty.id));
		for (item, id) in types {
			assert!(
				!can_hold_free_text(&metadata.types, id, &mut Vec::new()),
				"{name}::{item} can carry free text"
			);
		}
	}
}

#[test]
fn the_check_catches_free_text() {
	// It must be able to fail: `System::remark` takes arbitrary bytes.
	let metadata = metadata();
	let system = metadata.pallets.iter().find(|p| p.name == "System").expect("system");
	let calls = system.calls.as_ref().expect("system calls").ty.id;
	assert!(can_hold_free_text(&metadata.types, calls, &mut Vec::new()));
}

/// Whether the rule finds that type `T` can hold free text, checked in a registry of its own.
fn type_can_hold_free_text<T: TypeInfo + 'static>() -> bool {
	let mut registry = scale_info::Registry::new();
	let id = registry.register_type(&scale_info::meta_type::<T>()).id;
	can_hold_free_text(&PortableRegistry::from(registry), id, &mut Vec::new())
}

#[test]
fn the_check_catches_fixed_arrays_that_can_hold_text() {
	// A kilobyte of bytes in a fixed array holds a paragraph as well as a `Vec<u8>` does.
	#[allow(dead_code)]
	#[derive(TypeInfo)]
	struct Note {
		hash: sp_core::H256,
		text: [u8; 1024],
	}
	assert!(type_can_hold_free_text::<Note>(), "[u8; 1024] is refused");
	// A short array of another length, or an array of wider numbers, is refused too.
	#[allow(dead_code)]
	#[derive(TypeInfo)]
	struct Initials([u8; 3]);
	assert!(type_can_hold_free_text::<Initials>(), "[u8; 3] is refused");
	#[allow(dead_code)]
	#[derive(TypeInfo)]
	struct Wide([u16; 32]);
	assert!(type_can_hold_free_text::<Wide>(), "[u16; 32] is refused");
	// What the medical pallets hold passes: hashes, ids and keys, numbers.
	#[allow(dead_code)]
	#[derive(TypeInfo)]
	struct Anchor {
		content_hash: sp_core::H256,
		author: medchain_runtime::AccountId,
		count: u32,
	}
	assert!(!type_can_hold_free_text::<Anchor>(), "hashes, keys and numbers pass");
	// An account's signature passes; the same 64 bytes in any other type do not.
	assert!(!type_can_hold_free_text::<medchain_runtime::Signature>(), "a signature passes");
	#[allow(dead_code)]
	#[derive(TypeInfo)]
	struct NotASignature([u8; 64]);
	assert!(type_can_hold_free_text::<NotASignature>(), "[u8; 64] is refused");
}

#[test]
fn the_check_catches_a_service_code_in_clear() {
	// A claim line as it was before its codes went off chain: the code system and an 8-byte code.
	#[allow(dead_code)]
	#[derive(TypeInfo)]
	enum CodeSystem {
		Cpt,
		Hcpcs,
	}
	#[allow(dead_code)]
	#[derive(TypeInfo)]
	struct Line {
		system: CodeSystem,
		code: [u8; 8],
		quantity: u32,
		unit_amount: u128,
	}
	assert!(type_can_hold_free_text::<Line>(), "a clear service code is refused");
	#[allow(dead_code)]
	#[derive(TypeInfo)]
	struct CommittedLine {
		commitment: sp_core::H256,
		amount: u128,
	}
	assert!(!type_can_hold_free_text::<CommittedLine>(), "a committed line passes");
	assert!(
		!type_can_hold_free_text::<pallet_payments::ClaimLine<u128>>(),
		"the chain's claim line is a committed line"
	);
}
