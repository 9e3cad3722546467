//! Pieces used on more than one screen.

mod feedback;
mod stand_card;
mod tally;

pub use feedback::{ErrorList, Loading, NeedsJoin};
pub use stand_card::StandCard;
pub use tally::TallyFigures;
