//! Store calls from async code.

use crate::problem::Problem;
use crate::store::StoreError;

/// Runs a blocking store call on tokio's blocking pool and turns its failure into a
/// problem: a [`StoreError`] by its `From`, a panic in `f` as a `500`. Every handler
/// reaches the database through this, so an async worker never waits on it.
///
/// ```
/// # use consent_server::{blocking::blocking, store::StoreError};
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let two = blocking(|| Ok::<_, StoreError>(1 + 1)).await.unwrap();
/// assert_eq!(two, 2);
/// # });
/// ```
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, Problem> {
    match tokio::task::spawn_blocking(f).await {
        Ok(result) => result.map_err(Problem::from),
        Err(e) => Err(Problem::internal(e)),
    }
}
