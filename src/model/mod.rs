//! Typed values the parser produces and the scorer consumes. No strings downstream:
//! everything a rule looks at is a field here.

pub mod actual;
pub mod date;
pub mod number;
pub mod quantity;
pub mod span;
pub mod target;
pub mod units;
pub mod vocabulary;

pub use actual::{Actual, ActualValue, Grade};
pub use date::{DatePoint, DateSpec};
pub use quantity::{Magnitude, Quantity, Unit};
pub use span::Span;
pub use target::{
    Change, ChangeDirection, Comparison, Deadline, Direction, DirectionSource, Op, OpWritten,
    Qualitative, RangeTarget, Target, TargetKind,
};
