//! The data directory holds the ledger, the ledger's signing key and the subject
//! secret: it is the owner's alone, `0700`, and every file in it `0600`.

use std::io::Write;
use std::path::Path;

/// Creates `dir` (`0700`) or, when it exists, takes group and other permissions off it
/// and off the files already in it, logging each change; then checks it is writable.
/// Call [`tighten_files`] again once the stores have created their files.
pub fn prepare(dir: &Path) -> Result<(), String> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| format!("cannot create the data directory {}: {e}", dir.display()))?;
    tighten(dir, 0o700)?;
    tighten_files(dir)?;
    let probe = dir.join(".write-test");
    std::fs::File::create(&probe)
        .and_then(|mut f| f.write_all(b"ok"))
        .map_err(|e| format!("the data directory {} is not writable: {e}", dir.display()))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// Makes every regular file directly in `dir` `0600` (SQLite creates its database
/// with the process's umask, and its `-wal` and `-shm` files with the database's
/// mode). Symbolic links are left alone.
///
/// ```
/// # #[cfg(unix)] {
/// use std::os::unix::fs::PermissionsExt;
/// let dir = tempfile::tempdir().unwrap();
/// let file = dir.path().join("ledger.sqlite3");
/// std::fs::write(&file, b"").unwrap();
/// std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
/// consent_server::datadir::tighten_files(dir.path()).unwrap();
/// assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
/// # }
/// ```
pub fn tighten_files(dir: &Path) -> Result<(), String> {
    let listing =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in listing.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            tighten(&entry.path(), 0o600)?;
        }
    }
    Ok(())
}

/// Sets `path` to `mode` when group or others have any permission on it.
#[cfg(unix)]
fn tighten(path: &Path, mode: u32) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    let current = std::fs::symlink_metadata(path)
        .map_err(|e| format!("cannot read the permissions of {}: {e}", path.display()))?
        .permissions()
        .mode()
        & 0o777;
    if current & 0o077 == 0 {
        return Ok(());
    }
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(|e| {
        format!(
            "{} is readable by others (mode {current:o}) and cannot be made {mode:o}: {e}",
            path.display()
        )
    })?;
    tracing::warn!(
        "{} was mode {current:o}; made it {mode:o} (the data directory is the server's alone)",
        path.display()
    );
    Ok(())
}

#[cfg(not(unix))]
fn tighten(_: &Path, _: u32) -> Result<(), String> {
    Ok(())
}
