//! The resume code: a few everyday words a pupil writes down when they
//! join, to carry on later or on another device without a name, an email or
//! a password. Four words from a list of 256 give 2^32 codes; the API stores
//! each in use once and slows down repeated wrong guesses.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// How many words a code has.
pub const RESUME_WORDS: usize = 4;

/// Short, concrete words an 11-year-old can read, spell and copy down.
const WORDS: [&str; 256] = [
    "acorn", "anchor", "apple", "arrow", "autumn", "badge", "badger", "bagel", "bamboo", "banana",
    "banjo", "basket", "beach", "beacon", "bean", "bear", "beaver", "beetle", "berry", "bicycle",
    "biscuit", "blanket", "blossom", "boat", "bonnet", "boot", "bottle", "bramble", "bread",
    "breeze", "brick", "bridge", "brook", "brush", "bubble", "bucket", "bunny", "butter", "button",
    "cabin", "cactus", "camel", "candle", "canoe", "canyon", "carpet", "carrot", "castle",
    "cattle", "cedar", "cello", "cherry", "chess", "chimney", "cinema", "circle", "cliff", "clock",
    "cloud", "clover", "coconut", "comet", "compass", "cookie", "copper", "coral", "cotton",
    "crayon", "cricket", "crystal", "cupcake", "daffodil", "daisy", "desert", "diamond", "dinner",
    "dolphin", "donkey", "dragon", "drum", "eagle", "echo", "elbow", "engine", "falcon", "feather",
    "fern", "ferry", "fiddle", "field", "finch", "flame", "flute", "forest", "fossil", "fountain",
    "frost", "garden", "ginger", "giraffe", "glacier", "globe", "goose", "grape", "harbour",
    "harp", "hazel", "hedge", "helmet", "hill", "honey", "hoop", "igloo", "island", "ivy",
    "jacket", "jelly", "jigsaw", "jungle", "kayak", "kettle", "kite", "kitten", "koala", "ladder",
    "lagoon", "lake", "lantern", "leaf", "lemon", "lemur", "lettuce", "lily", "lizard", "lobster",
    "magnet", "mango", "maple", "marble", "meadow", "melon", "mint", "mitten", "monkey", "moon",
    "mountain", "muffin", "mushroom", "needle", "nest", "noodle", "oak", "ocean", "olive", "onion",
    "orange", "orbit", "otter", "owl", "paddle", "panda", "parrot", "peach", "peanut", "pearl",
    "pebble", "pencil", "penguin", "pepper", "piano", "pickle", "pillow", "pine", "planet", "plum",
    "pocket", "pony", "poppy", "potato", "puffin", "pumpkin", "puzzle", "quilt", "rabbit",
    "radish", "rain", "rainbow", "raven", "ribbon", "river", "robin", "rocket", "rose", "saddle",
    "salmon", "sandal", "saucer", "scarf", "seal", "shell", "ship", "silver", "skate", "sled",
    "snail", "snow", "sock", "socks", "spade", "sparrow", "spider", "sponge", "spoon", "squirrel",
    "star", "stone", "storm", "sugar", "summer", "sunset", "swan", "table", "tent", "tiger",
    "toast", "tomato", "torch", "tortoise", "tower", "tractor", "train", "tree", "trumpet",
    "tulip", "turnip", "turtle", "umbrella", "valley", "velvet", "violin", "volcano", "wagon",
    "walnut", "walrus", "water", "whale", "wheel", "willow", "window", "winter", "wizard", "wolf",
    "yacht", "yogurt", "zebra", "zigzag",
];

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ResumeCodeError {
    #[error("should be {RESUME_WORDS} words, for example \"otter maple river cloud\"")]
    WordCount,
    #[error("\"{0}\" is not one of the words a resume code uses: check the spelling")]
    UnknownWord(String),
}

/// Four words from [`WORDS`], stored and shown joined by hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ResumeCode(String);

impl ResumeCode {
    /// Reads a code as people type it: any case, words separated by spaces,
    /// hyphens or other punctuation.
    pub fn parse(value: &str) -> Result<Self, ResumeCodeError> {
        let words: Vec<String> = value
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|word| !word.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        if words.len() != RESUME_WORDS {
            return Err(ResumeCodeError::WordCount);
        }
        if let Some(unknown) = words.iter().find(|word| !WORDS.contains(&word.as_str())) {
            return Err(ResumeCodeError::UnknownWord(unknown.clone()));
        }
        Ok(Self(words.join("-")))
    }

    /// The code whose words are picked by `bytes`, one byte per word. The
    /// API passes random bytes.
    pub fn from_bytes(bytes: [u8; RESUME_WORDS]) -> Self {
        let words: Vec<&str> = bytes.iter().map(|b| WORDS[usize::from(*b)]).collect();
        Self(words.join("-"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ResumeCode {
    type Error = ResumeCodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ResumeCode> for String {
    fn from(value: ResumeCode) -> Self {
        value.0
    }
}

impl fmt::Display for ResumeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_list_has_no_repeats_and_only_lower_case_letters() {
        let mut sorted = WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 256);
        assert!(
            WORDS
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }

    #[test]
    fn codes_read_in_any_case_and_with_any_separators() {
        let code = ResumeCode::from_bytes([0, 1, 2, 255]);
        assert_eq!(code.as_str(), "acorn-anchor-apple-zigzag");
        for typed in ["Acorn Anchor Apple Zigzag", " acorn-anchor, apple.ZIGZAG "] {
            assert_eq!(ResumeCode::parse(typed), Ok(code.clone()), "{typed}");
        }
    }

    #[test]
    fn wrong_codes_say_what_is_wrong() {
        assert_eq!(
            ResumeCode::parse("acorn anchor apple"),
            Err(ResumeCodeError::WordCount)
        );
        assert_eq!(
            ResumeCode::parse("acorn anchor apple zigzga"),
            Err(ResumeCodeError::UnknownWord("zigzga".into()))
        );
        assert!(serde_json::from_str::<ResumeCode>("\"acorn\"").is_err());
    }
}
