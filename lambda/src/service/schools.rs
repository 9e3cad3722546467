//! The organiser's schools: adding one, importing many from a CSV file,
//! and giving a school a new join code (when the old one was shared too
//! widely). A school's id is made from its name; its code is random.

use super::existing_fair;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::model::School;
use crate::state::AppState;
use crate::store::StoreError;
use shared::api::{LeaderLink, MAX_IMPORTED_SCHOOLS, NewSchool, NewSchoolDetails, SchoolView};
use shared::domain::{FairId, JoinCode, SchoolId};
use std::collections::HashSet;
use time::{Duration, OffsetDateTime};

/// How many fresh codes to try when one is taken: there are 27^8 (about
/// 2.8 × 10^11) codes, so even one clash in a fair is very unlikely.
const CODE_ATTEMPTS: usize = 3;

/// How many of an import's problems the error lists.
const PROBLEMS_SHOWN: usize = 10;

/// A new random join code.
pub fn random_join_code() -> JoinCode {
    JoinCode::from_random_bytes(rand::random())
}

fn view(school: School) -> SchoolView {
    SchoolView {
        id: school.id,
        name: school.name,
        urn: school.urn,
        expected_pupils: school.expected_pupils,
        join_code: school.join_code,
    }
}

/// Every school of the fair, by name.
pub async fn list(state: &AppState, fair: &FairId) -> Result<Vec<SchoolView>, ApiError> {
    existing_fair(&state.store, fair).await?;
    let mut schools = state.store.schools(fair).await?;
    schools.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
    Ok(schools.into_iter().map(view).collect())
}

pub async fn add(
    state: &AppState,
    fair: &FairId,
    school: &NewSchool,
) -> Result<SchoolView, ApiError> {
    let details =
        NewSchoolDetails::try_from(school).map_err(|e| ApiError::InvalidField(e.to_string()))?;
    let mut added = add_all(state, fair, vec![(1, details)], "").await?;
    Ok(added.remove(0))
}

/// Adds every school in the CSV file, or (if any row is wrong, or names a
/// school already in the fair) none of them, listing what is wrong.
pub async fn import(
    state: &AppState,
    fair: &FairId,
    csv: &str,
) -> Result<Vec<SchoolView>, ApiError> {
    let rows = parse_csv(csv).map_err(|problems| ApiError::InvalidField(listed(&problems)))?;
    add_all(state, fair, rows, "row ").await
}

/// Checks the names are new to the fair, then adds each school with a
/// fresh code. `rows` carry where each came from, for the error.
async fn add_all(
    state: &AppState,
    fair: &FairId,
    rows: Vec<(usize, NewSchoolDetails)>,
    row_label: &str,
) -> Result<Vec<SchoolView>, ApiError> {
    existing_fair(&state.store, fair).await?;
    let existing = state.store.schools(fair).await?;
    let mut names: HashSet<String> = existing
        .iter()
        .map(|school| school.name.as_str().to_lowercase())
        .collect();
    let mut ids: HashSet<SchoolId> = existing.into_iter().map(|school| school.id).collect();
    let mut problems = Vec::new();
    let mut planned = Vec::with_capacity(rows.len());
    for (row, details) in rows {
        if !names.insert(details.name.as_str().to_lowercase()) {
            problems.push(format!(
                "{row_label}{row}: {} is already in this fair",
                details.name
            ));
            continue;
        }
        let id = unused_id(details.name.as_str(), &ids);
        ids.insert(id.clone());
        planned.push((id, details));
    }
    if !problems.is_empty() {
        return Err(ApiError::InvalidField(listed(&problems)));
    }
    let mut added = Vec::with_capacity(planned.len());
    for (id, details) in planned {
        added.push(view(create(state, fair, id, details).await?));
    }
    tracing::info!(%fair, schools = added.len(), "schools added");
    Ok(added)
}

async fn create(
    state: &AppState,
    fair: &FairId,
    id: SchoolId,
    details: NewSchoolDetails,
) -> Result<School, ApiError> {
    for _ in 0..CODE_ATTEMPTS {
        let school = School {
            id: id.clone(),
            name: details.name.clone(),
            join_code: random_join_code(),
            urn: details.urn,
            expected_pupils: details.expected_pupils,
        };
        match state.store.add_school(fair, &school).await {
            Ok(()) => return Ok(school),
            Err(StoreError::AlreadyExists) => continue,
            Err(error) => return Err(error.into()),
        }
    }
    // Only a school added with the same id at the same moment gets here.
    Err(ApiError::Unavailable)
}

/// Replaces the school's join code with a new one; the old one stops
/// working at once. Pupils who joined with it keep their places.
pub async fn new_join_code(
    state: &AppState,
    fair: &FairId,
    school: &SchoolId,
) -> Result<SchoolView, ApiError> {
    existing_fair(&state.store, fair).await?;
    for _ in 0..CODE_ATTEMPTS {
        let mut current = state
            .store
            .school(fair, school)
            .await?
            .ok_or(ApiError::NotFound)?;
        let code = random_join_code();
        match state.store.rotate_join_code(fair, &current, &code).await {
            Ok(()) => {
                tracing::info!(%fair, %school, "join code replaced");
                current.join_code = code;
                return Ok(view(current));
            }
            // The code was taken, or the school's code changed meanwhile.
            Err(StoreError::AlreadyExists) => continue,
            Err(error) => return Err(error.into()),
        }
    }
    Err(ApiError::Unavailable)
}

/// How long a careers leader's link works: the fair, and the weeks after
/// it when schools import the figures into their records.
pub const LEADER_LINK_LIFETIME: Duration = Duration::days(60);

/// A link for the school's careers leader, to their school's figures and
/// pupils' file only.
pub async fn leader_link(
    state: &AppState,
    fair: &FairId,
    school: &SchoolId,
) -> Result<LeaderLink, ApiError> {
    existing_fair(&state.store, fair).await?;
    state
        .store
        .school(fair, school)
        .await?
        .ok_or(ApiError::NotFound)?;
    let caller = Caller::SchoolLead {
        fair: fair.clone(),
        school: school.clone(),
    };
    let path = state
        .tokens
        .sign_in_path(&caller, LEADER_LINK_LIFETIME)
        .map_err(|_| ApiError::Internal)?;
    tracing::info!(%fair, %school, "careers leader link issued");
    Ok(LeaderLink {
        path,
        expires_at: OffsetDateTime::now_utc() + LEADER_LINK_LIFETIME,
    })
}

/// A school's id from its name: "St Mary's C of E School" becomes
/// "st-mary-s-c-of-e-school", with "-2", "-3"... if that is taken.
fn unused_id(name: &str, taken: &HashSet<SchoolId>) -> SchoolId {
    let mut base = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    base.truncate(56);
    let base = base.trim_end_matches('-');
    let base = if base.len() < 2 { "school" } else { base };
    (1..)
        .map(|n| match n {
            1 => base.to_owned(),
            n => format!("{base}-{n}"),
        })
        .filter_map(|candidate| SchoolId::parse(&candidate).ok())
        .find(|id| !taken.contains(id))
        .expect("some suffix is free")
}

/// The schools in a CSV file with a header row naming the columns `name`,
/// and optionally `urn` and `expected_pupils` (in any order and case), or
/// every problem found, each naming its row (the header is row 1).
fn parse_csv(text: &str) -> Result<Vec<(usize, NewSchoolDetails)>, Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader
        .headers()
        .map_err(|e| vec![format!("the file could not be read as CSV: {e}")])?
        .clone();
    let mut columns = [None; 3];
    let mut problems = Vec::new();
    for (index, title) in header.iter().enumerate() {
        let slot = match title.to_lowercase().replace(' ', "_").as_str() {
            "name" | "school" | "school_name" => 0,
            "urn" => 1,
            "expected_pupils" | "pupils" => 2,
            other => {
                problems.push(format!(
                    "the column {other:?} is not one of name, urn, expected_pupils"
                ));
                continue;
            }
        };
        columns[slot] = Some(index);
    }
    if columns[0].is_none() {
        problems.push("the first row must name the columns, including name".to_owned());
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut schools = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(format!("row {row}: {error}"));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |slot: usize| {
            columns[slot]
                .and_then(|index| record.get(index))
                .unwrap_or_default()
                .to_owned()
        };
        let school = NewSchool {
            name: cell(0),
            urn: cell(1),
            expected_pupils: cell(2),
        };
        match NewSchoolDetails::try_from(&school) {
            Ok(details) => schools.push((row, details)),
            Err(error) => problems.push(format!("row {row}: {error}")),
        }
    }
    if schools.is_empty() && problems.is_empty() {
        problems.push("the file lists no schools".to_owned());
    }
    if schools.len() > MAX_IMPORTED_SCHOOLS {
        problems.push(format!(
            "one file may hold at most {MAX_IMPORTED_SCHOOLS} schools"
        ));
    }
    if problems.is_empty() {
        Ok(schools)
    } else {
        Err(problems)
    }
}

/// The first few problems as one sentence, saying how many more there are.
fn listed(problems: &[String]) -> String {
    let mut text = problems
        .iter()
        .take(PROBLEMS_SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > PROBLEMS_SHOWN {
        text.push_str(&format!("; and {} more", problems.len() - PROBLEMS_SHOWN));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_names_and_never_clash() {
        let mut taken = HashSet::new();
        let first = unused_id("St Mary's C of E School", &taken);
        assert_eq!(first.as_str(), "st-mary-s-c-of-e-school");
        taken.insert(first);
        assert_eq!(
            unused_id("St. Mary's C of E School!", &taken).as_str(),
            "st-mary-s-c-of-e-school-2"
        );
        assert_eq!(unused_id("É", &taken).as_str(), "school");
    }

    #[test]
    fn a_csv_file_reads_in_any_column_order_with_optional_columns() {
        let text =
            "\u{feff}Expected pupils,Name,URN\n120,Minehead School,123456\n,Watchet Academy,\n\n";
        let rows = parse_csv(text).expect("valid");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1.urn.map(|u| u.get()), Some(123_456));
        assert_eq!(rows[0].1.expected_pupils.map(|n| n.get()), Some(120));
        assert_eq!(rows[1].1.name.as_str(), "Watchet Academy");
        assert_eq!(rows[1].1.urn, None);
    }

    #[test]
    fn every_bad_row_is_named() {
        let text = "name,urn\nMinehead School,12\n,123456\nWatchet Academy,654321\n";
        let problems = parse_csv(text).expect_err("two bad rows");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("row 2: a URN is 6 digits"));
        assert_eq!(problems[1], "row 3: name must not be empty");
        let unknown = parse_csv("name,email\nA School,a@b.c\n").expect_err("unknown column");
        assert!(unknown[0].contains("\"email\""), "{unknown:?}");
        assert_eq!(
            parse_csv("name\n").expect_err("empty"),
            ["the file lists no schools"]
        );
    }
}
