//! The claim document's lines and their commitments: the off-chain half of a claim.
//!
//! A claim's coded services are health data (a psychotherapy or an HIV-test code says what care a
//! person had), so they never go on chain. The provider sends the payer a claim document (a FHIR
//! `Claim`) whose lines carry, each, a fresh random 32-byte salt; on chain each line is only its
//! commitment and its amount ([`crate::ClaimLine`]). The payer recomputes each commitment from the
//! document and checks it, and the amount, against the chain before it adjudicates
//! ([`LineDetail::check`]); anyone the provider or payer later shows the document to (an auditor)
//! can do the same. Without the salt, nobody can test a guessed code against a commitment.
//!
//! The commitment of a line, version 1, over these bytes in order:
//!
//! | bytes | what |
//! |---|---|
//! | 22 | the ASCII domain `medchain/claim-line/v1` |
//! | 32 | the line's salt |
//! | 1 | the code system: 0 CPT, 1 HCPCS, 2 ICD-10-PCS, 3 a local table |
//! | 8 | the code, ASCII capital letters, digits or dots, zero-padded |
//! | 4 | the quantity, u32 little-endian |
//! | 16 | the unit price in the token's smallest unit, u128 little-endian |
//!
//! hashed with blake2b-256. `scripts/claim-lines.py` and `tests/e2e/lib/claim-lines.mjs` build
//! and check the same commitments; the test vector below is checked by all three.

use crate::ClaimLine;
use codec::Encode;
use sp_core::H256;

/// The domain that separates a line commitment from every other hash on the chain.
pub const LINE_DOMAIN: &[u8; 22] = b"medchain/claim-line/v1";

/// The code system a billed service is coded in (FHIR
/// `Claim.item.productOrService.coding.system`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode)]
pub enum CodeSystem {
	/// AMA CPT procedure codes (5 characters).
	#[codec(index = 0)]
	Cpt,
	/// HCPCS Level II codes (5 characters).
	#[codec(index = 1)]
	Hcpcs,
	/// ICD-10-PCS procedure codes (7 characters).
	#[codec(index = 2)]
	Icd10Pcs,
	/// A code table the consortium agrees on off chain.
	#[codec(index = 3)]
	Local,
}

/// A coded billed service: 1 to 8 ASCII capital letters, digits or dots, left-aligned and padded
/// with zero bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode)]
pub struct ServiceCode {
	/// The code system.
	pub system: CodeSystem,
	/// The code, zero-padded.
	pub code: [u8; 8],
}

impl ServiceCode {
	/// Whether the code is 1 to 8 of `A`-`Z`, `0`-`9` and `.`, followed only by zero bytes.
	pub fn is_well_formed(&self) -> bool {
		let len = self.code.iter().position(|byte| *byte == 0).unwrap_or(self.code.len());
		len > 0
			&& self
				.code
				.iter()
				.take(len)
				.all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit() || *byte == b'.')
			&& self.code.iter().skip(len).all(|byte| *byte == 0)
	}
}

/// One line of the claim document: what the chain does not see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineDetail {
	/// The service billed.
	pub service: ServiceCode,
	/// How many units (at least one).
	pub quantity: u32,
	/// The price of one unit.
	pub unit_price: u128,
	/// The line's salt: fresh and random for every line, never reused.
	pub salt: [u8; 32],
}

/// Why a line of a claim document does not match the claim on chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mismatch {
	/// The code is not 1 to 8 capital letters, digits or dots, zero-padded, or the quantity is
	/// zero.
	Malformed,
	/// Quantity × unit price overflows.
	Overflow,
	/// The document's line does not hash to the commitment on chain.
	Commitment,
	/// The line's amount on chain is not quantity × unit price.
	Amount,
}

impl LineDetail {
	/// The line's commitment (the module's table).
	pub fn commitment(&self) -> H256 {
		let mut bytes = [0u8; 83];
		bytes[..22].copy_from_slice(LINE_DOMAIN);
		bytes[22..54].copy_from_slice(&self.salt);
		bytes[54..63].copy_from_slice(&self.service.encode());
		bytes[63..67].copy_from_slice(&self.quantity.to_le_bytes());
		bytes[67..].copy_from_slice(&self.unit_price.to_le_bytes());
		H256(sp_io::hashing::blake2_256(&bytes))
	}

	/// The line as the provider submits it: its commitment and amount.
	pub fn on_chain(&self) -> Result<ClaimLine<u128>, Mismatch> {
		if !self.service.is_well_formed() || self.quantity == 0 {
			return Err(Mismatch::Malformed);
		}
		let amount = self.unit_price.checked_mul(self.quantity.into()).ok_or(Mismatch::Overflow)?;
		Ok(ClaimLine { commitment: self.commitment(), amount })
	}

	/// The payer's check: this line of the document is the line on chain.
	pub fn check(&self, line: &ClaimLine<u128>) -> Result<(), Mismatch> {
		let expected = self.on_chain()?;
		if expected.commitment != line.commitment {
			return Err(Mismatch::Commitment);
		}
		if expected.amount != line.amount {
			return Err(Mismatch::Amount);
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn code(text: &[u8]) -> ServiceCode {
		let mut code = [0; 8];
		code.iter_mut().zip(text).for_each(|(slot, byte)| *slot = *byte);
		ServiceCode { system: CodeSystem::Cpt, code }
	}

	/// The shared test vector: CPT 99213, quantity 2, unit price 30 MED, salt 0x00…1f.
	pub(crate) fn vector() -> LineDetail {
		LineDetail {
			service: code(b"99213"),
			quantity: 2,
			unit_price: 30_000_000_000_000,
			salt: core::array::from_fn(|i| i as u8),
		}
	}

	#[test]
	fn service_codes_are_codes_not_text() {
		assert!(code(b"99213").is_well_formed());
		assert!(code(b"0DTJ4ZZ").is_well_formed());
		assert!(code(b"J1100.A").is_well_formed());
		assert!(code(b"ABCDEFGH").is_well_formed());
		assert!(!code(b"").is_well_formed());
		assert!(!code(b"john").is_well_formed());
		assert!(!code(b"99 13").is_well_formed());
		let mut gap = code(b"99213");
		gap.code[6] = b'1';
		assert!(!gap.is_well_formed(), "nothing after the padding");
	}

	#[test]
	fn the_commitment_matches_the_shared_test_vector() {
		assert_eq!(
			format!("{:?}", vector().commitment()),
			"0xdb622977ac38d17c028c137e850b3795b3711b4ebbcbab4efa758ce23f528a81",
		);
		assert_eq!(vector().on_chain().map(|line| line.amount), Ok(60_000_000_000_000));
	}

	#[test]
	fn the_payer_detects_any_change_to_a_line() {
		let line = vector().on_chain().unwrap_or_else(|e| panic!("{e:?}"));
		assert_eq!(vector().check(&line), Ok(()));
		let other_code = LineDetail { service: code(b"90837"), ..vector() };
		assert_eq!(other_code.check(&line), Err(Mismatch::Commitment));
		let other_system = LineDetail {
			service: ServiceCode { system: CodeSystem::Hcpcs, ..vector().service },
			..vector()
		};
		assert_eq!(other_system.check(&line), Err(Mismatch::Commitment));
		let more = LineDetail { quantity: 3, ..vector() };
		assert_eq!(more.check(&line), Err(Mismatch::Commitment));
		let other_salt = LineDetail { salt: [0; 32], ..vector() };
		assert_eq!(other_salt.check(&line), Err(Mismatch::Commitment));
		let inflated = ClaimLine { amount: line.amount + 1, ..line };
		assert_eq!(vector().check(&inflated), Err(Mismatch::Amount));
		assert_eq!(LineDetail { quantity: 0, ..vector() }.on_chain(), Err(Mismatch::Malformed));
		assert_eq!(
			LineDetail { service: code(b"flu"), ..vector() }.on_chain(),
			Err(Mismatch::Malformed)
		);
		assert_eq!(
			LineDetail { unit_price: u128::MAX, ..vector() }.on_chain(),
			Err(Mismatch::Overflow)
		);
	}
}
