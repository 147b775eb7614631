namespace Paylink.Server.Startup;

/// <summary>
/// The data folder and the SQLite files hold the Data Protection key ring, which decrypts the test key and
/// the webhook secrets: only the account that runs Paylink may read them. The folder is kept 0700 and the
/// database 0600; SQLite gives its <c>-wal</c> and <c>-shm</c> files the mode of the database file, so the
/// database is made before SQLite first opens it. Files made by an older version are narrowed at start.
/// </summary>
public static class DataFiles
{
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly string[] Companions = ["-wal", "-shm", "-journal"];

    /// <summary>Creates the folder owner-only, or narrows an existing one to its owner.</summary>
    public static void PrepareFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }

        File.SetUnixFileMode(folder, OwnerOnlyFolder);
    }

    /// <summary>Creates the database file empty and owner-only (SQLite takes an empty file as a new database), or narrows it and its companions.</summary>
    public static void PrepareDatabase(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = OwnerOnlyFile,
            });
        }

        foreach (var file in Companions.Select(suffix => path + suffix).Prepend(path))
        {
            if (File.Exists(file))
            {
                File.SetUnixFileMode(file, OwnerOnlyFile);
            }
        }
    }
}
