//! Pieces used on more than one screen.

mod feedback;
mod loaded;
mod stand_card;
mod tally;

pub use feedback::{ErrorList, Loading, NeedsJoin};
pub use loaded::Fetched;
pub use stand_card::StandCard;
pub use tally::TallyFigures;
