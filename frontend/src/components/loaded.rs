//! Data a page asks the API for, and showing it: "Loading…" while it
//! comes, the page's view of it once it has, and what went wrong if it
//! failed.
//!
//! Leptos compiles its resource, Suspense and error-boundary machinery once
//! per data type and per closure type. With one resource per page that was
//! a large share of the download, so [`Fetched`] stores every page's data
//! behind one type (`Arc<dyn Any>`) and one boxed fetcher, and every page
//! renders through the one non-generic [`boundary`]. Only the small
//! closures that fetch and render a page's data are generic.

use super::{ErrorList, Loading};
use crate::api::ApiClientError;
use leptos::prelude::*;
use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A page's data, with its type erased.
type Data = Result<Arc<dyn Any + Send + Sync>, ApiClientError>;
/// A fetch of a page's data, with its type erased.
type Fetch = Pin<Box<dyn Future<Output = Data>>>;
/// What a page shows of its data, once the data has come (`None` before).
type Render = Box<dyn Fn() -> Option<Result<AnyView, ApiClientError>> + Send>;

/// Data of type `T` the page asked the API for: a `LocalResource` that
/// starts fetching when created and fetches again if the signals read by the
/// fetcher change.
pub struct Fetched<T> {
    resource: LocalResource<Data>,
    data: std::marker::PhantomData<fn() -> T>,
}

impl<T> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Fetched<T> {}

impl<T: Clone + Send + Sync + 'static> Fetched<T> {
    /// Starts fetching with `fetch`, a call to one of `api`'s functions.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, ApiClientError>> + 'static,
    {
        Self {
            resource: erased_resource(Box::new(move || {
                let fetching = fetch();
                Box::pin(async move { fetching.await.map(|data| Arc::new(data) as _) })
            })),
            data: std::marker::PhantomData,
        }
    }

    /// The data, once it has come and if it came without error. Reading it
    /// in a reactive closure re-runs the closure when the data comes.
    pub fn ok(self) -> Option<T> {
        self.resource.get()?.ok()?.downcast_ref::<T>().cloned()
    }

    /// `<Transition>` with an `<ErrorBoundary>` around `render` applied to
    /// the data. `sign_in` is where to join or sign in again, offered when
    /// the server says the sign-in is missing or expired.
    pub fn view(
        self,
        render: impl Fn(T) -> AnyView + Send + 'static,
        sign_in: Option<String>,
    ) -> AnyView {
        let resource = self.resource;
        boundary(
            Box::new(move || {
                let data = resource.get()?;
                Some(data.and_then(|data| {
                    data.downcast_ref::<T>()
                        .cloned()
                        .map(&render)
                        .ok_or_else(|| ApiClientError::Decode("unexpected data".to_owned()))
                }))
            }),
            sign_in,
        )
    }
}

fn erased_resource(fetch: Box<dyn Fn() -> Fetch>) -> LocalResource<Data> {
    LocalResource::new(fetch)
}

fn boundary(render: Render, sign_in: Option<String>) -> AnyView {
    view! {
        <Transition fallback=Loading>
            <ErrorBoundary fallback=move |errors| {
                view! { <ErrorList errors sign_in=sign_in.clone() /> }
            }>{move || render()}</ErrorBoundary>
        </Transition>
    }
    .into_any()
}
