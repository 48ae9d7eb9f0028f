//! Reading user files safely (a size limit before and during the read, UTF-8 checked) and the
//! one way rungs writes a file: every file it creates or replaces — profiles, private notes,
//! temporaries, locks, backups, caches, `.gitignore`, exports, ladders, sheets, config, the log —
//! is made here, as a regular file it means to write, never through a link it did not expect.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// Files larger than this are refused before they are read into memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    IsFolder,
    /// A FIFO, socket or device: reading one could block forever or never end.
    NotAFile,
    TooLarge(u64),
    /// Where the first byte that is not UTF-8 is, as a person's editor counts: line and
    /// column of characters, from 1.
    NotUtf8 {
        line: usize,
        col: usize,
    },
}

impl ReadError {
    /// The error for `bytes`, valid UTF-8 up to `valid_up_to`.
    pub fn not_utf8(bytes: &[u8], valid_up_to: usize) -> ReadError {
        let valid = std::str::from_utf8(&bytes[..valid_up_to.min(bytes.len())]).unwrap_or("");
        let line_start = valid.rfind('\n').map_or(0, |at| at + 1);
        ReadError::NotUtf8 {
            line: valid.matches('\n').count() + 1,
            col: valid[line_start..].chars().count() + 1,
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::IsFolder => f.write_str("is a folder, not a file"),
            ReadError::NotAFile => {
                f.write_str("is not a regular file (a FIFO, socket or device) and was not read")
            }
            ReadError::TooLarge(bytes) => write!(
                f,
                "is {bytes} bytes, over the {} MiB limit",
                MAX_FILE_BYTES / 1024 / 1024
            ),
            ReadError::NotUtf8 { line, col } => {
                write!(f, "is not UTF-8 text at line {line}, column {col}")
            }
        }
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`] as UTF-8 text, without a leading byte-order mark.
pub fn read_limited(path: &Path) -> Result<String, ReadError> {
    // Opening a FIFO blocks until a writer appears, so look before opening.
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::IsFolder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    // Sized from the metadata so a large file is read without the doublings of a growing buffer.
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    // The metadata can lie (a pipe, a growing file), so the read itself is bounded too.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let valid_up_to = e.utf8_error().valid_up_to();
        ReadError::not_utf8(e.as_bytes(), valid_up_to)
    })?;
    // Notepad and Excel start UTF-8 files with a byte-order mark; it is not part of the text.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// What to do with the file a write replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Previous<'a> {
    /// Keep it beside the new one as `<name>.bak`; if that cannot be done, write nothing.
    KeepAsBackup,
    /// Keep it at this path instead (for files whose backups must match a pattern of their
    /// own, such as private notes); if that cannot be done, write nothing.
    KeepAt(&'a Path),
    /// Let the new file replace it outright.
    Replace,
}

/// What the file a write makes is, which decides who may read it and whether a link in its
/// place is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewFile {
    /// A person's profile: a new one is readable by its owner only, an existing one keeps its
    /// mode, and a symlink the person made (into a synced folder, say) is followed to the
    /// regular file it points at.
    Private,
    /// Holds private notes (the notes' own file, its backup, an export that carries them):
    /// readable by its owner only after every write, whatever it was before; the tightening is
    /// announced (see [`on_notice`]). A link in its place is refused.
    Secret,
    /// Readable by its owner only when new, an existing file keeps its mode; a link in its
    /// place is refused: a cache of profiles, an export.
    OwnerOnly,
    /// As the umask says (an existing file keeps its mode): a ladder meant for a team, a cache.
    /// A link in its place is refused.
    Shared,
}

/// A write that failed: which file, doing what, and why.
#[derive(Debug)]
pub struct WriteError {
    pub path: std::path::PathBuf,
    pub action: &'static str,
    pub source: io::Error,
    /// Nothing was tried: the path names something rungs does not write to (a link, a FIFO, a
    /// device, a folder) or the text is more than could be read back. The person must choose
    /// another path or a smaller change, so this is bad input (exit 2), not a failure.
    pub refused: bool,
}

/// The action of a [`WriteError`] when the backup could not be made (and nothing was written).
pub const KEEP_BACKUP: &str = "keep the previous version as";

/// The action of a [`WriteError`] whose target is refused.
pub const REFUSE: &str = "write";

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.refused {
            return write!(
                f,
                "will not {} {}: {}",
                self.action,
                self.path.display(),
                self.source
            );
        }
        write!(
            f,
            "cannot {} {}: {}",
            self.action,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for WriteError {}

impl WriteError {
    pub fn refused(path: &Path, why: impl Into<String>) -> WriteError {
        WriteError {
            path: path.to_path_buf(),
            action: REFUSE,
            source: io::Error::new(io::ErrorKind::InvalidInput, why.into()),
            refused: true,
        }
    }
}

/// `path` with `suffix` added to its file name: `ada.ron` → `ada.ron.bak`.
pub fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

fn failed(path: &Path, action: &'static str) -> impl FnOnce(io::Error) -> WriteError {
    let path = path.to_path_buf();
    move |source| WriteError {
        path,
        action,
        source,
        refused: false,
    }
}

/// Whether this process has replaced or created a file through [`write_atomic`].
static WROTE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether this process has written a file (a profile, an export, a cache...): a command whose
/// output then cannot be written has still made its change.
pub fn wrote_anything() -> bool {
    WROTE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Where words for the person about a write go (a file made owner-only); set once by the
/// command line, which prints them on stderr. Everything is logged as well.
static NOTICE: std::sync::OnceLock<fn(&str)> = std::sync::OnceLock::new();

/// Sends the write path's notices (see [`NOTICE`]) to `show`; the first call wins.
pub fn on_notice(show: fn(&str)) {
    let _ = NOTICE.set(show);
}

/// Says `message` to the person (on stderr from the command line) and logs it.
pub fn notice(message: &str) {
    tracing::warn!("{message}");
    if let Some(show) = NOTICE.get() {
        show(message);
    }
}

/// Why rungs will not write at `path`, whatever the caller meant: it is a folder, a FIFO, a
/// socket or a device, or a link (unless links are followed for this kind of file, and then
/// one to a regular file). `None`: nothing is there, or a regular file.
pub fn refusal(path: &Path, new_file: NewFile) -> Option<WriteError> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    let kind = meta.file_type();
    if kind.is_symlink() {
        if path.starts_with("/dev") {
            return Some(WriteError::refused(
                path,
                "it is a device, and rungs writes only regular files — to print on stdout, leave out --out",
            ));
        }
        if new_file != NewFile::Private {
            return Some(WriteError::refused(
                path,
                "it is a symbolic link, and rungs writes only regular files it means to, never through a link — remove the link, or name the file it points at",
            ));
        }
        return match std::fs::metadata(path) {
            Ok(target) if target.is_file() => None,
            Ok(_) => Some(WriteError::refused(
                path,
                "it is a link to something that is not a regular file — point it at a file, or remove it",
            )),
            Err(e) => Some(WriteError::refused(
                path,
                format!("it is a link that cannot be followed ({e}) — mend or remove it"),
            )),
        };
    }
    if kind.is_dir() {
        return Some(WriteError::refused(
            path,
            "it is a folder — name a file instead",
        ));
    }
    if !kind.is_file() {
        return Some(WriteError::refused(
            path,
            "it is not a regular file (a FIFO, socket or device), and rungs writes only regular files — name a file instead",
        ));
    }
    None
}

/// The file a write to `path` must replace: for a profile, the target of the person's own
/// symlink (so the link stays a link and the file it points at gets the change), else `path`
/// itself. Anything else in the way is refused (see [`refusal`]).
fn real_file(path: &Path, new_file: NewFile) -> Result<std::path::PathBuf, WriteError> {
    if let Some(refused) = refusal(path, new_file) {
        return Err(refused);
    }
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).map_err(failed(path, "follow the link"))
        }
        _ => Ok(path.to_path_buf()),
    }
}

/// Options that create `path` only if nothing at all is there (not even a dangling link), so
/// a name planted in advance is never written through.
pub fn create_new_options(mode: u32) -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    options
}

/// A name for a temporary beside `target` that no one can have planted: `.<name>.<random>.tmp`
/// (the `.tmp` the profiles folder's `.gitignore` names), created with exclusive creation.
fn temp_name(target: &Path, attempt: u32) -> std::path::PathBuf {
    use std::hash::{BuildHasher, Hasher};
    static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_u64(COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    hasher.write_u32(attempt);
    if let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(now.as_nanos());
    }
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!(".{name}.{:016x}.tmp", hasher.finish()))
}

/// Whether `name` is one of the temporaries [`write_atomic`] makes for a file named `target`.
fn is_temp_of(name: &str, target: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(target))
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|random| random.len() == 16 && random.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Removes the temporaries a killed write to `target` left behind. Only a
/// caller that holds the lock every writer of `target` takes may call it: an unlocked writer's
/// temporary would be taken from under it. Links are removed, never followed.
pub fn remove_stale_temps(target: &Path) {
    let Some(dir) = target.parent() else { return };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if is_temp_of(&file, &name) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Creates a temporary beside `target` with a fresh unique name and exclusive creation.
fn create_temp(
    steps: &dyn SaveSteps,
    target: &Path,
    mode: u32,
) -> Result<(std::path::PathBuf, File), WriteError> {
    let options = create_new_options(mode);
    let mut attempt = 0;
    loop {
        let temp = temp_name(target, attempt);
        match steps.create(&temp, &options) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 16 => attempt += 1,
            Err(e) => return Err(failed(&temp, "create")(e)),
        }
    }
}

/// Opens (creating if need be) a lock or session file without following a link and without
/// blocking on a FIFO: a link, a FIFO or a device there is refused, so a planted name never
/// truncates or locks something else.
pub fn open_lock(path: &Path) -> Result<File, WriteError> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    #[cfg(not(unix))]
    if let Some(refused) = refusal(path, NewFile::Shared) {
        return Err(refused);
    }
    // A folder there fails to open, as a failure to save (exit 1) with what to do.
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return WriteError::refused(
                path,
                "it is a symbolic link, and rungs never locks through a link — remove it",
            );
        }
        failed(path, "open")(e)
    })?;
    match file.metadata() {
        Ok(meta) if meta.is_file() => Ok(file),
        Ok(_) => Err(WriteError::refused(
            path,
            "it is not a regular file — remove it",
        )),
        Err(e) => Err(failed(path, "open")(e)),
    }
}

/// Opens `path` to append to it (a log), creating it readable by its owner only; a link or
/// anything but a regular file there is refused.
pub fn open_append(path: &Path) -> Result<File, WriteError> {
    if let Some(refused) = refusal(path, NewFile::Shared) {
        return Err(refused);
    }
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    let file = options.open(path).map_err(failed(path, "open"))?;
    match file.metadata() {
        Ok(meta) if meta.is_file() => Ok(file),
        Ok(_) => Err(WriteError::refused(path, "it is not a regular file")),
        Err(e) => Err(failed(path, "open")(e)),
    }
}

/// Moves the file at `from` to `to`, replacing whatever is at `to` (a link there is replaced,
/// never followed). Only a regular file is moved.
pub fn move_file(from: &Path, to: &Path) -> Result<(), WriteError> {
    if let Some(refused) = refusal(from, NewFile::Shared) {
        return Err(refused);
    }
    if std::fs::symlink_metadata(to).is_ok_and(|m| m.is_dir()) {
        return Err(WriteError::refused(to, "it is a folder"));
    }
    std::fs::rename(from, to).map_err(failed(to, "move a file to"))
}

/// Makes `path` readable by its owner only, saying so when it was not; for files that hold
/// private notes. A link is never followed.
pub fn make_owner_only(path: &Path) -> Result<(), WriteError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        // Opened without following a link (nor blocking on a FIFO), then checked and changed
        // through the open file: what is checked is what is changed, whatever is renamed into
        // `path` meanwhile.
        let file = OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
            .open(path)
            .map_err(|e| {
                if e.raw_os_error() == Some(libc::ELOOP) {
                    WriteError::refused(path, "it is a symbolic link")
                } else {
                    failed(path, "read the mode of")(e)
                }
            })?;
        let meta = file.metadata().map_err(failed(path, "read the mode of"))?;
        if !meta.is_file() {
            return Err(WriteError::refused(path, "it is not a regular file"));
        }
        let mode = meta.permissions().mode() & 0o777;
        if mode != 0o600 {
            file.set_permissions(std::fs::Permissions::from_mode(0o600))
                .map_err(failed(path, "set the permissions of"))?;
            if mode & 0o077 != 0 {
                announce_tightened(path, mode);
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(unix)]
fn announce_tightened(path: &Path, mode: u32) {
    notice(&format!(
        "{} holds private notes but was readable by others (mode {mode:o}); it is now readable by you only (600)",
        path.display()
    ));
}

/// The file-system steps of [`write_atomic`], one method each, so that a test can make any
/// one of them fail (a full disk, a refused permission, a rename that does not happen). Every
/// method does the real thing unless a test overrides it.
pub trait SaveSteps: Send + Sync + std::fmt::Debug {
    /// Creates a temporary; `options` create it only if nothing is at `path`.
    fn create(&self, path: &Path, options: &OpenOptions) -> io::Result<File> {
        options.open(path)
    }
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }
    fn sync_file(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }
    /// Keeps `target`'s bytes as `backup` (which does not exist): a hard link where the file
    /// system allows, else a copy into a file created only if nothing is there.
    fn keep_backup(&self, target: &Path, backup: &Path) -> io::Result<()> {
        if std::fs::hard_link(target, backup).is_err() {
            let mode = {
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    std::fs::metadata(target)?.permissions().mode() & 0o777
                }
                #[cfg(not(unix))]
                0o600
            };
            let mut from = File::open(target)?;
            let mut to = create_new_options(mode).open(backup)?;
            io::copy(&mut from, &mut to)?;
            to.sync_all()?;
        }
        Ok(())
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }
}

/// The file system as it is.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealDisk;

impl SaveSteps for RealDisk {}

/// Writes `bytes` to `path` so that a crash at any moment leaves the old file or the new one,
/// never half of one: a temporary beside the real file with a unique name made by exclusive
/// creation, flushed to disk, renamed over it, and the folder flushed. Only regular files are
/// written: a folder, FIFO, socket or device at `path` is refused, and so is a link, except a
/// person's own link to their profile ([`NewFile::Private`]), which stays a link while the file
/// it points at is replaced. Text over [`MAX_FILE_BYTES`], which rungs would refuse to read
/// back, is refused. An existing file's mode is kept, except that one holding private notes
/// ([`NewFile::Secret`]) is always left owner-only. With [`Previous::KeepAsBackup`] the old
/// bytes stay as `<path>.bak` (with [`Previous::KeepAt`], where it says), or nothing is
/// written.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    previous: Previous,
    new_file: NewFile,
) -> Result<(), WriteError> {
    write_atomic_with(&RealDisk, path, bytes, previous, new_file)
}

/// Writes an export (a file rungs never reads back) as [`write_atomic`] does, but without the
/// [`MAX_FILE_BYTES`] limit: that limit protects the files rungs reads back, and an export of
/// a profile that loads must never be refused for its size.
pub fn write_export(
    path: &Path,
    bytes: &[u8],
    previous: Previous,
    new_file: NewFile,
) -> Result<(), WriteError> {
    write_counted(
        &RealDisk,
        path,
        bytes,
        previous,
        new_file,
        Counted::Yes,
        ReadBack::No,
    )
}

/// Writes a cache that only saves work (the roster's): as [`write_atomic`], owner-only, but
/// not a change the person made, so it is not counted in [`wrote_anything`].
pub fn write_cache(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_counted(
        &RealDisk,
        path,
        bytes,
        Previous::Replace,
        NewFile::OwnerOnly,
        Counted::No,
        ReadBack::Yes,
    )
}

/// [`write_atomic`] through the given steps. When any step before the rename fails, the old
/// file is untouched and the temp file is removed.
pub fn write_atomic_with(
    steps: &dyn SaveSteps,
    path: &Path,
    bytes: &[u8],
    previous: Previous,
    new_file: NewFile,
) -> Result<(), WriteError> {
    write_counted(
        steps,
        path,
        bytes,
        previous,
        new_file,
        Counted::Yes,
        ReadBack::Yes,
    )
}

/// Whether a write is a change the person made (see [`wrote_anything`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counted {
    Yes,
    No,
}

/// Whether rungs reads the file back, so that it must stay within [`MAX_FILE_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReadBack {
    Yes,
    No,
}

fn write_counted(
    steps: &dyn SaveSteps,
    path: &Path,
    bytes: &[u8],
    previous: Previous,
    new_file: NewFile,
    counted: Counted,
    read_back: ReadBack,
) -> Result<(), WriteError> {
    if read_back == ReadBack::Yes && bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(WriteError::refused(
            path,
            format!(
                "it would be {} bytes, over the {} MiB limit rungs reads back",
                bytes.len(),
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
    let target = real_file(path, new_file)?;
    let existing = std::fs::metadata(&target).ok();
    let backup = match previous {
        Previous::KeepAsBackup => Some(with_suffix(path, ".bak")),
        Previous::KeepAt(backup) => Some(backup.to_path_buf()),
        Previous::Replace => None,
    };
    let (temp, file) = create_temp(steps, &target, create_mode(new_file))?;
    let replaced = write_temp(steps, file, &temp, bytes, existing.as_ref(), new_file)
        .and_then(|()| match backup.filter(|_| existing.is_some()) {
            Some(backup) => keep_backup(steps, &target, &backup, new_file),
            None => Ok(()),
        })
        .and_then(|()| {
            steps
                .rename(&temp, &target)
                .map_err(failed(&target, "replace"))
        });
    if let Err(e) = replaced {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    if counted == Counted::Yes {
        WROTE.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    #[cfg(unix)]
    if new_file == NewFile::Secret
        && let Some(mode) = existing.as_ref().map(|m| {
            use std::os::unix::fs::PermissionsExt;
            m.permissions().mode() & 0o777
        })
        && mode & 0o077 != 0
    {
        announce_tightened(&target, mode);
    }
    // Makes the rename itself durable. Past the rename every reader sees the new file, so a
    // failure here is no failure to save (a retry would make the change twice); it is logged.
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty());
    if let Err(e) = steps.sync_dir(dir.unwrap_or(Path::new("."))) {
        tracing::warn!(path = %target.display(), error = %e, "saved, but the folder could not be flushed to disk");
    }
    Ok(())
}

/// The mode a temporary is created with: owner-only for profiles and private notes.
fn create_mode(new_file: NewFile) -> u32 {
    match new_file {
        NewFile::Private | NewFile::Secret | NewFile::OwnerOnly => 0o600,
        NewFile::Shared => 0o666,
    }
}

fn write_temp(
    steps: &dyn SaveSteps,
    mut file: File,
    temp: &Path,
    bytes: &[u8],
    existing: Option<&std::fs::Metadata>,
    new_file: NewFile,
) -> Result<(), WriteError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = match (new_file, existing) {
            (NewFile::Secret, _) => Some(0o600),
            // The replaced file's permissions carry over (0600 stays 0600); a setuid, setgid
            // or sticky bit does not: rungs writes text, never programs.
            (_, Some(meta)) => Some(meta.permissions().mode() & 0o777),
            (_, None) => None,
        };
        if let Some(mode) = mode {
            file.set_permissions(std::fs::Permissions::from_mode(mode))
                .map_err(failed(temp, "set the permissions of"))?;
        }
    }
    #[cfg(not(unix))]
    if let Some(meta) = existing {
        let _ = new_file;
        file.set_permissions(meta.permissions())
            .map_err(failed(temp, "set the permissions of"))?;
    }
    steps
        .write(&mut file, bytes)
        .map_err(failed(temp, "write"))?;
    steps.sync_file(&file).map_err(failed(temp, "flush"))
}

/// Keeps the current bytes of `target` as `backup`, replacing an older backup only once the
/// new one exists: it is made beside it under a unique temporary name and renamed over it (a
/// link at `backup` is replaced, never followed). The backup of private notes is owner-only.
fn keep_backup(
    steps: &dyn SaveSteps,
    target: &Path,
    backup: &Path,
    new_file: NewFile,
) -> Result<(), WriteError> {
    let fail = failed(backup, KEEP_BACKUP);
    // A link there is replaced, never followed; anything else but a regular file (a folder,
    // a FIFO, a device) is left alone and nothing is written.
    if let Ok(meta) = std::fs::symlink_metadata(backup)
        && !meta.is_file()
        && !meta.file_type().is_symlink()
    {
        if meta.is_dir() {
            let folder = io::Error::new(io::ErrorKind::IsADirectory, "it is a folder");
            return Err(fail(folder));
        }
        let mut refused = WriteError::refused(
            backup,
            "it is not a regular file (a FIFO, socket or device) — move it out of the way",
        );
        refused.action = KEEP_BACKUP;
        return Err(refused);
    }
    let mut made = Err(io::Error::from(io::ErrorKind::AlreadyExists));
    let mut fresh = std::path::PathBuf::new();
    for attempt in 0..16 {
        fresh = temp_name(backup, attempt);
        made = steps.keep_backup(target, &fresh);
        if !made
            .as_ref()
            .is_err_and(|e| e.kind() == io::ErrorKind::AlreadyExists)
        {
            break;
        }
    }
    let made = made
        .and_then(|()| {
            // The old file's mode came along with its bytes; the notice for the file itself
            // covers its backup.
            #[cfg(unix)]
            if new_file == NewFile::Secret {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&fresh, std::fs::Permissions::from_mode(0o600))?;
            }
            Ok(())
        })
        .and_then(|()| steps.rename(&fresh, backup));
    if let Err(e) = made {
        let _ = std::fs::remove_file(&fresh);
        return Err(fail(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_file_and_can_keep_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ladder.ron");
        write_atomic(&path, b"one", Previous::KeepAsBackup, NewFile::Shared).unwrap();
        assert!(!with_suffix(&path, ".bak").exists());
        write_atomic(&path, b"two", Previous::KeepAsBackup, NewFile::Shared).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read(with_suffix(&path, ".bak")).unwrap(), b"one");
        assert!(!with_suffix(&path, ".tmp").exists());
        let err = write_atomic(
            &dir.path().join("no/such/dir/x.ron"),
            b"",
            Previous::Replace,
            NewFile::Shared,
        )
        .unwrap_err();
        assert!(err.to_string().contains("cannot create"), "{err}");
    }
}
