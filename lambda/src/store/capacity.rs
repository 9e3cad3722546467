//! Counts the capacity units DynamoDB reports for the ledger's reads and
//! writes (`ReturnConsumedCapacity`), so benchmarks can state what an
//! interaction costs at on-demand prices.

use aws_sdk_dynamodb::types::ConsumedCapacity;
use std::sync::atomic::{AtomicU64, Ordering};

/// Thousandths of a unit, so sums of fractional units stay exact enough.
#[derive(Debug, Default)]
pub struct CapacityMeter {
    read_milli: AtomicU64,
    write_milli: AtomicU64,
}

/// Capacity units used since the store was made.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CapacityUsed {
    pub read_units: f64,
    pub write_units: f64,
}

fn milli(units: Option<f64>) -> u64 {
    // Units are small non-negative numbers; rounding to thousandths is exact
    // for DynamoDB's half and whole units.
    (units.unwrap_or(0.0).max(0.0) * 1000.0).round() as u64
}

impl CapacityMeter {
    pub fn add_read(&self, consumed: Option<&ConsumedCapacity>) {
        if let Some(c) = consumed {
            let units = c.read_capacity_units().or(c.capacity_units());
            self.read_milli.fetch_add(milli(units), Ordering::Relaxed);
        }
    }

    pub fn add_write(&self, consumed: &[ConsumedCapacity]) {
        for c in consumed {
            let units = c.write_capacity_units().or(c.capacity_units());
            self.write_milli.fetch_add(milli(units), Ordering::Relaxed);
        }
    }

    pub fn used(&self) -> CapacityUsed {
        CapacityUsed {
            read_units: self.read_milli.load(Ordering::Relaxed) as f64 / 1000.0,
            write_units: self.write_milli.load(Ordering::Relaxed) as f64 / 1000.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_are_summed_separately() {
        let meter = CapacityMeter::default();
        meter.add_read(Some(
            &ConsumedCapacity::builder().capacity_units(0.5).build(),
        ));
        meter.add_read(Some(
            &ConsumedCapacity::builder()
                .read_capacity_units(1.0)
                .capacity_units(1.0)
                .build(),
        ));
        meter.add_write(&[ConsumedCapacity::builder()
            .write_capacity_units(12.0)
            .capacity_units(12.0)
            .build()]);
        meter.add_read(None);
        assert_eq!(
            meter.used(),
            CapacityUsed {
                read_units: 1.5,
                write_units: 12.0
            }
        );
    }
}
