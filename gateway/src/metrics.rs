//! The gateway's Prometheus metrics: requests by route, refusals by reason, how long anchors
//! and releases take, and how far the access trails are indexed.

use crate::server::Refusal;
use prometheus::{
	Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, Opts, Registry, TextEncoder,
};
use std::time::Duration;

/// The gateway's metrics, registered in their own registry.
pub struct Metrics {
	registry: Registry,
	requests: IntCounterVec,
	refusals: IntCounterVec,
	latency: HistogramVec,
	indexed: IntGauge,
}

impl Metrics {
	/// Metrics starting from zero, every refusal reason listed.
	pub fn new() -> Result<Self, prometheus::Error> {
		let registry = Registry::new();
		let requests = IntCounterVec::new(
			Opts::new("medchain_gateway_requests_total", "Requests, by route."),
			&["route"],
		)?;
		let refusals = IntCounterVec::new(
			Opts::new("medchain_gateway_refusals_total", "Refused requests, by reason."),
			&["reason"],
		)?;
		let latency = HistogramVec::new(
			HistogramOpts::new(
				"medchain_gateway_seconds",
				"Time to anchor an upload, or to release a record (checks, logging on chain).",
			)
			.buckets(vec![0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0]),
			&["operation"],
		)?;
		registry.register(Box::new(requests.clone()))?;
		registry.register(Box::new(refusals.clone()))?;
		let indexed = IntGauge::new(
			"medchain_gateway_trail_indexed_block",
			"The finalized block the access trails are indexed up to.",
		)?;
		registry.register(Box::new(latency.clone()))?;
		registry.register(Box::new(indexed.clone()))?;
		for refusal in Refusal::ALL {
			refusals.with_label_values(&[refusal.code()]);
		}
		Ok(Self { registry, requests, refusals, latency, indexed })
	}

	pub fn request(&self, route: &str) {
		self.requests.with_label_values(&[route]).inc();
	}

	pub fn refusal(&self, refusal: Refusal) {
		self.refusals.with_label_values(&[refusal.code()]).inc();
	}

	pub fn anchored(&self, took: Duration) {
		self.latency.with_label_values(&["anchor"]).observe(took.as_secs_f64());
	}

	pub fn released(&self, took: Duration) {
		self.latency.with_label_values(&["release"]).observe(took.as_secs_f64());
	}

	pub fn indexed(&self, block: u32) {
		self.indexed.set(i64::from(block));
	}

	/// The text exposition format.
	pub fn render(&self) -> String {
		let mut out = Vec::new();
		// Encoding our own metrics into a Vec does not fail.
		let _ = TextEncoder::new().encode(&self.registry.gather(), &mut out);
		String::from_utf8(out).unwrap_or_default()
	}
}
