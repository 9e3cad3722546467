//! The one client for the careers fair API: every request the front end
//! makes goes through a function here. Bodies are the shared crate's types,
//! serialised by serde, so the two sides cannot drift apart.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::api::{
    AcceptInvite, AnswerRequest, ChallengeView, ChangeStatus, CreatedFair, ErasePupil, Erased,
    ErrorBody, ErrorCode, FairDetails, FairReport, FairView, InboxQuestion, Invite, JoinRequest,
    JoinedPupil, LeaderLink, NewSchool, PupilRecord, RecordInteraction, RecordedInteraction,
    ResumeRequest, SaveAnswers, SchoolTotals, SchoolView, SignInRequest, SignedIn, StandContent,
    StandDetail, StandFigures, StandQuestion, StandReadiness, StandSummary,
};
use shared::api::{CompleteUpload, NewUpload, UploadSlot};
use shared::domain::{
    ChallengeQuestions, ChallengeStage, FairId, InteractionId, InviteId, SchoolId, StandId,
};
use thiserror::Error;

/// Why a request did not give the answer we wanted.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiClientError {
    /// The request never got an answer: offline, or the server is down.
    #[error("Could not reach the careers fair. Check your connection and try again.")]
    Network(String),
    /// The server refused or failed, and said why.
    #[error("{}", .body.message)]
    Server { status: u16, body: ErrorBody },
    /// The server failed without a readable explanation.
    #[error("The careers fair answered with an error (HTTP {status}). Please try again.")]
    Status { status: u16 },
    /// The server answered, but not with what this page understands.
    #[error("The careers fair sent an answer this page could not read.")]
    Decode(String),
}

impl ApiClientError {
    /// The server's error code, when it sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiClientError::Server { body, .. } => Some(body.code),
            _ => None,
        }
    }

    /// Whether sending the same request again might work: the network or
    /// the server failed, rather than the request being wrong.
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiClientError::Network(_) => true,
            ApiClientError::Server { status, .. } | ApiClientError::Status { status } => {
                *status == 429 || *status >= 500
            }
            ApiClientError::Decode(_) => false,
        }
    }

    /// Whether the pupil or organiser needs to sign in (again).
    pub fn needs_sign_in(&self) -> bool {
        matches!(
            self.code(),
            Some(ErrorCode::MissingToken | ErrorCode::InvalidToken)
        )
    }
}

/// Which of the organiser's CSV exports to fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Schools,
    Exhibitors,
    YearGroups,
    Pupils,
}

impl Export {
    pub const ALL: [Export; 4] = [
        Export::Schools,
        Export::Exhibitors,
        Export::YearGroups,
        Export::Pupils,
    ];

    /// The export's name in its path, file name and button id.
    pub fn slug(self) -> &'static str {
        match self {
            Export::Schools => "schools",
            Export::Exhibitors => "exhibitors",
            Export::YearGroups => "year-groups",
            Export::Pupils => "pupils",
        }
    }

    /// What the button offers, e.g. "year groups".
    pub fn label(self) -> &'static str {
        match self {
            Export::Schools => "schools",
            Export::Exhibitors => "exhibitors",
            Export::YearGroups => "year groups",
            Export::Pupils => "per-pupil",
        }
    }

    fn file(self, format: FileFormat) -> String {
        format!("{}.{}", self.slug(), format.extension())
    }

    /// The name to save the download under, e.g. `demo-schools.xlsx`.
    pub fn file_name(self, fair: &FairId, format: FileFormat) -> String {
        format!("{fair}-{}", self.file(format))
    }
}

/// The two formats every organiser's export comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    pub const ALL: [FileFormat; 2] = [FileFormat::Csv, FileFormat::Xlsx];

    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Xlsx => "xlsx",
        }
    }

    /// What the button calls it.
    pub fn label(self) -> &'static str {
        match self {
            FileFormat::Csv => "CSV",
            FileFormat::Xlsx => "Excel",
        }
    }

    fn media_type(self) -> &'static str {
        match self {
            FileFormat::Csv => "text/csv",
            FileFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

fn fair_url(fair: &FairId, rest: &str) -> String {
    format!("/api/fairs/{fair}{rest}")
}

/// A request body as JSON, written by [`crate::json`] rather than by
/// gloo-net's serde_json.
trait JsonBody {
    fn json_body<T: Serialize + ?Sized>(self, value: &T) -> Result<Request, gloo_net::Error>;
    /// A body that is JSON already.
    fn json_text(self, body: &str) -> Result<Request, gloo_net::Error>;
}

impl JsonBody for RequestBuilder {
    fn json_body<T: Serialize + ?Sized>(self, value: &T) -> Result<Request, gloo_net::Error> {
        let body = crate::json::to_string(value)
            .map_err(|error| gloo_net::Error::GlooError(error.to_string()))?;
        self.json_text(&body)
    }

    fn json_text(self, body: &str) -> Result<Request, gloo_net::Error> {
        self.header("Content-Type", "application/json").body(body)
    }
}

fn bearer(request: RequestBuilder, token: &str) -> RequestBuilder {
    request.header("Authorization", &format!("Bearer {token}"))
}

/// Sends a request and returns the response if its status is a success;
/// otherwise turns the error body into an [`ApiClientError`].
async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiClientError> {
    let request = request.map_err(|error| ApiClientError::Decode(error.to_string()))?;
    let response = request
        .send()
        .await
        .map_err(|error| ApiClientError::Network(error.to_string()))?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    match json::<ErrorBody>(response).await {
        Ok(body) => Err(ApiClientError::Server { status, body }),
        Err(_) => Err(ApiClientError::Status { status }),
    }
}

/// The response's body, parsed by the browser, as `T`.
async fn json<T: DeserializeOwned>(response: Response) -> Result<T, ApiClientError> {
    let decode = |error: crate::json::JsonError| ApiClientError::Decode(error.to_string());
    let parsing = web_sys::Response::from(response)
        .json()
        .map_err(|error| decode(error.into()))?;
    let value = wasm_bindgen_futures::JsFuture::from(parsing)
        .await
        .map_err(|error| decode(error.into()))?;
    crate::json::from_value(value).map_err(decode)
}

/// `GET /api/fairs/{fair}`: the fair's name and dates.
pub async fn fair(fair: &FairId) -> Result<FairView, ApiClientError> {
    json(send(Request::get(&fair_url(fair, "")).build()).await?).await
}

/// `POST /api/fairs/{fair}/pupils`: join with a school's code.
pub async fn join(fair: &FairId, request: &JoinRequest) -> Result<JoinedPupil, ApiClientError> {
    json(send(Request::post(&fair_url(fair, "/pupils")).json_body(request)).await?).await
}

/// `POST /api/fairs/{fair}/pupil-sessions`: a pupil carries on with their
/// resume code.
pub async fn resume(fair: &FairId, request: &ResumeRequest) -> Result<JoinedPupil, ApiClientError> {
    json(send(Request::post(&fair_url(fair, "/pupil-sessions")).json_body(request)).await?).await
}

/// `POST /api/fairs/{fair}/organiser-sessions`: an organiser signs in.
pub async fn organiser_sign_in(
    fair: &FairId,
    request: &SignInRequest,
) -> Result<SignedIn, ApiClientError> {
    json(send(Request::post(&fair_url(fair, "/organiser-sessions")).json_body(request)).await?)
        .await
}

/// `GET /api/fairs/{fair}/stands`: the hall.
pub async fn stands(fair: &FairId, token: &str) -> Result<Vec<StandSummary>, ApiClientError> {
    let request = bearer(Request::get(&fair_url(fair, "/stands")), token).build();
    json(send(request).await?).await
}

/// `GET /api/fairs/{fair}/stands/{stand}`: one stand.
pub async fn stand(
    fair: &FairId,
    stand: &StandId,
    token: &str,
) -> Result<StandDetail, ApiClientError> {
    let url = fair_url(fair, &format!("/stands/{stand}"));
    json(send(bearer(Request::get(&url), token).build()).await?).await
}

/// `GET /api/fairs/{fair}/stands/{stand}/figures`: the exhibitor's own
/// figures for their stand, with small counts suppressed.
pub async fn stand_figures(
    fair: &FairId,
    stand: &StandId,
    token: &str,
) -> Result<StandFigures, ApiClientError> {
    let url = fair_url(fair, &format!("/stands/{stand}/figures"));
    json(send(bearer(Request::get(&url), token).build()).await?).await
}

/// `GET /api/fairs/{fair}/stands/{stand}/questions`: the pupil's own
/// questions at the stand and the published ones.
pub async fn stand_questions(
    fair: &FairId,
    stand: &StandId,
    token: &str,
) -> Result<Vec<StandQuestion>, ApiClientError> {
    let url = fair_url(fair, &format!("/stands/{stand}/questions"));
    json(send(bearer(Request::get(&url), token).build()).await?).await
}

/// `GET /api/fairs/{fair}/stands/{stand}/inbox`: every question asked at
/// the exhibitor's stand.
pub async fn inbox(
    fair: &FairId,
    stand: &StandId,
    token: &str,
) -> Result<Vec<InboxQuestion>, ApiClientError> {
    let url = fair_url(fair, &format!("/stands/{stand}/inbox"));
    json(send(bearer(Request::get(&url), token).build()).await?).await
}

/// `PUT .../questions/{id}/answer`: answers, privately or for everyone.
pub async fn answer_question(
    fair: &FairId,
    stand: &StandId,
    question: &InteractionId,
    answer: &AnswerRequest,
    token: &str,
) -> Result<InboxQuestion, ApiClientError> {
    let url = fair_url(
        fair,
        &format!("/stands/{stand}/questions/{question}/answer"),
    );
    json(send(bearer(Request::put(&url), token).json_body(answer)).await?).await
}

/// `POST .../questions/{id}/flag`: marks a question as inappropriate.
pub async fn flag_question(
    fair: &FairId,
    stand: &StandId,
    question: &InteractionId,
    token: &str,
) -> Result<InboxQuestion, ApiClientError> {
    let url = fair_url(fair, &format!("/stands/{stand}/questions/{question}/flag"));
    json(send(bearer(Request::post(&url), token).build()).await?).await
}

/// `POST /api/fairs/{fair}/interactions`: one attempt at recording. The
/// server answers a replay of the same id with the same body, so callers
/// may retry with an unchanged `interaction`.
pub async fn record_interaction(
    fair: &FairId,
    token: &str,
    interaction: &RecordInteraction,
) -> Result<RecordedInteraction, ApiClientError> {
    let body = crate::json::to_string(interaction)
        .map_err(|error| ApiClientError::Decode(error.to_string()))?;
    record_interaction_json(fair, token, &body).await
}

/// As [`record_interaction`], with the interaction already as JSON (as it
/// waits in the outbox).
pub async fn record_interaction_json(
    fair: &FairId,
    token: &str,
    body: &str,
) -> Result<RecordedInteraction, ApiClientError> {
    let request = bearer(Request::post(&fair_url(fair, "/interactions")), token).json_text(body);
    json(send(request).await?).await
}

/// `GET /api/fairs/{fair}/challenge`: the questions and the pupil's answers.
pub async fn challenge(fair: &FairId, token: &str) -> Result<ChallengeView, ApiClientError> {
    json(send(bearer(Request::get(&fair_url(fair, "/challenge")), token).build()).await?).await
}

/// `PUT /api/fairs/{fair}/me/challenge/{stage}`: saves one stage's answers.
pub async fn save_answers(
    fair: &FairId,
    stage: ChallengeStage,
    answers: &SaveAnswers,
    token: &str,
) -> Result<(), ApiClientError> {
    let url = fair_url(fair, &format!("/me/challenge/{}", stage.code()));
    send(bearer(Request::put(&url), token).json_body(answers)).await?;
    Ok(())
}

/// `PUT /api/fairs/{fair}/challenge`: the organiser sets the questions.
pub async fn set_challenge(
    fair: &FairId,
    questions: &ChallengeQuestions,
    token: &str,
) -> Result<(), ApiClientError> {
    let url = fair_url(fair, "/challenge");
    send(bearer(Request::put(&url), token).json_body(questions)).await?;
    Ok(())
}

/// `GET /api/fairs/{fair}/me`: the pupil's own record.
pub async fn my_record(fair: &FairId, token: &str) -> Result<PupilRecord, ApiClientError> {
    json(send(bearer(Request::get(&fair_url(fair, "/me")), token).build()).await?).await
}

/// `GET /api/fairs/{fair}/report`: the organiser's totals.
pub async fn report(fair: &FairId, token: &str) -> Result<FairReport, ApiClientError> {
    json(send(bearer(Request::get(&fair_url(fair, "/report")), token).build()).await?).await
}

/// `GET /api/fairs/{fair}/exports/...`: an export, as CSV or XLSX.
pub async fn export(
    fair: &FairId,
    token: &str,
    export: Export,
    format: FileFormat,
    progress: impl Fn(Received),
) -> Result<Vec<u8>, ApiClientError> {
    let url = fair_url(fair, &format!("/exports/{}", export.file(format)));
    let response = send(bearer(Request::get(&url), token).build()).await?;
    read_with_progress(response, progress).await
}

/// How much of a download has arrived.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Received {
    pub bytes: u64,
    /// The whole size, when the server said it (a streamed file has none).
    pub total: Option<u64>,
    /// Line ends so far: a CSV file's rows, header included.
    pub lines: u64,
}

/// The response's body, read piece by piece as it arrives, telling
/// `progress` after each piece, so a large export shows how far it has got.
async fn read_with_progress(
    response: Response,
    progress: impl Fn(Received),
) -> Result<Vec<u8>, ApiClientError> {
    use wasm_bindgen::JsCast;
    let failed = |error: wasm_bindgen::JsValue| ApiClientError::Network(format!("{error:?}"));
    let total = response
        .headers()
        .get("content-length")
        .and_then(|length| length.parse().ok());
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    let mut received = Received {
        total,
        ..Received::default()
    };
    loop {
        let piece = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(failed)?;
        let done = js_sys::Reflect::get(&piece, &"done".into()).map_err(failed)?;
        if done.as_bool().unwrap_or(true) {
            return Ok(bytes);
        }
        let value = js_sys::Reflect::get(&piece, &"value".into()).map_err(failed)?;
        let piece = js_sys::Uint8Array::new(&value).to_vec();
        received.bytes += piece.len() as u64;
        received.lines += piece.iter().filter(|b| **b == b'\n').count() as u64;
        bytes.extend_from_slice(&piece);
        progress(received);
    }
}

/// `GET /api/fairs/{fair}/schools`: every school, with its join code.
pub async fn schools(fair: &FairId, token: &str) -> Result<Vec<SchoolView>, ApiClientError> {
    json(send(bearer(Request::get(&fair_url(fair, "/schools")), token).build()).await?).await
}

/// `POST /api/fairs/{fair}/schools`: adds one school.
pub async fn add_school(
    fair: &FairId,
    school: &NewSchool,
    token: &str,
) -> Result<SchoolView, ApiClientError> {
    let request = bearer(Request::post(&fair_url(fair, "/schools")), token).json_body(school);
    json(send(request).await?).await
}

/// `POST /api/fairs/{fair}/schools/import`: adds every school in a CSV
/// file, or none.
pub async fn import_schools(
    fair: &FairId,
    file: String,
    token: &str,
) -> Result<Vec<SchoolView>, ApiClientError> {
    let request = bearer(Request::post(&fair_url(fair, "/schools/import")), token)
        .header("Content-Type", "text/csv")
        .body(file);
    json(send(request).await?).await
}

/// `POST /api/fairs/{fair}/stands/import`: adds every exhibitor in a CSV
/// file (an empty stand each), or none.
pub async fn import_stands(
    fair: &FairId,
    file: String,
    token: &str,
) -> Result<Vec<StandSummary>, ApiClientError> {
    let request = bearer(Request::post(&fair_url(fair, "/stands/import")), token)
        .header("Content-Type", "text/csv")
        .body(file);
    json(send(request).await?).await
}

/// `POST /api/fairs/{fair}/schools/{school}/join-code`: replaces the code.
pub async fn new_join_code(
    fair: &FairId,
    school: &SchoolId,
    token: &str,
) -> Result<SchoolView, ApiClientError> {
    let url = fair_url(fair, &format!("/schools/{school}/join-code"));
    json(send(bearer(Request::post(&url), token).build()).await?).await
}

/// `POST /api/fairs/{fair}/schools/{school}/leader-link`: a sign-in link
/// for the school's careers leader.
pub async fn leader_link(
    fair: &FairId,
    school: &SchoolId,
    token: &str,
) -> Result<LeaderLink, ApiClientError> {
    let url = fair_url(fair, &format!("/schools/{school}/leader-link"));
    json(send(bearer(Request::post(&url), token).build()).await?).await
}

/// `GET /api/fairs/{fair}/readiness`: what each stand still needs.
pub async fn readiness(fair: &FairId, token: &str) -> Result<Vec<StandReadiness>, ApiClientError> {
    json(send(bearer(Request::get(&fair_url(fair, "/readiness")), token).build()).await?).await
}

/// `POST /api/fairs/{fair}/erasures`: erases one pupil's data.
pub async fn erase_pupil(
    fair: &FairId,
    request: &ErasePupil,
    token: &str,
) -> Result<Erased, ApiClientError> {
    let request = bearer(Request::post(&fair_url(fair, "/erasures")), token).json_body(request);
    json(send(request).await?).await
}

/// `PUT /api/fairs/{fair}/details`: the fair's name, description, dates.
pub async fn save_details(
    fair: &FairId,
    details: &FairDetails,
    token: &str,
) -> Result<(), ApiClientError> {
    send(bearer(Request::put(&fair_url(fair, "/details")), token).json_body(details)).await?;
    Ok(())
}

/// `POST /api/fairs`: the organiser starts another fair.
pub async fn create_fair(
    details: &FairDetails,
    token: &str,
) -> Result<CreatedFair, ApiClientError> {
    json(send(bearer(Request::post("/api/fairs"), token).json_body(details)).await?).await
}

/// `PUT /api/fairs/{fair}/status`: the organiser moves the fair on;
/// archiving says how many days pupils' data is kept.
pub async fn change_status(
    fair: &FairId,
    request: &ChangeStatus,
    token: &str,
) -> Result<(), ApiClientError> {
    send(bearer(Request::put(&fair_url(fair, "/status")), token).json_body(request)).await?;
    Ok(())
}

/// `PUT /api/fairs/{fair}/stands/{stand}/content`: the stand's words.
pub async fn save_stand_content(
    fair: &FairId,
    stand: &StandId,
    content: &StandContent,
    token: &str,
) -> Result<(), ApiClientError> {
    let url = fair_url(fair, &format!("/stands/{stand}/content"));
    send(bearer(Request::put(&url), token).json_body(content)).await?;
    Ok(())
}

/// `POST /api/fairs/{fair}/stands/{stand}/invites`: a single-use link for
/// someone to run the stand.
pub async fn create_invite(
    fair: &FairId,
    stand: &StandId,
    token: &str,
) -> Result<Invite, ApiClientError> {
    let url = fair_url(fair, &format!("/stands/{stand}/invites"));
    json(send(bearer(Request::post(&url), token).build()).await?).await
}

/// `DELETE /api/fairs/{fair}/stands/{stand}/invites/{invite}`.
pub async fn withdraw_invite(
    fair: &FairId,
    stand: &StandId,
    invite: &InviteId,
    token: &str,
) -> Result<(), ApiClientError> {
    let url = fair_url(fair, &format!("/stands/{stand}/invites/{invite}"));
    send(bearer(Request::delete(&url), token).build()).await?;
    Ok(())
}

/// `POST /api/fairs/{fair}/exhibitor-sessions`: follows an invitation.
pub async fn accept_invite(
    fair: &FairId,
    request: &AcceptInvite,
) -> Result<SignedIn, ApiClientError> {
    let request = Request::post(&fair_url(fair, "/exhibitor-sessions")).json_body(request);
    json(send(request).await?).await
}

/// `GET /api/fairs/{fair}/schools/{school}/report`: one school's totals.
pub async fn school_report(
    fair: &FairId,
    school: &SchoolId,
    token: &str,
) -> Result<SchoolTotals, ApiClientError> {
    let url = fair_url(fair, &format!("/schools/{school}/report"));
    json(send(bearer(Request::get(&url), token).build()).await?).await
}

/// `GET /api/fairs/{fair}/schools/{school}/exports/pupils.{csv,xlsx}`.
pub async fn school_pupils(
    fair: &FairId,
    school: &SchoolId,
    token: &str,
    format: FileFormat,
) -> Result<Vec<u8>, ApiClientError> {
    let path = format!("/schools/{school}/exports/pupils.{}", format.extension());
    file(&fair_url(fair, &path), token).await
}

/// Saves a fetched file as `name` and says how that went, for the status
/// line beside the download button.
pub fn save_file(
    name: &str,
    format: FileFormat,
    fetched: Result<Vec<u8>, ApiClientError>,
) -> String {
    match fetched {
        Ok(bytes) => match crate::browser::save_bytes(name, &bytes, format.media_type()) {
            Ok(()) => format!("Downloaded {name}"),
            Err(_) => "The download did not start: please try again.".to_owned(),
        },
        Err(error) => format!("Download failed: {error}"),
    }
}

/// `GET /api/fairs/{fair}/stands/{stand}/figures.csv`: the exhibitor's
/// figures as a file.
pub async fn stand_figures_csv(
    fair: &FairId,
    stand: &StandId,
    token: &str,
) -> Result<Vec<u8>, ApiClientError> {
    file(
        &fair_url(fair, &format!("/stands/{stand}/figures.csv")),
        token,
    )
    .await
}

/// A file from the API, as it came.
async fn file(url: &str, token: &str) -> Result<Vec<u8>, ApiClientError> {
    let response = send(bearer(Request::get(url), token).build()).await?;
    response
        .binary()
        .await
        .map_err(|error| ApiClientError::Network(error.to_string()))
}

/// `POST /api/fairs/{fair}/stands/{stand}/uploads`: where to send a file.
pub async fn start_upload(
    fair: &FairId,
    stand: &StandId,
    upload: &NewUpload,
    token: &str,
) -> Result<UploadSlot, ApiClientError> {
    let request = bearer(
        Request::post(&fair_url(fair, &format!("/stands/{stand}/uploads"))),
        token,
    )
    .json_body(upload);
    json(send(request).await?).await
}

/// Sends a file's bytes where its slot says (S3, or the local API), with no
/// token: the address itself is the permission.
pub async fn send_file(slot: &UploadSlot, file: &web_sys::File) -> Result<(), ApiClientError> {
    send(Request::put(&slot.url).body(file.clone())).await?;
    Ok(())
}

/// `POST .../uploads/{upload}/complete`: the server checks the file and
/// puts it on the stand; the answer is the stand as pupils now see it.
pub async fn complete_upload(
    fair: &FairId,
    stand: &StandId,
    upload: &str,
    request: &CompleteUpload,
    token: &str,
) -> Result<StandDetail, ApiClientError> {
    let path = fair_url(fair, &format!("/stands/{stand}/uploads/{upload}/complete"));
    let request = bearer(Request::post(&path), token).json_body(request);
    json(send(request).await?).await
}

/// `DELETE /api/fairs/{fair}/stands/{stand}{file}`, where `file` is
/// `/prospectuses/{id}`, `/videos/{id}` or `/logo`: takes the file off the
/// stand; the answer is the stand as pupils now see it.
pub async fn remove_stand_file(
    fair: &FairId,
    stand: &StandId,
    file: &str,
    token: &str,
) -> Result<StandDetail, ApiClientError> {
    let path = fair_url(fair, &format!("/stands/{stand}{file}"));
    json(send(bearer(Request::delete(&path), token).build()).await?).await
}
