//! The MED token: its symbol, decimals and units, and the address format of accounts.

use crate::Balance;

/// The token's symbol, as wallets and polkadot.js apps show it.
pub const SYMBOL: &str = "MED";
/// Decimal places: 1 MED = 10^12 units.
pub const DECIMALS: u8 = 12;
/// One MED in units.
pub const MED: Balance = 1_000_000_000_000;
/// One thousandth of a MED.
pub const MILLI_MED: Balance = MED / 1_000;
/// One millionth of a MED.
pub const MICRO_MED: Balance = MED / 1_000_000;
/// The address format of Medchain accounts (SS58 prefix).
pub const SS58_PREFIX: u16 = 4747;
