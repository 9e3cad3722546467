//! Longer text that people type (a pupil's question, an exhibitor's answer):
//! trimmed, not empty, at most `MAX` characters, line breaks allowed but no
//! other control characters. Like every text here it is rendered as text,
//! never as HTML.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParagraphError {
    #[error("must not be empty")]
    Empty,
    #[error("must be at most {0} characters")]
    TooLong(usize),
    #[error("must not contain control characters other than line breaks")]
    Control,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Paragraph<const MAX: usize>(String);

/// What a pupil asks at a stand: short enough to read at a glance.
pub type QuestionText = Paragraph<500>;
/// An exhibitor's answer.
pub type AnswerText = Paragraph<2000>;

impl<const MAX: usize> Paragraph<MAX> {
    pub const MAX_CHARS: usize = MAX;

    pub fn parse(value: &str) -> Result<Self, ParagraphError> {
        let text = value.trim().replace("\r\n", "\n");
        if text.is_empty() {
            return Err(ParagraphError::Empty);
        }
        if text.chars().count() > MAX {
            return Err(ParagraphError::TooLong(MAX));
        }
        if text.chars().any(|c| c.is_control() && c != '\n') {
            return Err(ParagraphError::Control);
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize> TryFrom<String> for Paragraph<MAX> {
    type Error = ParagraphError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl<const MAX: usize> From<Paragraph<MAX>> for String {
    fn from(value: Paragraph<MAX>) -> Self {
        value.0
    }
}

impl<const MAX: usize> fmt::Display for Paragraph<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_keep_line_breaks_and_are_trimmed() {
        let question = QuestionText::parse("  Do you take apprentices?\r\nAt 16?  ").expect("ok");
        assert_eq!(question.as_str(), "Do you take apprentices?\nAt 16?");
    }

    #[test]
    fn paragraphs_refuse_blank_long_or_control_text() {
        let cases = [
            (" \n ".to_owned(), ParagraphError::Empty, "blank"),
            ("x".repeat(501), ParagraphError::TooLong(500), "too long"),
            ("a\u{7}b".to_owned(), ParagraphError::Control, "bell"),
            ("a\u{0}b".to_owned(), ParagraphError::Control, "NUL"),
        ];
        for (input, error, why) in cases {
            assert_eq!(QuestionText::parse(&input), Err(error), "{why}");
        }
        assert!(
            QuestionText::parse(&"é".repeat(500)).is_ok(),
            "characters, not bytes"
        );
    }
}
