//! The data-minimisation rule, enforced on the runtime's metadata: no storage item or event of a
//! medical pallet can carry free text (a string, or bytes of any length). What they hold is
//! opaque ids, fixed-size hashes, enums, numbers and accounts.

use frame_metadata::{v14::StorageEntryType, RuntimeMetadata};
use medchain_runtime::Runtime;
use scale_info::{form::PortableForm, PortableRegistry, TypeDef, TypeDefPrimitive};

/// The pallets that touch medical data.
const MEDICAL_PALLETS: [&str; 4] = ["Patients", "Records", "Consent", "Payments"];

fn metadata() -> frame_metadata::v14::RuntimeMetadataV14 {
	match Runtime::metadata().1 {
		RuntimeMetadata::V14(metadata) => metadata,
		_ => panic!("expected V14 metadata"),
	}
}

/// Whether type `id` can hold free text: a string, or a sequence of bytes.
fn can_hold_free_text(registry: &PortableRegistry, id: u32, seen: &mut Vec<u32>) -> bool {
	if seen.contains(&id) {
		return false;
	}
	seen.push(id);
	let ty = registry.resolve(id).expect("type in registry");
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
		TypeDef::Array(a) => can_hold_free_text(registry, a.type_param.id, seen),
		TypeDef::Tuple(t) => t.fields.iter().any(|f| can_hold_free_text(registry, f.id, seen)),
		TypeDef::Compact(c) => can_hold_free_text(registry, c.type_param.id, seen),
		TypeDef::BitSequence(_) | TypeDef::Primitive(_) => false,
	}
}

#[test]
fn no_medical_storage_item_or_event_can_carry_free_text() {
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
