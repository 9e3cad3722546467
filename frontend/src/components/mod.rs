//! Pieces used on more than one screen.

mod charts;
mod csv_import;
mod feedback;
mod interest_picker;
mod invite_link;
mod loaded;
mod scroll_table;
mod stand_card;
mod tally;
mod text_field;

pub use charts::{BarChart, TimeChart};
pub use csv_import::{CsvImport, SendFile, counted};
pub use feedback::{ErrorList, Loading, NeedsJoin};
pub use interest_picker::InterestPicker;
pub use invite_link::InviteLink;
pub use loaded::Fetched;
pub use scroll_table::ScrollTable;
pub use stand_card::StandCard;
pub use tally::TallyFigures;
pub use text_field::TextField;
