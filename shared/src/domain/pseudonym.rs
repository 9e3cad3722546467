//! The friendly name a pupil is shown and known by ("Brave Heron"), derived
//! from their pupil id so it needs no storage and reveals nothing about them.

use super::PupilId;
use serde::{Deserialize, Serialize};
use std::fmt;

const ADJECTIVES: [&str; 32] = [
    "Amber", "Brave", "Bright", "Calm", "Clever", "Cosmic", "Curious", "Daring", "Eager", "Gentle",
    "Golden", "Happy", "Jolly", "Keen", "Kind", "Lively", "Lucky", "Mighty", "Nimble", "Plucky",
    "Quick", "Quiet", "Rapid", "Shiny", "Silver", "Smart", "Steady", "Sunny", "Swift", "Witty",
    "Wise", "Zesty",
];
const ANIMALS: [&str; 32] = [
    "Badger", "Beaver", "Robin", "Dolphin", "Eagle", "Falcon", "Fox", "Gecko", "Hare", "Hedgehog",
    "Heron", "Ibis", "Jay", "Kestrel", "Koala", "Lark", "Lynx", "Marten", "Newt", "Otter", "Owl",
    "Panda", "Puffin", "Raven", "Salmon", "Seal", "Swan", "Tiger", "Toad", "Vole", "Wren", "Zebra",
];

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pseudonym(String);

impl Pseudonym {
    /// The pseudonym for a pupil: the same id always gives the same name.
    pub fn for_pupil(pupil: &PupilId) -> Self {
        let bytes = pupil.as_uuid().as_bytes();
        let adjective = ADJECTIVES[usize::from(bytes[0]) % ADJECTIVES.len()];
        let animal = ANIMALS[usize::from(bytes[1]) % ANIMALS.len()];
        Self(format!("{adjective} {animal}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Pseudonym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_pupil_always_gets_the_same_name() {
        let pupil = PupilId::new_random();
        assert_eq!(Pseudonym::for_pupil(&pupil), Pseudonym::for_pupil(&pupil));
        assert_eq!(Pseudonym::for_pupil(&pupil).as_str().split(' ').count(), 2);
    }
}
